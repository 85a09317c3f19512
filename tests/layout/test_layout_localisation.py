"""Localisation in layout: every shipped language fits every format; locale rules for numbers;
pseudo-localisation; native digits; isolation of numbers in right-to-left text; missing glyphs."""

from __future__ import annotations

import dataclasses
import subprocess

import pytest
from layoutkit import all_violations

from campaign_studio import pipeline
from campaign_studio.layout.localise import LRI, PDI
from campaign_studio.text.case import upper

TEMPLATES = ["statistic-spotlight", "women-men", "action-line", "where-to-get-help"]
OTHER_LANGUAGES = ["ar", "fa", "pl", "ti", "tr", "uk"]
PRINT = ["a4", "a3", "a2", "a1", "a0", "abri"]


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
@pytest.mark.parametrize("fmt", PRINT)
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_fits_every_poster_in_every_language(lay_out, template, fmt, lang):
    laid = lay_out(template, fmt, lang)
    assert not laid.diagnostics.has_errors, laid.error_text
    assert all_violations(laid.require_page(), laid.grid, laid.design.format,
                          allowed_overlaps=[("figure", "figure-group")]) == []


# the Turkish figure carries the possessive suffix its phrase writes against it ("kadınların %22'si")
@pytest.mark.parametrize(("lang", "figure"), [("nl", "22%"), ("en", "22%"), ("tr", "%22'si"), ("uk", "22%")])
def test_percentages_follow_cldr(lay_out, lang, figure):
    assert lay_out("statistic-spotlight", "post-4x5", lang).block("figure").text == figure


# CLDR's percent sign of the native numbering system: arabext "٪", arab "٪" with an Arabic letter mark
@pytest.mark.parametrize(("lang", "hero", "other"), [("fa", "۲۲٪", "۶٪"), ("ar", "٢٢٪\u061c", "٦٪\u061c")])
def test_native_digits_on_request(lay_out, lang, hero, other):
    laid = lay_out("statistic-spotlight", "post-4x5", lang, native_digits=True)
    assert laid.block("figure").text == hero
    assert other in laid.block("figure-other").text
    # the phone number stays dialable: Latin digits
    assert any("0800-0188" in b.text for b in laid.blocks())
    assert lay_out("statistic-spotlight", "post-4x5", lang).block("figure").text == "22%"


def test_native_digits_where_a_language_has_none_is_a_warning(lay_out):
    laid = lay_out("statistic-spotlight", "post-4x5", "nl", native_digits=True)
    assert laid.block("figure").text == "22%"
    assert any("no native decimal digits" in d.message for d in laid.diagnostics.warnings)


def test_numbers_inside_right_to_left_text_are_isolated(lay_out):
    other = lay_out("statistic-spotlight", "post-4x5", "ar").block("figure-other").text
    assert other.startswith(f"{LRI}6%{PDI} ")
    assert LRI not in lay_out("statistic-spotlight", "post-4x5", "nl").block("figure-other").text


def test_pseudo_locale_is_accented_and_longer(lay_out, builtin):
    laid = lay_out("action-line", "post-4x5", "qps")
    assert not laid.diagnostics.has_errors, laid.error_text
    source = builtin.message("respect-boundaries").headline.source
    headline = laid.block("headline").text
    assert headline.startswith("[") and headline.endswith("]")
    assert len(headline) >= 1.4 * len(source)
    assert any(ch in headline for ch in "àéîöü")
    phone = next(b.text for b in laid.blocks() if "0800" in b.text)
    assert phone == "0800-0188"  # numbers are left alone so they still read and break like real ones


def test_pseudo_locale_finds_overflow_before_a_translator_does(lay_out):
    laid = lay_out("action-line", "link-1.91x1", "qps")
    assert laid.page is None
    assert "overflow" in laid.error_text and "'qps'" in laid.error_text


def test_turkish_upper_case_keeps_dotted_and_dotless_i():
    assert upper("istanbul ılık", "tr") == "İSTANBUL ILIK"
    assert upper("istanbul", "nl") == "ISTANBUL"


def test_capitals_follow_the_language_of_each_part_of_a_text(builtin):
    from campaign_studio.layout.localise import Localiser
    from campaign_studio.model.diagnostics import Diagnostics

    loc = Localiser(builtin, "tr", Diagnostics())
    # "Veilig Thuis" is a name the Turkish translation keeps in Dutch: Dutch capitals; the Turkish words: Turkish ones
    assert loc.upper("Veilig Thuis ile iletişim") == "VEILIG THUIS İLE İLETİŞİM"


def test_short_labels_in_upper_case_follow_the_language(lay_out, builtin):
    campaign = dataclasses.replace(
        builtin,
        help_contacts=tuple(dataclasses.replace(h, name=dataclasses.replace(h.name, source="Hulplijn Limburg"))
                            if h.primary else h for h in builtin.help_contacts),
    )
    # the changed name has no Turkish translation yet: shown in the source language, with a warning, and
    # in capitals it stays Dutch (a dotted İ would misspell it)
    tr = lay_out("where-to-get-help", "post-4x5", "tr", campaign=campaign, fallback="nl")
    assert tr.block("help-name").text == "HULPLIJN LIMBURG"
    nl = lay_out("where-to-get-help", "post-4x5", "nl", campaign=campaign)
    assert nl.block("help-name").text == "HULPLIJN LIMBURG"


def test_a_character_no_font_has_is_an_error_naming_it_and_its_text(lay_out, builtin):
    messages = tuple(dataclasses.replace(m, headline=dataclasses.replace(m.headline, source="Samen 🙂"))
                     if m.id == "respect-boundaries" else m for m in builtin.messages)
    laid = lay_out("action-line", "post-4x5", "nl", campaign=dataclasses.replace(builtin, messages=messages),
                   message_id="respect-boundaries")
    assert laid.page is None
    error = laid.error_text
    assert "U+1F642 SLIGHTLY SMILING FACE" in error
    assert "'messages.respect-boundaries.headline'" in error and "slot 'headline'" in error
    assert "action-line.yaml" in error


def test_arabic_pdf_text_reads_in_logical_order(tmp_path, builtin):
    design = pipeline.resolve_design(builtin, "women-men", "a4", "ar")
    page, diagnostics = pipeline.layout(design)
    assert page is not None, diagnostics
    pdf = tmp_path / "ar.pdf"
    pdf.write_bytes(pipeline.render_bytes(page, "pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # pdftotext marks right-to-left lines with embedding controls; the words come in reading order
    plain = "".join(ch for ch in text if ch not in "\u202a\u202b\u202c\u202d\u202e")
    assert "من النساء" in plain
    assert "ضحية عنف جنسي" in plain
