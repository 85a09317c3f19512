"""--native-digits: every number of a design in the language's native digits and CLDR symbols,
except the digits one dials or types (phone numbers, web and e-mail addresses) and numbers
that belong to a Latin-script name or title."""

from __future__ import annotations

import re

import pytest
from babel import Locale

from campaign_studio.layout.digits import localise_numbers

FA, AR = Locale.parse("fa"), Locale.parse("ar")
ALM = "\u061c"  # ARABIC LETTER MARK: part of CLDR's percent sign for Arabic-Indic digits
LATIN_DIGIT = re.compile(r"[0-9]")


@pytest.mark.parametrize(("text", "expected"), [
    ("افراد 18 تا 80 ساله", "افراد ۱۸ تا ۸۰ ساله"),
    ("بیش از 17,000 نفر", "بیش از ۱۷٬۰۰۰ نفر"),  # fa writes Latin digits with ',' groups and '.' decimals
    ("2.5 درصد", "۲٫۵ درصد"),
    ("پژوهش 53% و 19% را", "پژوهش ۵۳٪ و ۱۹٪ را"),
    ("سال 2017.", "سال ۲۰۱۷."),  # a full stop after a number ends the sentence, it is no decimal point
    ("تماس با 0800-0188 یا 020 123 4567", "تماس با 0800-0188 یا 020 123 4567"),  # dialled as written
    ("https://www.113.nl و info2@example.nl", "https://www.113.nl و info2@example.nl"),  # typed as written
    ("Rutgers، Seksuele gezondheid in Nederland 2017. پژوهشی", "Rutgers، Seksuele gezondheid in Nederland 2017. پژوهشی"),
    ("113 Zelfmoordpreventie", "113 Zelfmoordpreventie"),
    ("۱۸ تا 80", "۱۸ تا ۸۰"),  # digits already native stay
])
def test_numbers_in_persian_text(text: str, expected: str) -> None:
    assert localise_numbers(text, FA, "arabext") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("بين 18 و80 سنة", "بين ١٨ و٨٠ سنة"),
    ("قاس البحث 53% و19%؛", f"قاس البحث ٥٣٪{ALM} و١٩٪{ALM}؛"),
    ("أكثر من 17,000 شخص", "أكثر من ١٧٬٠٠٠ شخص"),
    ("نسبة % 22 و 5 ‰", f"نسبة ٪{ALM} ٢٢ و ٥ ؉"),  # a sign written before the number, or after a space
])
def test_numbers_in_arabic_text(text: str, expected: str) -> None:
    assert localise_numbers(text, AR, "arab") == expected


def test_latin_digits_leave_text_alone() -> None:
    assert localise_numbers("18 tot 80", Locale.parse("nl"), "latn") == "18 tot 80"


def _dialled_or_typed(builtin) -> list[str]:  # type: ignore[no-untyped-def]
    """What must keep Latin digits on a card: phone numbers, addresses, the Latin-script title and name."""
    found = [c.phone for c in builtin.help_contacts if c.phone]
    found += [c.url.removeprefix("https://").removeprefix("www.") for c in builtin.help_contacts if c.url]
    return [*found, "Nederland 2017", "113 Zelfmoordpreventie"]


DESIGNS = [("statistic-spotlight", "post-4x5"), ("women-men", "wide-16x9"), ("where-to-get-help", "a4"),
           ("action-line", "story-9x16")]


@pytest.mark.parametrize(("lang", "digits", "percent"), [("fa", "۰۱۲۳۴۵۶۷۸۹", "٪"), ("ar", "٠١٢٣٤٥٦٧٨٩", "٪" + ALM)])
@pytest.mark.parametrize(("template", "fmt"), DESIGNS)
def test_every_number_of_a_design_is_native(lay_out, builtin, template, fmt, lang, digits, percent) -> None:
    laid = lay_out(template, fmt, lang, native_digits=True)
    assert not laid.diagnostics.has_errors, laid.error_text
    keep = _dialled_or_typed(builtin)
    native_seen = 0
    for block in laid.blocks():
        rest = block.text.replace("\u00a0", " ")  # short contact names are set with no-break spaces
        for kept in keep:
            rest = rest.replace(kept, "")
        assert not LATIN_DIGIT.search(rest), f"{block.slot}: Latin digits in {block.text!r}"
        assert "%" not in rest, f"{block.slot}: '%' instead of {percent!r} in {block.text!r}"
        native_seen += sum(ch in digits for ch in block.text)
    if template != "where-to-get-help":  # its only numbers are phone numbers
        assert native_seen > 0
    phone = builtin.primary_help.phone
    assert any(phone in b.text for b in laid.blocks()), "the helpline keeps the digits one dials"


@pytest.mark.parametrize(("lang", "footnote", "source", "other"), [
    ("fa", "افراد ۱۸ تا ۸۰ ساله", "بیش از ۱۷٬۰۰۰ نفر در سنین ۱۸ تا ۸۰ سال", "۶٪\u2069 از مردان"),
    ("ar", "من عمر ١٨ إلى ٨٠ سنة", "أكثر من ١٧٬٠٠٠ شخص تتراوح أعمارهم بين ١٨ و٨٠ سنة", f"٦٪{ALM}\u2069 من الرجال"),
])
def test_ages_counts_and_percent_signs_in_the_small_print(lay_out, lang, footnote, source, other) -> None:
    laid = lay_out("statistic-spotlight", "post-4x5", lang, native_digits=True)
    assert footnote in laid.block("footnote").text
    assert source in laid.block("source").text
    assert other in laid.block("figure-other").text
    assert "Nederland 2017" in laid.block("source").text  # the Dutch title of the survey, as published


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_without_the_option_numbers_stay_as_translated(lay_out, lang) -> None:
    laid = lay_out("statistic-spotlight", "post-4x5", lang)
    assert "18" in laid.block("footnote").text and "17,000" in laid.block("source").text
    assert laid.block("figure").text == "22%"
