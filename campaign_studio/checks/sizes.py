"""Text sizes as a reader sees them, per kind of format, and the fonts' cap and x-heights.

WCAG's "large text" (18 pt, or 14 pt bold) is in CSS points: 1 CSS px = 0.75 pt, and the CSS
reference pixel is defined at arm's length (about 0.71 m). We convert page sizes to that:
- social cards are shown full width on a phone whose viewport is 360 CSS px wide (the
  narrowest common one; a wider screen only makes text bigger), so one image pixel is
  360 / card width CSS px: 18 pt = 24 CSS px = 72 px on a 1080-wide card;
- posters are real points read from the format's reading distance; the same angle at the
  CSS reference distance gives size × 0.71 / distance (an A3 read from 1.5 m: 38 pt counts as 18 pt).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from campaign_studio.model.formats import MM, Format

PHONE_VIEWPORT_CSS_PX = 360.0
CSS_REFERENCE_DISTANCE_M = 0.71
SOCIAL_MIN_PX_AT_1080 = 28.0  # VISUAL-GUIDE: no text under 28 px on a 1080-pixel-wide card
POSTER_CAP_MM_PER_M = 1.45  # CONTENT-NOTES: cap height in mm ≈ 1.45 × reading distance in metres
POSTER_MIN_PT = 6.0
SCRIPTS_WITHOUT_CAPITALS = {"Arab", "Hebr", "Ethi", "Thaa", "Syrc", "Deva", "Beng", "Thai", "Hani", "Hang", "Jpan"}


def viewed_pt(size: float, fmt: Format) -> float:
    """A page size (pt; px on social cards) as the CSS points WCAG's large-text rule counts."""
    if fmt.kind == "social":
        return size * PHONE_VIEWPORT_CSS_PX / fmt.width * 0.75
    distance = fmt.reading_distance_m or CSS_REFERENCE_DISTANCE_M
    return size * CSS_REFERENCE_DISTANCE_M / distance


def is_large(size: float, bold: bool, fmt: Format) -> bool:
    pt = viewed_pt(size, fmt)
    return pt >= 18.0 - 1e-6 or (bold and pt >= 14.0 - 1e-6)


def social_min_px(fmt: Format) -> float:
    return SOCIAL_MIN_PX_AT_1080 * fmt.width / 1080.0


@cache
def font_heights(path: Path) -> tuple[float, float, bool]:
    """(cap height, x-height) as fractions of the em, and whether the face is bold (OS/2 weight ≥ 600)."""
    with TTFont(path, lazy=True, fontNumber=0) as font:  # closed at once: the file may be replaced later
        upm = font["head"].unitsPerEm
        os2 = font.get("OS/2")
        cap = getattr(os2, "sCapHeight", 0) or 0.7 * upm
        xh = getattr(os2, "sxHeight", 0) or 0.5 * upm
        weight = getattr(os2, "usWeightClass", 400)
    return cap / upm, xh / upm, weight >= 600


def poster_min_mm(fmt: Format) -> float:
    return POSTER_CAP_MM_PER_M * fmt.reading_distance_m


def pt_to_mm(pt: float) -> float:
    return pt / MM
