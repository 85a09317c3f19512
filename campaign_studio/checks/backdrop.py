"""The colours actually behind a box: what was painted under it, topmost first, down to the page."""

from __future__ import annotations

from campaign_studio.model.pagetree import Color, Fill, Item, Page, PathItem, QRCode, Rect


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _covers(item: Item, box: Rect) -> bool:
    # only a plain rectangle is known to cover a box fully (a rounded corner may not: stay conservative)
    if isinstance(item, Fill):
        inset = item.radius
        inner = Rect(item.box.x + inset, item.box.y, item.box.w - 2 * inset, item.box.h) if inset else item.box
        inner2 = Rect(item.box.x, item.box.y + inset, item.box.w, item.box.h - 2 * inset) if inset else item.box
        return inner.contains(box) or inner2.contains(box)
    if isinstance(item, QRCode):
        return False
    return False


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
