"""Figure phrases: the words joining a figure and its group are one translated text per figure,
"{value} van de vrouwen", "kadınların {value}'si"; the large figure keeps what is written
against it, and the words before and after it stand before and after it in reading order."""

from __future__ import annotations

import polib
import pytest

from campaign_studio import pipeline
from campaign_studio.layout.localise import LRI, PDI, split_phrase
from campaign_studio.model.pagetree import TextBlock

# Turkish: the possessive suffix follows the sound of the number as it is spoken
# (yirmi iki -> 'si, altı -> 'sı, elli üç -> 'ü, on dokuz -> 'u, yetmiş bir -> 'i, yirmi dört -> 'ü).
TURKISH = {
    "victim-sexual-violence": [("kadınların", "%22'si"), ("erkeklerin", "%6'sı")],
    "physical-transgressive": [("kadınların", "%53'ü"), ("erkeklerin", "%19'u")],
    "consequences-forced": [("mağdurların", "%71'i")],
    "consequences-nonphysical": [("mağdurların", "%24'ü")],
}


def _above(upper: TextBlock, lower: TextBlock) -> bool:
    return upper.box.bottom <= lower.box.y + 0.5


def test_split_keeps_what_is_written_against_the_figure() -> None:
    phrase = split_phrase("kadınların {value}'si", "%22", "%22")
    assert (phrase.before, phrase.figure, phrase.after) == ("kadınların", "%22'si", "")
    phrase = split_phrase("ruim {value} van de vrouwen", "50%", f"{LRI}50%{PDI}")
    assert (phrase.before, phrase.figure, phrase.after) == ("ruim", "50%", "van de vrouwen")
    assert phrase.whole == f"ruim {LRI}50%{PDI} van de vrouwen"


@pytest.mark.parametrize("stat", list(TURKISH))
def test_turkish_hero_reads_group_then_figure_with_its_suffix(lay_out, stat) -> None:
    laid = lay_out("statistic-spotlight", "post-4x5", "tr", stats=[stat])
    assert not laid.diagnostics.has_errors, laid.error_text
    (group, figure), *others = TURKISH[stat]
    hero, label = laid.block("figure"), laid.block("figure-group")
    assert (label.text, hero.text) == (group, figure)
    assert _above(label, hero), "the group's words come first in reading order, above the figure"
    assert [b.text for b in laid.blocks("figure-other")] == [f"{g} {f}" for g, f in others]


@pytest.mark.parametrize("fmt", ["post-4x5", "wide-16x9", "a4"])
def test_turkish_comparison_puts_each_group_before_its_figure(lay_out, fmt) -> None:
    laid = lay_out("women-men", fmt, "tr")
    assert not laid.diagnostics.has_errors, laid.error_text
    figures, groups = laid.blocks("comparison-value"), laid.blocks("comparison-group")
    assert [b.text for b in figures] == ["%22'si", "%6'sı"]
    assert [b.text for b in groups] == ["kadınların", "erkeklerin"]
    for group, figure in zip(groups, figures, strict=True):
        assert _above(group, figure)
        assert group.box.x == pytest.approx(figure.box.x)


@pytest.mark.parametrize(("lang", "hero", "group", "other"), [
    ("nl", "22%", "van de vrouwen", "6% van de mannen"),
    ("en", "22%", "of women", "6% of men"),
    ("ar", "22%", "من النساء", f"{LRI}6%{PDI} من الرجال"),
    ("fa", "22%", "از زنان", f"{LRI}6%{PDI} از مردان"),
])
def test_figure_first_where_the_language_says_the_figure_first(lay_out, lang, hero, group, other) -> None:
    laid = lay_out("statistic-spotlight", "post-4x5", lang)
    figure, label = laid.block("figure"), laid.block("figure-group")
    assert (figure.text, label.text) == (hero, group)
    assert _above(figure, label)
    assert laid.block("figure-other").text == other


def test_the_words_sit_close_to_the_figure_they_belong_to(lay_out) -> None:
    """The figure is placed by its ink, not its line box: its words are a slot gap away from the digits."""
    laid = lay_out("statistic-spotlight", "post-4x5", "ar")
    figure, label = laid.block("figure"), laid.block("figure-group")
    assert label.box.y - figure.box.bottom < 0.2 * figure.size
    assert figure.box.h < 0.8 * figure.size  # digits are about 0.7 em tall; the line box is over 2 em in Arabic


def _open(folder):  # type: ignore[no-untyped-def]
    loaded = pipeline.open_campaign(folder)
    assert loaded.campaign is not None, [d.format() for d in loaded.diagnostics]
    return loaded.campaign


def _lay_out(campaign, lang: str, **options):  # type: ignore[no-untyped-def]
    design = pipeline.resolve_design(campaign, "statistic-spotlight", "post-4x5", lang, **options)
    return pipeline.layout(design)


def test_a_phrase_written_in_the_campaign_places_words_on_both_sides(campaign_copy) -> None:
    campaign_copy.replace("        value: 22\n", "        value: 22\n        phrase: ruim {value} van de vrouwen\n")
    page, diagnostics = _lay_out(_open(campaign_copy.folder), "nl")
    assert page is not None, [d.format() for d in diagnostics]
    texts = [(b.slot, b.text) for b in page.text_blocks() if b.slot.startswith("figure")]
    assert texts[:3] == [("figure-group", "ruim"), ("figure", "22%"), ("figure-group", "van de vrouwen")]


def test_a_changed_phrase_outdates_its_translations(campaign_copy) -> None:
    campaign_copy.replace("        value: 22\n", "        value: 22\n        phrase: ruim {value} van de vrouwen\n")
    campaign = _open(campaign_copy.folder)
    page, diagnostics = _lay_out(campaign, "tr")
    assert page is None
    assert ("the tr translation of 'statistics.victim-sexual-violence.values.women.phrase' is outdated"
            in diagnostics.errors[0].message)
    page, diagnostics = _lay_out(campaign, "tr", fallback="nl")
    assert page is not None
    assert [b.text for b in page.text_blocks() if b.slot.startswith("figure")][:3] == \
        ["ruim", "%22", "van de vrouwen"]
    assert any("outdated" in w.message and w.location is not None for w in diagnostics.warnings)


def test_a_hand_edited_translation_without_the_figure_is_an_error_not_a_crash(campaign_copy) -> None:
    path = campaign_copy.folder / "translations" / "tr.po"
    po = polib.pofile(str(path), wrapwidth=0)
    next(e for e in po if e.msgctxt == "statistics.victim-sexual-violence.values.women.phrase").msgstr = "kadınların"
    po.save(str(path))
    page, diagnostics = _lay_out(_open(campaign_copy.folder), "tr")
    assert page is None
    assert "does not hold the figure as {value} exactly once" in diagnostics.errors[0].message
    assert str(path) in diagnostics.errors[0].message


def test_pseudo_locale_keeps_the_placeholder(lay_out) -> None:
    laid = lay_out("statistic-spotlight", "post-4x5", "qps")
    assert laid.block("figure").text == "22%"
    assert laid.block("figure-group").text.startswith("[") and "{" not in laid.block("figure-group").text
