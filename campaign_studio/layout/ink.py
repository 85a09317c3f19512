"""Where a text block's glyphs actually put ink, from the font outlines."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from campaign_studio.model.pagetree import TextBlock


def ink_extent(block: TextBlock) -> tuple[float, float]:
    """The top and bottom of the block's ink (page y, downwards); its line box when it draws nothing."""
    top, bottom = float("inf"), float("-inf")
    for line in block.lines:
        for run in line.runs:
            scale = run.size / _units_per_em(run.font.path)
            for glyph in run.glyphs:
                bounds = _glyph_bounds(run.font.path, glyph.gid)
                if bounds is None:
                    continue
                y_min, y_max = bounds
                top = min(top, run.y + glyph.y_offset - y_max * scale)
                bottom = max(bottom, run.y + glyph.y_offset - y_min * scale)
    if top > bottom:
        return block.box.y, block.box.bottom
    return top, bottom


@lru_cache(maxsize=16)
def _font(path: Path) -> TTFont:
    # from bytes: a lazily read font keeps no file open (a cached handle warns when it is dropped)
    return TTFont(io.BytesIO(path.read_bytes()), lazy=True)


def _units_per_em(path: Path) -> int:
    return int(_font(path)["head"].unitsPerEm)


@lru_cache(maxsize=4096)
def _glyph_bounds(path: Path, gid: int) -> tuple[float, float] | None:
    """The vertical extent of one glyph in font units (yMin, yMax), None for an empty glyph."""
    font = _font(path)
    pen = BoundsPen(font.getGlyphSet())
    font.getGlyphSet()[font.getGlyphName(gid)].draw(pen)
    if pen.bounds is None:
        return None
    return pen.bounds[1], pen.bounds[3]
