"""The raster images an ImageItem points at, as both renderers draw them.

Today every image is a brand logo. A raster one: content.logos checks it and keeps one copy downscaled
to what the largest format needs, so renderers never decode a huge file themselves. An SVG one is
drawn by render.vector_logo instead, never through here.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from campaign_studio.content.design_loader import logo_bound_px
from campaign_studio.content.logos import load_logo


def load_rgba(path: Path) -> Image.Image:
    """The image as RGBA, at most the size any format can show; cached by content. Treat it as read-only."""
    return load_logo(path, logo_bound_px())


def is_opaque(image: Image.Image) -> bool:
    """True when an RGBA image has no transparent pixel."""
    extrema = image.getchannel("A").getextrema()
    return bool(extrema[0] == 255)
