"""Anti-aliased coverage masks of vector paths, filled by a fill rule like a PDF viewer does.

Pillow's polygon fill knows neither curves nor fill rules, so paths are flattened here
(cubic curves into short line segments) and scan-converted at SUPERSAMPLE × the pixel
grid, counting edge crossings per scanline: even-odd keeps odd counts, non-zero keeps a
winding sum other than zero, for any path (self-intersecting ones too). The mask is
then reduced to pixels, which gives the coverage a PDF rasteriser's anti-aliasing gives.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from PIL import Image, ImageDraw

from campaign_studio.model.pagetree import PathOp

SUPERSAMPLE = 4
_FLATNESS = 0.2  # at most this many supersampled pixels between a curve and its segments

Point = tuple[float, float]


def subpaths(ops: Sequence[PathOp], scale: float) -> list[tuple[list[Point], bool]]:
    """Each subpath as a polyline in scaled coordinates, and whether it was closed."""
    out: list[tuple[list[Point], bool]] = []
    current: list[Point] = []
    closed = False
    for op, c in ops:
        if op == "M":
            if len(current) > 1:
                out.append((current, closed))
            current, closed = [(c[0] * scale, c[1] * scale)], False
        elif op == "L":
            current.append((c[0] * scale, c[1] * scale))
        elif op == "C":
            current += _flatten(current[-1], *((c[i] * scale, c[i + 1] * scale) for i in (0, 2, 4)))
        elif op == "Z":
            closed = True
    if len(current) > 1:
        out.append((current, closed))
    return out


def _flatten(p0: Point, p1: Point, p2: Point, p3: Point) -> list[Point]:
    # segments from the control polygon's length: enough that the chord error stays under _FLATNESS
    span = math.dist(p0, p1) + math.dist(p1, p2) + math.dist(p2, p3)
    n = max(2, min(256, math.ceil(math.sqrt(span / _FLATNESS))))
    pts = []
    for i in range(1, n + 1):
        t = i / n
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        pts.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return pts


def fill_mask(polys: list[list[Point]], origin: tuple[int, int], size: tuple[int, int], evenodd: bool) -> Image.Image:
    """Coverage ("L", size pixels, top-left at origin) of the closed polygons (supersampled coordinates)."""
    s = SUPERSAMPLE
    w, h = size[0] * s, size[1] * s
    ox, oy = origin[0] * s, origin[1] * s
    big = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(big)
    edges = []  # (y_top, y_bottom, x at y_top, dx/dy, winding)
    for poly in polys:
        for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1], strict=True):
            if y0 == y1:
                continue
            wind = 1 if y1 > y0 else -1
            if y0 > y1:
                x0, y0, x1, y1 = x1, y1, x0, y0
            edges.append((y0 - oy, y1 - oy, x0 - ox, (x1 - x0) / (y1 - y0), wind))
    if not edges:
        return big.reduce(s)
    edges.sort()
    active: list[tuple[float, float, float, float, int]] = []
    k = 0
    first = max(0, math.floor(edges[0][0]))
    last = min(h, math.ceil(max(e[1] for e in edges)))
    for row in range(first, last):
        y = row + 0.5  # sample at the centre of each supersampled row, as scan converters do
        while k < len(edges) and edges[k][0] <= y:
            active.append(edges[k])
            k += 1
        active = [e for e in active if e[1] > y]
        crossings = sorted((e[2] + (y - e[0]) * e[3], e[4]) for e in active if e[0] <= y)
        count = 0
        for (xa, wa), (xb, _) in itertools.pairwise(crossings):
            count += wa
            inside = count % 2 == 1 if evenodd else count != 0
            if inside:
                a, b = max(0, round(xa)), min(w, round(xb))  # pixel centres x+0.5 inside [xa, xb)
                if b > a:
                    draw.line((a, row, b - 1, row), fill=255)
    return big.reduce(s)


def stroke_mask(lines: list[tuple[list[Point], bool]], width: float, origin: tuple[int, int],
                size: tuple[int, int]) -> Image.Image:
    """Coverage of the polylines (supersampled coordinates) stroked `width` pixels wide, round joins and caps."""
    s = SUPERSAMPLE
    big = Image.new("L", (size[0] * s, size[1] * s), 0)
    draw = ImageDraw.Draw(big)
    ox, oy = origin[0] * s, origin[1] * s
    sw = max(1, round(width * s))
    r = width * s / 2
    for pts, closed in lines:
        shifted = [(x - ox, y - oy) for x, y in pts]
        if closed:
            shifted.append(shifted[0])
        draw.line(shifted, fill=255, width=sw, joint="curve")
        for x, y in shifted:  # round caps and joins: a disc at every vertex
            draw.ellipse((x - r, y - r, x + r, y + r), fill=255)
    return big.reduce(s)
