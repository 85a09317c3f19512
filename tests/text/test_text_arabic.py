"""Right-to-left text: Arabic joined and in order, numbers left to right, start on the right."""

from __future__ import annotations

import itertools

import pytest
from textkit import all_gids, big_box, make_style

from campaign_studio.model.pagetree import GlyphRun, Rect
from campaign_studio.text import set_text

PHONE_LINE = "اتصل بالرقم 0800-0188 مجانا"


def run_with(runs: tuple[GlyphRun, ...], needle: str) -> GlyphRun:
    return next(r for r in runs if needle in r.text)


def test_arabic_phone_line_runs_order_and_positions() -> None:
    box = Rect(40, 100, 600, 300)
    st = set_text(PHONE_LINE, make_style("ar"), box, direction="rtl")
    (line,) = st.lines
    runs = line.runs
    arabic = [r for r in runs if r.script == "Arab"]
    assert arabic and all(r.direction == "rtl" and r.font.key == "NotoSansArabic-Regular" for r in arabic)
    digits = run_with(runs, "0800")
    assert digits.text == "0800-0188" and digits.direction == "ltr"
    first_word = run_with(runs, "اتصل")
    last_word = run_with(runs, "مجانا")
    # Visually right to left: اتصل بالرقم | 0800-0188 | مجانا
    assert digits.x + digits.width <= first_word.x + 1e-6
    assert last_word.x + last_word.width <= digits.x + 1e-6
    # Runs are contiguous, listed left to right, and the line starts at the right edge.
    assert [r.x for r in runs] == sorted(r.x for r in runs)
    for a, b in itertools.pairwise(runs):
        assert b.x == pytest.approx(a.x + a.width)
    assert line.left + line.width == pytest.approx(box.right)
    # Logical text per run; glyphs in visual order, so clusters fall in an rtl run.
    assert first_word.text.startswith("اتصل بالرقم")
    assert [g.cluster for g in first_word.glyphs] == sorted((g.cluster for g in first_word.glyphs), reverse=True)
    assert [g.cluster for g in digits.glyphs] == sorted(g.cluster for g in digits.glyphs)
    assert 0 not in all_gids(st)


def test_arabic_letters_are_joined() -> None:
    style = make_style("ar")
    alone = set_text("ت", style, big_box()).lines[0].runs[0].glyphs[0].gid
    word = set_text("اتصل", style, big_box()).lines[0].runs[0]
    teh = next(g for g in word.glyphs if g.cluster == 1)
    # The medial form of teh is a different glyph from the isolated one.
    assert teh.gid != alone
    assert len(word.glyphs) == 4


def test_direction_auto_detects_arabic_and_aligns_start_right() -> None:
    box = Rect(0, 0, 500, 200)
    st = set_text("مرحبا بكم", make_style("ar"), box)
    assert st.lines[0].left + st.lines[0].width == pytest.approx(500)
    st = set_text("مرحبا بكم", make_style("ar"), box, align="end")
    assert st.lines[0].left == pytest.approx(0)


def test_multiline_arabic_keeps_reading_order_top_to_bottom() -> None:
    words = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس"]
    st = set_text(" ".join(words), make_style("ar"), Rect(0, 0, 160, 500))
    assert len(st.lines) > 1
    texts = ["".join(r.text for r in line.runs) for line in st.lines]
    found = [next(k for k, t in enumerate(texts) if w in t) for w in words]
    assert found == sorted(found)
    for line in st.lines:
        assert line.width <= 160 + 1e-6
        assert line.left + line.width == pytest.approx(160)


def test_arabic_word_in_a_dutch_paragraph_is_set_right_to_left() -> None:
    st = set_text("Het woord مرحبا betekent hallo", make_style("nl"), big_box())
    runs = st.lines[0].runs
    assert [r.direction for r in runs] == ["ltr", "rtl", "ltr"]
    assert runs[1].script == "Arab" and runs[1].text.strip() == "مرحبا"
    assert st.lines[0].left == 0


def test_brackets_in_arabic_are_mirrored_by_direction() -> None:
    st = set_text("اتصل (CSG) الآن", make_style("ar"), big_box())
    runs = st.lines[0].runs
    csg = run_with(runs, "CSG")
    assert csg.direction == "ltr" and csg.text == "CSG"
    assert 0 not in all_gids(st)
