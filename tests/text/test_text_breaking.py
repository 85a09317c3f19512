"""Line breaking, protected spans and hyphenation."""

from __future__ import annotations

import itertools

import pytest
from textkit import big_box, ltr_line_text, make_style, rejoin

from campaign_studio.model.pagetree import Rect
from campaign_studio.text import set_text
from campaign_studio.text.breaks import break_positions, protected_spans
from campaign_studio.text.hyphenate import hyphenation_points, word_points

DUTCH = (
    "Eén op de vijf vrouwen (22%) en 22\u00a0% van de meisjes heeft ooit te maken gehad met "
    "seksueel grensoverschrijdend gedrag. Praat erover, of bel gratis 0800-0188 of 0800 0188, "
    "dag en nacht. Kijk ook op centrumseksueelgeweld.nl of mail naar info@centrumseksueelgeweld.nl."
)
UNBREAKABLE = ["22%", "22\u00a0%", "0800-0188", "0800 0188,", "centrumseksueelgeweld.nl", "info@centrumseksueelgeweld.nl."]


def lines_of(text: str, width: float, **kw: object) -> list[str]:
    st = set_text(text, make_style(), Rect(20, 30, width, 2000), **kw)  # type: ignore[arg-type]
    for line in st.lines:
        assert line.width <= width + 0.01 or st.overfull
    return [ltr_line_text(line) for line in st.lines]


@pytest.mark.parametrize("width", [180, 220, 260, 300, 340, 420, 520, 700])
def test_dutch_breaks_at_spaces_and_keeps_units_whole(width: float) -> None:
    lines = lines_of(DUTCH, width, hyphenate=False)
    # Breaks only at spaces: the lines rejoined with single spaces give the text back.
    assert " ".join(lines) == DUTCH
    for line in lines:
        assert line == line.strip()
        assert not line.startswith((".", ",", ";", ":", "!", "?", ")", "%"))
    for unit in UNBREAKABLE:
        assert any(unit in line for line in lines), unit


def test_lines_stay_within_width_with_hyphenation_on() -> None:
    # 380 pt: the e-mail address (374 pt) is the widest unbreakable unit.
    st = set_text(DUTCH, make_style(), Rect(0, 0, 380, 2000))
    assert not st.overfull
    assert max(line.width for line in st.lines) <= 380 + 1e-6
    assert rejoin([ltr_line_text(line) for line in st.lines]) == DUTCH


def test_break_opportunities_avoid_closing_punctuation_and_numbers_with_units() -> None:
    # A regular space before "%" or "!" does not allow a break there.
    lines = lines_of("Het is 22 % ! Echt waar", 90, hyphenate=False)
    assert all(not line.startswith(("%", "!")) for line in lines)
    assert any("22 % !" in line for line in lines)


def test_hard_hyphen_allows_a_break_after_it() -> None:
    lines = lines_of("Noord-Hollandse hulpverleners", 150, hyphenate=False)
    assert lines[0] == "Noord-"
    assert lines[1].startswith("Hollandse")
    # But not in "e-mail" (one letter before the hyphen).
    assert lines_of("e-mailadres", 30, hyphenate=False) == ["e-mailadres"]


def test_zero_width_space_is_a_break_opportunity() -> None:
    lines = lines_of("samenwerkings\u200bverband", 180, hyphenate=False)
    assert lines == ["samenwerkings\u200b", "verband"]


def opportunities(text: str) -> list[str]:
    """The text cut at each break opportunity."""
    cuts = [0, *break_positions(text, protected_spans(text)), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


def test_no_break_where_uax14_forbids_one() -> None:
    # LB13: "/" never starts a line, so "ja / nee" breaks after the slash only.
    assert opportunities("ja / nee") == ["ja / ", "nee"]
    # LB7, LB11: no break before a zero-width space or a word joiner; LB8: after the ZWSP.
    assert opportunities("a \u200bb") == ["a \u200b", "b"]
    assert opportunities("a \u2060b c") == ["a \u2060b ", "c"]
    # LB9, LB14: an opening bracket keeps its combining mark and the word after it.
    assert opportunities("a (\u0301 b c") == ["a ", "(\u0301 b ", "c"]
    # LB21a: no break after a hyphen that follows a Hebrew letter.
    assert opportunities("שלום-עולם") == ["שלום-עולם"]
    assert opportunities("grens-overschrijdend") == ["grens-", "overschrijdend"]


def test_a_line_always_ends_after_a_hard_line_break() -> None:
    assert opportunities("een\u000btwee\r\ndrie") == ["een\u000b", "twee\r\n", "drie"]


def test_forced_line_breaks_and_empty_lines() -> None:
    st = set_text("Bel gratis\n\n0800-0188", make_style(), big_box())
    assert [ltr_line_text(line) for line in st.lines] == ["Bel gratis", "", "0800-0188"]
    assert st.lines[1].runs == ()


def test_protected_spans() -> None:
    text = "Bel 0800-0188 of +31 20 123 4567, mail info@csg.nl of kijk op https://www.csg.nl/hulp-nodig."
    found = [text[a:b] for a, b in protected_spans(text)]
    assert found == ["0800-0188", "+31 20 123 4567", "info@csg.nl", "https://www.csg.nl/hulp-nodig."]
    assert [t[a:b] for t in ["In 2023 12 gemeenten, 116 006"] for a, b in protected_spans(t)] == ["116 006"]


def test_long_dutch_word_is_hyphenated_in_a_narrow_box() -> None:
    text = "Dat is grensoverschrijdend gedrag"
    st = set_text(text, make_style(), Rect(0, 0, 110, 1000))
    lines = [ltr_line_text(line) for line in st.lines]
    assert not st.overfull
    assert all(line.width <= 110 + 1e-6 for line in st.lines)
    hyphenated = [k for k, line in enumerate(lines) if line.endswith("\u2010")]
    assert hyphenated, lines
    # The pieces rejoin to the word (grens-over-schrij-dend at this width).
    assert rejoin(lines) == text
    pieces = [lines[k][:-1] for k in hyphenated] + [lines[hyphenated[-1] + 1].split(" ")[0]]
    assert "".join(pieces) == "grensoverschrijdend"
    # The hyphen is a real glyph at the end of the run.
    run = st.lines[hyphenated[0]].runs[-1]
    assert run.text.endswith("\u2010") and run.glyphs[-1].x_advance > 0
    assert run.glyphs[-1].cluster == len(run.text) - 1


def test_atkinson_has_no_u2010_so_the_hyphen_is_a_hyphen_minus() -> None:
    st = set_text("grensoverschrijdend", make_style(family="Atkinson Hyperlegible"), Rect(0, 0, 120, 1000))
    first = ltr_line_text(st.lines[0])
    assert first.endswith("-") and "grensoverschrijdend".startswith(first[:-1])


def test_no_hyphenation_for_short_words_urls_numbers_or_languages_without_dictionary() -> None:
    assert word_points("vrouw", "nl") == ()  # fewer than 6 letters
    assert word_points("gedrag", "nl") == (2,)
    assert word_points("UNESCO", "nl") == ()
    assert word_points("grensoverschrijdend", "tr") == ()
    assert word_points("grensoverschrijdend", "nl") == (5, 9, 15)
    st = set_text("centrumseksueelgeweld.nl", make_style(), Rect(0, 0, 100, 500))
    assert st.overfull and len(st.lines) == 1
    st = set_text("0800-0188", make_style(), Rect(0, 0, 40, 500))
    assert st.overfull and len(st.lines) == 1


def test_ukrainian_hyphenation_keeps_two_letters_each_side() -> None:
    word = "відповідальність"
    points = word_points(word, "uk")
    assert points
    assert min(points) >= 2 and max(points) <= len(word) - 2
    st = set_text(word, make_style("uk"), Rect(0, 0, 90, 1000))
    lines = [ltr_line_text(line) for line in st.lines]
    assert rejoin(lines) == word
    assert all(len(line.rstrip("\u2010")) >= 2 for line in lines)


def test_soft_hyphen_overrides_the_dictionary() -> None:
    assert hyphenation_points("hulp\u00adverlening", 0, 15, "nl") == (5,)
    st = set_text("hulp\u00adverlening", make_style(), Rect(0, 0, 80, 500))
    lines = [ltr_line_text(line) for line in st.lines]
    assert lines == ["hulp\u00ad\u2010", "verlening"]
