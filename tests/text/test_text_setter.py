"""Geometry of set text: baselines, alignment, runs and glyphs in page coordinates."""

from __future__ import annotations

import pytest
from textkit import big_box, ltr_line_text, make_style

from campaign_studio.model.pagetree import Rect
from campaign_studio.text import FontLibrary, set_text


def test_baselines_heights_and_metrics() -> None:
    style = make_style(size=20, line_height=1.5)
    box = Rect(30, 40, 120, 500)
    st = set_text("een twee drie vier vijf zes zeven acht", style, box, hyphenate=False)
    n = len(st.lines)
    assert n >= 3
    ascent, descent = 1.069 * 20, 0.293 * 20  # Noto Sans hhea metrics
    for k, line in enumerate(st.lines):
        assert line.baseline == pytest.approx(40 + ascent + k * 30)
        assert line.ascent == pytest.approx(ascent) and line.descent == pytest.approx(descent)
        for run in line.runs:
            assert run.y == line.baseline and run.size == 20
    assert st.height == pytest.approx(ascent + (n - 1) * 30 + descent)
    assert st.width == pytest.approx(max(line.width for line in st.lines))
    assert st.size == 20 and not st.overfull


def test_arabic_text_uses_the_taller_arabic_metrics_for_the_whole_block() -> None:
    st = set_text("Hallo مرحبا", make_style(size=10), big_box())
    assert st.lines[0].ascent == pytest.approx(13.74)
    assert st.lines[0].descent == pytest.approx(7.38)


def test_alignment_in_the_box() -> None:
    box = Rect(100, 0, 400, 100)
    style = make_style()
    start = set_text("Bel gratis", style, box).lines[0]
    end = set_text("Bel gratis", style, box, align="end").lines[0]
    center = set_text("Bel gratis", style, box, align="center").lines[0]
    assert start.left == 100
    assert end.left + end.width == pytest.approx(500)
    assert center.left == pytest.approx(100 + (400 - center.width) / 2)
    assert start.runs[0].x == start.left


def test_runs_and_glyphs_add_up() -> None:
    st = set_text("Eén op de vijf vrouwen", make_style(size=30), Rect(5, 5, 1000, 100))
    (line,) = st.lines
    (run,) = line.runs
    assert run.text == "Eén op de vijf vrouwen"
    assert run.width == pytest.approx(sum(g.x_advance for g in run.glyphs))
    assert line.width == pytest.approx(run.width)
    assert all(0 <= g.cluster < len(run.text) for g in run.glyphs)
    # Advances scale linearly with size (no hinting).
    small = set_text("Eén op de vijf vrouwen", make_style(size=15), Rect(5, 5, 1000, 100))
    assert small.width == pytest.approx(st.width / 2)


def test_trailing_spaces_are_not_part_of_a_line() -> None:
    st = set_text("  Bel   gratis  ", make_style(), big_box())
    assert ltr_line_text(st.lines[0]) == "Bel   gratis"


def test_empty_text() -> None:
    st = set_text("", make_style(), big_box())
    assert len(st.lines) == 1 and st.lines[0].runs == () and st.width == 0


def test_bold_and_explicit_library() -> None:
    lib = FontLibrary.default()
    st = set_text("Bel", make_style(weight="bold"), big_box(), fonts=lib)
    assert st.lines[0].runs[0].font.key == "NotoSans-Bold"


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="direction"):
        set_text("x", make_style(), big_box(), direction="up")
    with pytest.raises(ValueError, match="family"):
        set_text("x", make_style(family="Arial"), big_box())
