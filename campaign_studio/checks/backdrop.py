"""The colours actually behind a box: what was painted under it, topmost first, down to the page."""

from __future__ import annotations

from campaign_studio.model.pagetree import Color, Fill, Item, Page, PathItem, QRCode, Rect


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _inside_rounded(fill: Fill, x: float, y: float, tolerance: float = 0.01) -> bool:
    box, r = fill.box, min(fill.radius, fill.box.w / 2, fill.box.h / 2)
    if not (box.x - tolerance <= x <= box.right + tolerance and box.y - tolerance <= y <= box.bottom + tolerance):
        return False
    # the nearest point of the rectangle shrunk by the radius; a corner arc is within r of it
    cx = min(max(x, box.x + r), box.right - r)
    cy = min(max(y, box.y + r), box.bottom - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= (r + tolerance) ** 2


def _covers(item: Item, box: Rect) -> bool:
    """Whether the item surely covers the whole box: only filled rectangles, rounded or not, are known to.

    A rounded rectangle is convex, so it covers a box when it holds the box's four corners.
    """
    if not isinstance(item, Fill):
        return False
    if not item.radius:
        return item.box.contains(box)
    corners = ((box.x, box.y), (box.right, box.y), (box.x, box.bottom), (box.right, box.bottom))
    return all(_inside_rounded(item, x, y) for x, y in corners)


def _colors(item: Item) -> list[Color]:
    if isinstance(item, Fill):
        return [item.color]
    if isinstance(item, PathItem):
        return [c for c in (item.fill, item.stroke) if c is not None]
    if isinstance(item, QRCode):
        return [item.dark, item.light]
    return []


def colors_behind(page: Page, painted_before: list[Item], box: Rect) -> list[Color]:
    """Every colour that may show behind `box`: from the topmost item under it down to the first that covers it.

    `painted_before` are the page's items drawn before the thing in question, in paint order.
    Partly overlapping items each add their colour (text straddling a panel edge must pass on
    both); the first item that covers the whole box ends the search; else the page background.
    """
    found: list[Color] = []
    for item in reversed(painted_before):
        if not _overlaps(item.box, box):
            continue
        found += _colors(item)
        if _covers(item, box):
            return found
    return [*found, page.background]
