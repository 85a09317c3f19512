"""Empty vertical bands inside a page's columns: what the survey reports and layout avoids."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from campaign_studio.layout.grid import Grid
from campaign_studio.model.pagetree import Fill, Item, Rect


@dataclass(frozen=True)
class Hole:
    column: int  # 0 = the column at the start side
    where: str  # above | between | below | empty
    top: float
    height: float


def band_panel(items: Iterable[Item], page_width: float) -> Fill | None:
    """The full-width help band's panel, when the design has one (a help panel inside a
    column is a panel too, but it is one of the column's blocks, not the column's floor)."""
    return next((i for i in items if isinstance(i, Fill) and i.role == "panel" and i.box.w >= page_width - 0.5), None)


def largest_hole(items: Sequence[Item], grid: Grid, columns: Sequence[Rect]) -> Hole | None:
    """The tallest empty vertical band inside any column, above the help band if there is one.

    columns: the columns' boxes down to the content bottom; a block belongs to the column
    its centre lies in."""
    band = band_panel(items, grid.page.w)
    bottom = band.box.y - grid.margin if band else grid.content.bottom
    boxes = [i.box for i in items if i is not band]
    holes = [h for n, area in enumerate(columns)
             if (h := _column_hole(n, Rect(area.x, area.y, area.w, bottom - area.y), boxes)) is not None]
    return max(holes, key=lambda h: h.height, default=None)


def _column_hole(n: int, area: Rect, boxes: Iterable[Rect]) -> Hole | None:
    spans = sorted((max(b.y, area.y), min(b.bottom, area.bottom)) for b in boxes
                   if area.x - 0.5 <= b.x + b.w / 2 <= area.right + 0.5 and b.y < area.bottom and b.bottom > area.y)
    if not spans:
        return Hole(n, "empty", area.y, area.h)
    gaps = [Hole(n, "above", area.y, spans[0][0] - area.y)]
    reach = spans[0][1]
    for top, low in spans[1:]:
        if top > reach:
            gaps.append(Hole(n, "between", reach, top - reach))
        reach = max(reach, low)
    gaps.append(Hole(n, "below", reach, area.bottom - reach))
    return max(gaps, key=lambda h: h.height)
