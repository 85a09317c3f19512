"""Language spans: a stretch in another language is a run of its own, carrying its language."""

from __future__ import annotations

import pytest
from textkit import big_box, ltr_line_text, make_style

from campaign_studio.model.pagetree import Rect, TextLine
from campaign_studio.text import SetText, fit_text, set_text

TITLE = "Seksuele gezondheid in Nederland 2017"
EN = f"Source: Rutgers, {TITLE}. Survey of more than 17,000 people aged 18 to 80."
AR = f"المصدر: Rutgers، {TITLE}. دراسة شملت أكثر من 17,000 شخص تتراوح أعمارهم بين 18 و80 سنة."


def _span(text: str, name: str, lang: str = "nl") -> tuple[int, int, str]:
    at = text.index(name)
    return (at, at + len(name), lang)


def _texts_by_language(st: SetText) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in st.lines:
        for run in line.runs:
            out[run.language] = out.get(run.language, "") + run.text
    return out


def test_a_span_becomes_its_own_run_with_its_language() -> None:
    st = set_text(EN, make_style("en", size=10), big_box(), spans=(_span(EN, TITLE),))
    (line,) = st.lines
    assert ltr_line_text(line) == EN
    nl = [r.text for r in line.runs if r.language == "nl"]
    assert nl == [TITLE]
    assert {r.language for r in line.runs} == {"en", "nl"}
    assert "".join(r.text for r in line.runs if r.language == "en") == EN.replace(TITLE, "")


def test_without_spans_every_run_has_the_block_language() -> None:
    st = set_text(EN, make_style("en", size=10), big_box())
    assert {r.language for line in st.lines for r in line.runs} == {"en"}


@pytest.mark.parametrize("width", [90, 140, 230, 2000])
def test_the_split_changes_neither_line_breaks_nor_widths(width: float) -> None:
    style = make_style("en", size=10)
    plain = set_text(EN, style, Rect(0, 0, width, 5000), hyphenate=False)
    split = set_text(EN, style, Rect(0, 0, width, 5000), hyphenate=False, spans=(_span(EN, TITLE),))
    assert [ltr_line_text(x) for x in split.lines] == [ltr_line_text(x) for x in plain.lines]
    for a, b in zip(plain.lines, split.lines, strict=True):
        assert b.width == pytest.approx(a.width, abs=1e-9)
        assert [g.gid for r in b.runs for g in r.glyphs] == [g.gid for r in a.runs for g in r.glyphs]


def test_arabic_text_keeps_the_dutch_title_as_one_dutch_run_in_order() -> None:
    st = set_text(AR, make_style("ar", size=10), big_box(), spans=(_span(AR, TITLE),))
    texts = _texts_by_language(st)
    assert texts["nl"] == TITLE
    assert "Rutgers" in texts["ar"] and "المصدر" in texts["ar"]
    plain = set_text(AR, make_style("ar", size=10), big_box())
    assert st.lines[0].width == pytest.approx(plain.lines[0].width, abs=1e-9)


def test_a_span_that_wraps_keeps_its_language_on_both_lines() -> None:
    st = set_text(EN, make_style("en", size=10), Rect(0, 0, 120, 5000), hyphenate=False, spans=(_span(EN, TITLE),))
    nl_lines = [line for line in st.lines if any(r.language == "nl" for r in line.runs)]
    assert len(nl_lines) >= 2
    assert " ".join(r.text.strip() for line in nl_lines for r in line.runs if r.language == "nl") == TITLE


def test_spans_are_moved_with_their_paragraph_and_stripped_spaces() -> None:
    text = f"First line.\r\n  Call {TITLE} now."
    fit = fit_text(text, make_style("en", size=10), big_box(), min_size=5, spans=(_span(text, TITLE),))
    assert fit.fits
    second = fit.set.lines[1]
    assert [r.text for r in second.runs if r.language == "nl"] == [TITLE]
    assert {r.language for r in fit.set.lines[0].runs} == {"en"}


def test_the_cache_keys_on_the_spans() -> None:
    style = make_style("en", size=10)
    a = set_text(EN, style, big_box())
    b = set_text(EN, style, big_box(), spans=(_span(EN, TITLE),))
    c = set_text(EN, style, big_box())
    assert {r.language for r in a.lines[0].runs} == {r.language for r in c.lines[0].runs} == {"en"}
    assert "nl" in {r.language for r in b.lines[0].runs}


def test_a_span_in_the_block_language_changes_nothing() -> None:
    style = make_style("en", size=10)
    st = set_text(EN, style, big_box(), spans=((0, 6, "en"),))
    assert len(st.lines[0].runs) == len(set_text(EN, style, big_box()).lines[0].runs)


def test_a_dutch_word_in_english_text_is_hyphenated_as_dutch() -> None:
    # "ontwikkelingssamenwerking" breaks at Dutch points (ont-wik-ke-lings-...); pyphen's English
    # patterns give other points. The word inside an English sentence follows the span's language.
    word = "ontwikkelingssamenwerking"
    text = f"The word {word} is long."
    style = make_style("en", size=10)
    from campaign_studio.text.hyphenate import word_points

    nl, en = set(word_points(word, "nl")), set(word_points(word, "en"))
    assert nl != en
    hits = 0
    for width in range(40, 140, 4):
        st = set_text(text, style, Rect(0, 0, width, 5000), spans=(_span(text, word),))
        for line in st.lines:
            body = ltr_line_text(line)
            if body.endswith(("-", "\u2010")) and body.rstrip("-\u2010").split()[-1] in word:
                piece = body.rstrip("-\u2010").split()[-1]
                assert word.index(piece) + len(piece) in nl
                hits += 1
    assert hits >= 3  # the word was hyphenated at several widths


@pytest.mark.parametrize("bad", [(5, 5, "nl"), (-1, 3, "nl"), (0, 999, "nl"), (0, 3, "")])
def test_bad_spans_are_refused(bad: tuple[int, int, str]) -> None:
    with pytest.raises(ValueError, match="language span"):
        set_text(EN, make_style("en", size=10), big_box(), spans=(bad,))


def test_a_span_in_a_language_without_hyphenation_is_not_hyphenated() -> None:
    # Arabic text has no hyphens; the Dutch title inside it gets none either, so its lines
    # break where they broke before the title was marked.
    style = make_style("ar", size=10)
    for width in range(60, 200, 6):
        box = Rect(0, 0, width, 5000)
        plain = set_text(AR, style, box)
        split = set_text(AR, style, box, spans=(_span(AR, TITLE),))
        assert [_letters(x) for x in split.lines] == [_letters(x) for x in plain.lines]
        assert not any("\u2010" in r.text for x in split.lines for r in x.runs)


def _letters(line: TextLine) -> list[str]:
    """The characters a line draws, whatever the runs they are cut into."""
    return sorted("".join(r.text for r in line.runs))
