"""The grid every template shares: canvas unit, margins, content area, type-size floors."""

from __future__ import annotations

import math
from dataclasses import dataclass

from campaign_studio.model.formats import MM, Format
from campaign_studio.model.pagetree import Rect

WIDE_ASPECT = 1.25
# A page taller than this many widths is read by scrolling (a long infographic): its type is
# sized for a screenful of that height, not for the whole page, which would make it huge.
SCROLL_HEIGHT = 1.5  # at or above this width/height ratio templates put columns side by side
SOCIAL_MIN_TEXT_PX = 28.0  # on a 1080 px wide card (VISUAL-GUIDE)
PRINT_MIN_TEXT_PT = 6.0
PRINT_MARGIN_MIN = 12 * MM


@dataclass(frozen=True)
class Grid:
    page: Rect
    content: Rect  # inside margins and the safe area
    unit: float  # one hundredth of the canvas unit, in pt: type sizes are multiples of it
    margin: float
    gutter: float
    min_text: float  # absolute floor for any text size
    wide: bool
    print: bool = False  # a poster (room for details a social card leaves out)

    def size(self, hundredths: float) -> float:
        return hundredths * self.unit


def make_grid(fmt: Format) -> Grid:
    page = Rect(0, 0, fmt.width, fmt.height)
    safe = Rect(*fmt.safe_area) if fmt.safe_area else page
    short = min(safe.w, safe.h)
    margin = 0.07 * short
    if fmt.kind == "print":
        margin = max(margin, PRINT_MARGIN_MIN)
        min_text = PRINT_MIN_TEXT_PT
    else:
        min_text = SOCIAL_MIN_TEXT_PX * fmt.width / 1080
    content = Rect(safe.x + margin, safe.y + margin, safe.w - 2 * margin, safe.h - 2 * margin)
    unit = math.sqrt(safe.w * min(safe.h, SCROLL_HEIGHT * safe.w)) / 100
    return Grid(page, content, unit, margin, margin * 0.8, min_text, fmt.aspect >= WIDE_ASPECT, fmt.kind == "print")
