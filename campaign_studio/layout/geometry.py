"""Moving placed items: blocks are laid out at y = 0, then moved to their place."""

from __future__ import annotations

from typing import TypeVar

from campaign_studio.model.pagetree import FigureGroup, Fill, ImageItem, Item, PathItem, QRCode, Rect, TextBlock, TextLine

T = TypeVar("T")


def _moved(item: T, **changes: object) -> T:
    """dataclasses.replace without re-running __init__ and its checks: a moved item stays valid.

    Layout's search moves tens of thousands of runs per design; dataclasses.replace() was a fifth of its time.
    """
    new = object.__new__(type(item))
    new.__dict__.update(item.__dict__)
    new.__dict__.update(changes)
    return new


def shift_rect(r: Rect, dx: float, dy: float) -> Rect:
    return Rect(r.x + dx, r.y + dy, r.w, r.h)


def shift_line(line: TextLine, dx: float, dy: float) -> TextLine:
    runs = tuple(_moved(run, x=run.x + dx, y=run.y + dy) for run in line.runs)
    return _moved(line, runs=runs, baseline=line.baseline + dy, left=line.left + dx)


def shift(item: Item, dx: float, dy: float) -> Item:
    if isinstance(item, TextBlock):
        return _moved(item, box=shift_rect(item.box, dx, dy), lines=tuple(shift_line(ln, dx, dy) for ln in item.lines))
    if isinstance(item, Fill | QRCode | ImageItem):
        return _moved(item, box=shift_rect(item.box, dx, dy))
    if isinstance(item, PathItem):
        ops = tuple((op, tuple(c + (dx if i % 2 == 0 else dy) for i, c in enumerate(coords))) for op, coords in item.ops)
        return _moved(item, ops=ops)
    if isinstance(item, FigureGroup):
        return _moved(item, box=shift_rect(item.box, dx, dy), items=tuple(shift(i, dx, dy) for i in item.items))
    raise TypeError(f"cannot move {type(item).__name__}")


def bounds(items: list[Item]) -> Rect:
    boxes = [i.box for i in items]
    x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
    x1, y1 = max(b.right for b in boxes), max(b.bottom for b in boxes)
    return Rect(x0, y0, x1 - x0, y1 - y0)
