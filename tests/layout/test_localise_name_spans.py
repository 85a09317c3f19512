"""Source-language names kept in a translation are marked as language spans (read as Dutch)."""

from __future__ import annotations

import pytest

from campaign_studio.layout.localise import Localiser, untranslated_names
from campaign_studio.layout.pseudo import PSEUDO_LANGUAGE
from campaign_studio.model.campaign import Campaign, Text
from campaign_studio.model.diagnostics import Diagnostics
from campaign_studio.text.case import upper

TITLE = "Seksuele gezondheid in Nederland 2017"


def _loc(campaign: Campaign, lang: str, **options: object) -> Localiser:
    return Localiser(campaign, lang, Diagnostics(), **options)  # type: ignore[arg-type]


def _marked(text: str, spans: tuple[tuple[int, int, str], ...]) -> list[tuple[str, str]]:
    return [(text[a:b], lang) for a, b, lang in spans]


@pytest.mark.parametrize("lang", ["en", "ar", "tr", "fa", "pl", "uk", "ti"])
def test_the_source_title_in_every_translated_citation_is_dutch(builtin: Campaign, lang: str) -> None:
    loc = _loc(builtin, lang)
    citation = loc.text(builtin.source("rutgers-2017").citation)
    assert _marked(citation, loc.name_spans(citation)) == [(TITLE, "nl")]


def test_help_contact_names_kept_in_dutch_are_marked(builtin: Campaign) -> None:
    loc = _loc(builtin, "en")
    text = "Have you experienced sexual violence? Or call Centrum Seksueel Geweld. Veilig Thuis helps too."
    assert _marked(text, loc.name_spans(text)) == [("Centrum Seksueel Geweld", "nl"), ("Veilig Thuis", "nl")]


def test_only_whole_words_as_written_are_marked(builtin: Campaign) -> None:
    loc = _loc(builtin, "en")
    assert loc.name_spans("Veilig Thuisbasis and XVeilig Thuis and veilig thuis") == ()


def test_a_name_in_capitals_is_marked(builtin: Campaign) -> None:
    loc = _loc(builtin, "tr")
    text = upper("Kaynak: Rutgers, Seksuele gezondheid in Nederland 2017.", "tr")
    assert _marked(text, loc.name_spans(text)) == [(upper(TITLE, "tr"), "nl")]


def test_organisation_short_names_are_marked(builtin: Campaign) -> None:
    loc = _loc(builtin, "en")
    text = "An initiative of OCW and SZW."
    assert _marked(text, loc.name_spans(text)) == [("OCW", "nl"), ("SZW", "nl")]


@pytest.mark.parametrize("lang", ["nl", PSEUDO_LANGUAGE])
def test_nothing_is_marked_in_the_source_language_or_pseudo_locale(builtin: Campaign, lang: str) -> None:
    assert _loc(builtin, lang).name_spans(f"Bron: Rutgers, {TITLE}.") == ()


def test_a_translated_name_is_not_marked(builtin: Campaign) -> None:
    loc = _loc(builtin, "en")
    names = untranslated_names(builtin, loc._shown)
    assert "Centrum Seksueel Geweld" in names and TITLE in names
    # the programme's name is translated into English: a Dutch name in it would be a wrong guess
    assert builtin.programme.name.source not in names
    # a catalogue that translates the contact's name: the name is no longer kept, the title still is
    translated = untranslated_names(
        builtin, lambda t: "Sexual Violence Centre" if t.source == "Centrum Seksueel Geweld" else t.source)
    assert TITLE in translated and "Centrum Seksueel Geweld" not in translated


def test_a_source_text_shown_for_a_missing_translation_is_dutch_as_a_whole(builtin: Campaign) -> None:
    loc = _loc(builtin, "en", fallback="nl")
    missing = Text("not-in-the-catalogue", "Bel Veilig Thuis als je je zorgen maakt.")
    shown = loc.text(missing)
    assert shown == missing.source and loc.diagnostics.warnings
    text = f"* {shown} Source: Rutgers, {TITLE}."
    marked = _marked(text, loc.name_spans(text))
    assert (shown, "nl") in marked and ("Veilig Thuis", "nl") in marked and (TITLE, "nl") in marked
    assert not any("Source" in part for part, _ in marked)
