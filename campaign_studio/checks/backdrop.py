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


def _polygons(path: PathItem) -> list[list[tuple[float, float]]]:
    """The path's subpaths as polygons, curves cut into 12 segments (enough to tell a ring's hole)."""
    polys: list[list[tuple[float, float]]] = []
    for op, c in path.ops:
        if op == "M":
            polys.append([(c[0], c[1])])
        elif op == "L":
            polys[-1].append((c[0], c[1]))
        elif op == "C":
            (x0, y0), n = polys[-1][-1], 12
            for i in range(1, n + 1):
                t = i / n
                u = 1 - t
                a, b, cc, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
                polys[-1].append((a * x0 + b * c[0] + cc * c[2] + d * c[4], a * y0 + b * c[1] + cc * c[3] + d * c[5]))
    return polys


def _winding(polys: list[list[tuple[float, float]]], x: float, y: float) -> int:
    """Winding number of the point (crossings of a ray to the right, signed by edge direction)."""
    w = 0
    for poly in polys:
        for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
            if (y0 <= y) != (y1 <= y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                w += 1 if y1 > y0 else -1
    return w


def _paints_under(path: PathItem, box: Rect, samples: int = 6) -> bool:
    """Whether the path's fill shows anywhere under the box (sampled on a grid), e.g. not only a ring's hole."""
    if path.stroke is not None and path.stroke_width > 0:
        return True  # strokes are thin lines near their points: taken as under the box they overlap
    polys = _polygons(path)
    for i in range(samples):
        for j in range(samples):
            x = box.x + box.w * (i + 0.5) / samples
            y = box.y + box.h * (j + 0.5) / samples
            w = _winding(polys, x, y)
            if (w % 2 == 1) if path.fill_rule == "evenodd" else w != 0:
                return True
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
        if isinstance(item, PathItem) and not _paints_under(item, box):
            continue  # its bounding box overlaps, its ink does not (the text inside a ring)
        found += _colors(item)
        if _covers(item, box):
            return found
    return [*found, page.background]
