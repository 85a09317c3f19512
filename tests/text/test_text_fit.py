"""Balanced headlines, fitting by shrinking, and the never-clipped-silently property."""

from __future__ import annotations

import statistics
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textkit import big_box, make_style

from campaign_studio.model.pagetree import Rect
from campaign_studio.text import MissingGlyphError, SetText, fit_text, set_text
from campaign_studio.text.setter import SHRINK

BODY = (
    "Eén op de vijf vrouwen heeft ooit te maken gehad met seksueel grensoverschrijdend gedrag. "
    "Praat erover met iemand die je vertrouwt, of bel gratis 0800-0188, dag en nacht, of kijk op "
    "centrumseksueelgeweld.nl."
)


def words_per_line(s: SetText) -> list[int]:
    return [len("".join(r.text for r in line.runs).split()) for line in s.lines]


def test_balance_pulls_a_lone_last_word_back_up() -> None:
    style = make_style(size=40, line_height=1.1)
    head = "Praat erover met"
    w3 = set_text(head, style, big_box()).width
    text = head + " iemand"
    box = Rect(0, 0, w3 + 2, 500)
    greedy = set_text(text, style, box, hyphenate=False, avoid_widows=False)
    assert words_per_line(greedy) == [3, 1]
    even = set_text(text, style, box, balance=True, hyphenate=False)
    assert words_per_line(even) == [2, 2]
    assert len(even.lines) == len(greedy.lines)
    assert even.width < greedy.width
    assert all(line.width <= box.w + 1e-6 for line in even.lines)
    # Still placed in the full box: start aligned at the box's left edge.
    assert all(line.left == 0 for line in even.lines)


def test_balance_keeps_a_single_line_single() -> None:
    style = make_style(size=40)
    st1 = set_text("Kort", style, Rect(0, 0, 500, 100), balance=True)
    assert len(st1.lines) == 1


def test_fit_text_keeps_the_size_when_it_fits() -> None:
    r = fit_text("Bel gratis", make_style(size=40), Rect(0, 0, 500, 100), min_size=20)
    assert r.fits and r.set.size == 40


def test_fit_text_shrinks_to_the_largest_size_that_fits() -> None:
    style = make_style(size=48, line_height=1.3)
    box = Rect(50, 50, 600, 240)
    r = fit_text(BODY, style, box, min_size=16)
    assert r.fits
    assert 16 <= r.set.size < 48
    assert r.set.height <= box.h + 1e-6
    assert all(line.width <= box.w + 1e-6 for line in r.set.lines)
    assert not r.set.overfull
    # The size one step larger does not fit.
    bigger = set_text(BODY, make_style(size=r.set.size / SHRINK, line_height=1.3), box)
    assert bigger.height > box.h or bigger.overfull


def test_fit_text_honours_max_lines() -> None:
    box = Rect(0, 0, 700, 1000)
    r = fit_text(BODY, make_style(size=60), box, min_size=10, max_lines=3)
    assert r.fits and len(r.set.lines) <= 3
    assert len(set_text(BODY, make_style(size=r.set.size / SHRINK), box).lines) > 3


def test_fit_text_shrinks_an_overfull_word() -> None:
    box = Rect(0, 0, 200, 200)
    r = fit_text("centrumseksueelgeweld.nl", make_style(size=40), box, min_size=8)
    assert r.fits and not r.set.overfull and r.set.width <= 200


def test_fit_text_reports_500_words_in_a_small_box_as_not_fitting() -> None:
    text = " ".join(["hulp"] * 500)
    r = fit_text(text, make_style(size=24), Rect(0, 0, 200, 100), min_size=12)
    assert not r.fits
    assert r.set.size == 12
    assert r.set.height > 100


def test_fit_text_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="min_size"):
        fit_text("x", make_style(), Rect(0, 0, 10, 10), min_size=0)
    with pytest.raises(ValueError, match="align"):
        fit_text("x", make_style(), Rect(0, 0, 10, 10), min_size=5, align="justify")


def test_fit_text_is_fast_when_warm() -> None:
    style = make_style(size=48)
    box = Rect(60, 60, 960, 300)
    assert len(BODY.split()) >= 30
    fit_text(BODY, style, box, min_size=20)
    times = []
    for k in range(20):
        # A different box each time so no cached line breaking is reused.
        t = time.perf_counter()
        fit_text(BODY, style, Rect(60, 60, 900 + k, 300), min_size=20)
        times.append(time.perf_counter() - t)
    assert statistics.median(times) < 0.010


LETTERS = "abcdeijnorstuvwzé"
ARABIC = "اتصلبالرقممجان"
ALPHABET = list(LETTERS + LETTERS.upper() + ARABIC + "0123456789%.,;:!?()-") + [" "] * 6


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=ALPHABET, min_size=0, max_size=200),
    st.floats(min_value=80, max_value=600),
    st.sampled_from(["nl", "ar"]),
    st.booleans(),
)
def test_lines_fit_or_overfull_is_reported(text: str, width: float, language: str, balance: bool) -> None:
    box = Rect(10, 20, width, 400)
    style = make_style(language, size=22)
    try:
        s = set_text(text, style, box, balance=balance)
    except MissingGlyphError:  # pragma: no cover - the alphabet is covered
        pytest.fail("alphabet should be covered")
    assert s.overfull or all(line.width <= box.w + 0.01 for line in s.lines)
    for line in s.lines:
        for run in line.runs:
            assert run.width == pytest.approx(sum(g.x_advance for g in run.glyphs))
            assert all(g.gid != 0 for g in run.glyphs)
    r = fit_text(text, style, box, min_size=9, balance=balance)
    if r.fits:
        assert not r.set.overfull
        assert r.set.height <= box.h + 0.01
        assert all(box.x - 0.01 <= line.left and line.left + line.width <= box.right + 0.01 for line in r.set.lines)
    else:
        assert r.set.size == 9
        assert r.set.overfull or r.set.height > box.h


def test_fit_text_shrinks_before_splitting_a_word_too_wide_for_the_box() -> None:
    box = Rect(0, 0, 300, 400)
    r = fit_text("Grensoverschrijdend gedrag", make_style(size=60, line_height=1.1), box, min_size=20)
    texts = ["".join(run.text for run in line.runs) for line in r.set.lines]
    assert r.fits and texts == ["Grensoverschrijdend", "gedrag"]
    assert r.set.size < 60 and r.set.width <= 300
    # Only when no size keeps the word whole is it hyphenated.
    r = fit_text("Grensoverschrijdend gedrag", make_style(size=60), Rect(0, 0, 150, 400), min_size=20)
    texts = ["".join(run.text for run in line.runs) for line in r.set.lines]
    assert r.fits and texts[0].endswith("\u2010")
    assert r.set.size < 60
