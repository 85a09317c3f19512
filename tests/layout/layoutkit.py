"""Invariants of a laid-out page, checked on the page tree (no pixels).

Each check returns a list of readable violations, so a failing assertion says which
block broke which rule and by how much. Used by the tests in tests/layout.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pytest

from campaign_studio.layout.engine import Design
from campaign_studio.layout.grid import Grid
from campaign_studio.model.diagnostics import Diagnostics
from campaign_studio.model.formats import Format
from campaign_studio.model.pagetree import Fill, GlyphRun, Page, Rect, TextBlock

TOL = 0.5  # pt: rounding room for every geometric comparison
PHONE = "0800-0188"  # the national helpline every design shows
SOCIAL_MIN_PX_AT_1080 = 28.0  # VISUAL-GUIDE: no text under 28 px on a 1080 px wide card
PRINT_MIN_PT = 6.0  # VISUAL-GUIDE: never under 6 pt on a poster

# Built-in designs that currently end in an overflow error instead of a page. Each entry
# makes the tests of that design a strict xfail: when layout is fixed they XPASS, and the
# entry must go. Keep this the only list of known failures.
# e.g. ("women-men", "wide-16x9", "ar"): "layout bug: ... overflows (a column needs 806 pt, 774 pt available)"
KNOWN_OVERFLOW: dict[tuple[str, str, str], str] = {}


@dataclass(frozen=True)
class Laid:
    """One design and what layout made of it."""

    design: Design
    page: Page | None
    diagnostics: Diagnostics
    grid: Grid

    @property
    def error_text(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics.errors)

    def require_page(self) -> Page:
        assert self.page is not None, f"no page:\n{self.error_text}"
        return self.page

    def blocks(self, slot: str | None = None) -> list[TextBlock]:
        page = self.require_page()
        return [b for b in page.text_blocks() if slot is None or b.slot == slot]

    def block(self, slot: str) -> TextBlock:
        found = self.blocks(slot)
        assert len(found) == 1, f"expected one TextBlock in slot {slot!r}, found {[b.slot for b in self.blocks()]}"
        return found[0]


def case(template: str, fmt: str, lang: str) -> object:
    """A (template, format, language) test parameter, a strict xfail when it is a known overflow."""
    reason = KNOWN_OVERFLOW.get((template, fmt, lang))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(template, fmt, lang, id=f"{template}-{fmt}-{lang}", marks=marks)


def runs(block: TextBlock) -> list[GlyphRun]:
    return [run for line in block.lines for run in line.runs]


def ink_span(block: TextBlock) -> tuple[float, float]:
    """Leftmost and rightmost x of the block's runs (their advance boxes)."""
    rs = runs(block)
    return min(r.x for r in rs), max(r.x + r.width for r in rs)


def grown(r: Rect, by: float) -> Rect:
    return Rect(r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by)


def overlaps(a: Rect, b: Rect, tol: float = TOL) -> bool:
    return a.x < b.right - tol and b.x < a.right - tol and a.y < b.bottom - tol and b.y < a.bottom - tol


def _r(rect: Rect) -> str:
    return f"({rect.x:.1f}, {rect.y:.1f}, {rect.right:.1f}, {rect.bottom:.1f})"


def runs_outside_box(page: Page) -> list[str]:
    """Every glyph run lies horizontally inside its block's box."""
    bad = []
    for block in page.text_blocks():
        for run in runs(block):
            if run.x < block.box.x - TOL or run.x + run.width > block.box.right + TOL:
                bad.append(f"{block.slot}: run {run.text!r} spans {run.x:.1f}..{run.x + run.width:.1f}, "
                           f"box {block.box.x:.1f}..{block.box.right:.1f}")
    return bad


def lines_outside_box(page: Page) -> list[str]:
    """Every line's ascent and descent lie inside its block's box (nothing drawn above or below it)."""
    bad = []
    for block in page.text_blocks():
        for line in block.lines:
            top, bottom = line.baseline - line.ascent, line.baseline + line.descent
            if top < block.box.y - TOL or bottom > block.box.bottom + TOL:
                bad.append(f"{block.slot}: line {top:.1f}..{bottom:.1f}, box {block.box.y:.1f}..{block.box.bottom:.1f}")
    return bad


def items_outside(page: Page, content: Rect) -> list[str]:
    """Text, QR codes and logos inside the content area; panels may reach the page edges, other fills may not."""
    bad = []
    inner = grown(content, TOL)
    whole = grown(Rect(0, 0, page.width, page.height), TOL)
    for item in page.items:
        area, name = inner, "content area"
        if isinstance(item, Fill) and item.role == "panel":
            area, name = whole, "page"
        if not area.contains(item.box):
            label = item.slot if isinstance(item, TextBlock) else f"{type(item).__name__}({item.role})"
            bad.append(f"{label} {_r(item.box)} is outside the {name} {_r(area)}")
    return bad


def overlapping_text(page: Page, allowed: Iterable[tuple[str, str]] = ()) -> list[str]:
    """Pairs of TextBlocks whose boxes overlap (allowed: unordered slot pairs to leave out)."""
    ok = {frozenset(p) for p in allowed}
    blocks = page.text_blocks()
    bad = []
    for i, a in enumerate(blocks):
        for b in blocks[i + 1:]:
            if frozenset((a.slot, b.slot)) in ok:
                continue
            if overlaps(a.box, b.box):
                bad.append(f"{a.slot} {_r(a.box)} overlaps {b.slot} {_r(b.box)}")
    return bad


def minimum_text_size(fmt: Format) -> float:
    """The VISUAL-GUIDE floor, computed here rather than taken from the grid."""
    if fmt.kind == "social":
        return SOCIAL_MIN_PX_AT_1080 * fmt.width / 1080
    return PRINT_MIN_PT


def too_small(page: Page, fmt: Format) -> list[str]:
    floor = minimum_text_size(fmt)
    bad = [f"{b.slot}: {b.size:.2f} pt < {floor:.2f} pt" for b in page.text_blocks() if b.size < floor - 1e-6]
    # every run is drawn at the size of its block
    bad += [f"{b.slot}: run {r.text!r} at {r.size:.2f} pt < {floor:.2f} pt"
            for b in page.text_blocks() for r in runs(b) if r.size < floor - 1e-6]
    return bad


def outside_safe_area(page: Page) -> list[str]:
    assert page.safe_area is not None
    return [f"{b.slot} {_r(b.box)} is outside the safe area {_r(page.safe_area)}"
            for b in page.text_blocks() if not page.safe_area.contains(b.box, TOL)]


def all_violations(page: Page, grid: Grid, fmt: Format, allowed_overlaps: Iterable[tuple[str, str]] = ()) -> list[str]:
    return (runs_outside_box(page) + lines_outside_box(page) + items_outside(page, grid.content)
            + overlapping_text(page, allowed_overlaps) + too_small(page, fmt))


def of_type(page: Page, kind: type) -> list:
    return [i for i in page.items if isinstance(i, kind)]

