"""What an unpacked member's bytes may be: images that are no decompression bombs, SVGs that are safe.

Images are recognised by their first bytes as well as by their names, so renaming a file
does not get it past the check. Their size is read from the header (Pillow's Image.open
decodes nothing) and held to the bound logos have; SVGs go through the safe SVG parser
logos use (no DTD, no entities, no outside references, bounded size and elements).
"""

from __future__ import annotations

import warnings
from pathlib import Path, PurePosixPath

from campaign_studio.content.logos import MAX_PIXELS
from campaign_studio.content.pack_format import refusal
from campaign_studio.content.svg_logo import MAX_SVG_BYTES, check_svg
from campaign_studio.model.diagnostics import InputError, Location

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff"}


def _is_image(name: str, head: bytes) -> bool:
    webp = head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return webp or head.startswith(_IMAGE_MAGIC) or PurePosixPath(name).suffix.lower() in _IMAGE_SUFFIXES


def _is_svg(name: str, head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return PurePosixPath(name).suffix.lower() == ".svg" or start.startswith((b"<svg", b"<!doctype svg")) or \
        (start.startswith(b"<?xml") and b"<svg" in head.lower())


def _check_image(name: str, file: Path, pack: Path) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:  # reads the header only
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise refusal(pack, f"member {name!r} is a decompression bomb: {exc}",
                      "ask for the pack again without this image") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise refusal(pack, f"member {name!r} is named or starts like an image but is not a readable one ({exc})",
                      "ask for the pack again with the image saved anew") from None
    if width * height > MAX_PIXELS:
        raise refusal(pack, f"member {name!r} is {width:,} × {height:,} pixels ({width * height / 1e6:,.0f} "
                      f"megapixels), more than the {MAX_PIXELS // 1_000_000} megapixels an image may have "
                      "(a decompression bomb, or far more than any format needs)",
                      "ask for the pack again with a smaller copy of the image")


def _check_svg(name: str, file: Path, pack: Path) -> None:
    with file.open("rb") as stream:
        data = stream.read(MAX_SVG_BYTES + 1)
    try:
        check_svg(Path(name), data, Location(pack))  # refusals name the member
    except InputError as exc:
        d = exc.diagnostic
        raise refusal(pack, f"member {name!r}: {d.message}", d.hint) from None


def check_member(name: str, file: Path, pack: Path) -> None:
    """Refuse the unpacked member `name` (at `file`) when it is an unsafe image or SVG."""
    with file.open("rb") as stream:
        head = stream.read(1024)
    if _is_svg(name, head):
        _check_svg(name, file, pack)
    elif _is_image(name, head):
        _check_image(name, file, pack)
