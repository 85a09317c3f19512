"""Loading the raster images an ImageItem points at (shared by both renderers)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import Image


class UnsupportedImageError(ValueError):
    """The file is not a raster image Pillow can read (e.g. an SVG logo)."""


@lru_cache(maxsize=32)
def _load(path: str, mtime_ns: int, size: int) -> Image.Image:
    try:
        with Image.open(path) as opened:
            opened.load()
            im: Image.Image = opened
            if im.mode == "CMYK":  # a CMYK JPEG: bring it to sRGB first
                im = im.convert("RGB")
            return im.convert("RGBA")
    except Image.UnidentifiedImageError as exc:
        raise UnsupportedImageError(f"{path}: not a raster image Pillow can read ({exc})") from exc


def load_rgba(path: Path) -> Image.Image:
    """The image as RGBA; cached per file version. Treat the result as read-only."""
    st = path.stat()
    return _load(str(path), st.st_mtime_ns, st.st_size)


def is_opaque(image: Image.Image) -> bool:
    """True when an RGBA image has no transparent pixel."""
    extrema = image.getchannel("A").getextrema()
    return bool(extrema[0] == 255)
