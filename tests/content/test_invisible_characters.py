"""Invisible characters that change what a text means are refused in campaign.yaml, at the character."""

from __future__ import annotations

import pytest

from campaign_studio.content.characters import character_problems, describe

BODY = "body: Iedereen heeft eigen wensen en grenzen."
RLO_HINT = ("delete it: it is invisible, so retype the words around it or search for \\u202E in your editor; "
            "Campaign Studio sets the direction of each language itself")


# --- the rule ------------------------------------------------------------------------------------

@pytest.mark.parametrize("ch", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
                                "\u2069", "\u200e", "\u200f", "\u061c", "\ufeff", "\u2062", "\U000e0041", "\x07",
                                "\t", "\ue000", "\U000f0000", "\u0378"])
def test_bidi_controls_marks_and_other_invisibles_are_refused_in_running_text(ch) -> None:
    problems = character_problems(f"Bel 0800-0188{ch} of kijk")

    assert [(p.index, p.char) for p in problems] == [(13, ch)]


@pytest.mark.parametrize("text", [
    "می\u200cخواهم",  # Persian: ZWNJ between the parts of a word
    "क्\u200dष",  # Devanagari: ZWJ asks for a half form
    "grens\u00adoverschrijdend",  # a soft hyphen: a break opportunity
    "dag\u2060en\u2060nacht",  # word joiners keep words together
    "regel één\nregel twee",  # a line break
])
def test_what_scripts_and_line_breaking_need_stays_allowed_in_running_text(text) -> None:
    assert character_problems(text) == []


@pytest.mark.parametrize("ch", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u00a0", "\u3164",
                                "\ufe0f", "\n"])
def test_nothing_invisible_may_be_in_a_literal_value(ch) -> None:
    assert [p.char for p in character_problems(f"https://centrum{ch}seksueelgeweld.nl", literal=True)] == [ch]
    assert character_problems("https://centrumseksueelgeweld.nl/hulp?x=1#top", literal=True) == []


def test_each_character_is_named_by_code_point_and_name() -> None:
    assert describe("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert describe("\t") == "U+0009 CHARACTER TABULATION"
    assert describe("\U0001f642") == "U+1F642 SLIGHTLY SMILING FACE"


# --- campaign.yaml -------------------------------------------------------------------------------

def test_a_right_to_left_override_in_a_message_body_is_refused_where_it_is(cli, campaign_copy) -> None:
    line = campaign_copy.replace(BODY, "body: Iedereen heeft \u202eeigen wensen en grenzen.")
    column = campaign_copy.column_of(line, "\u202e")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert result.errors == [f"{campaign_copy.file}:{line}:{column}: error: messages[0].body: contains U+202E "
                             "RIGHT-TO-LEFT OVERRIDE, an invisible bidi control that changes the order in which the "
                             f"text is shown ({RLO_HINT})"]


def test_an_escaped_isolate_in_a_quoted_text_is_found_at_its_escape(cli, campaign_copy) -> None:
    line = campaign_copy.replace(BODY, 'body: "Iedereen heeft \\u2067eigen wensen en grenzen.')
    campaign_copy.replace("Luister naar het antwoord.", 'Luister naar het antwoord."')
    column = campaign_copy.column_of(line, "\\u2067")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert len(result.errors) == 1
    assert result.errors[0].startswith(f"{campaign_copy.file}:{line}:{column}: error: messages[0].body: contains "
                                       "U+2067 RIGHT-TO-LEFT ISOLATE, an invisible bidi control")


def test_a_zero_width_space_in_a_web_address_is_refused_but_fine_in_running_text(cli, campaign_copy) -> None:
    url_line = campaign_copy.replace("url: https://", "url: https://\u200b")
    campaign_copy.replace(BODY, "body: Iedereen heeft eigen\u200bwensen en grenzen.")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert len(result.errors) == 1, result.err
    column = campaign_copy.column_of(url_line, "\u200b")
    assert result.errors[0].startswith(f"{campaign_copy.file}:{url_line}:{column}: error: sources[0].url: contains "
                                       "U+200B ZERO WIDTH SPACE, an invisible character that makes the value differ "
                                       "from what it looks like (delete it")


def test_a_persian_zwnj_in_a_source_text_is_valid(cli, campaign_copy) -> None:
    campaign_copy.replace(BODY, "body: Iedereen heeft eigen wensen en grenzen (می\u200cخواهم).")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Bel 0800-\u200b0188 of kijk op de site.", "phone number", "0800-0188"),
    ("Kijk op centrumseksueel\u200cgeweld.nl.", "web address", "centrumseksueelgeweld.nl"),
    ("Kijk op https://centrum\u2060seksueelgeweld.nl/hulp", "web address", "https://centrumseksueelgeweld.nl/hulp"),
    ("Mail (info@centrum\u00adseksueelgeweld.nl)", "e-mail address", "info@centrumseksueelgeweld.nl"),
])
def test_zero_width_characters_inside_a_number_or_address_in_running_text_are_refused(text, kind, value) -> None:
    problems = character_problems(text)

    assert len(problems) == 1
    assert text[problems[0].index] == problems[0].char
    assert problems[0].message.endswith(f"an invisible character inside the {kind} {value!r}, which makes it differ "
                                        "from what it looks like")


@pytest.mark.parametrize("text", ["Auf\u200clage", "grens\u200boverschrijdend.", "2026\u200b, toen", "e.g.\u200b",
                                  "می\u200cخواهم.بله"])
def test_zero_width_characters_in_words_and_next_to_numbers_are_not_refused(text) -> None:
    assert character_problems(text) == []
