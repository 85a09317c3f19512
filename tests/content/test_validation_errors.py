"""Validation findings (exit code 1): each breaks one line of a copy made with `init`.

Every case asserts the exact file, line and column of the diagnostic, the key path,
the words of the message and of its fix, and the exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest


@dataclass(frozen=True)
class Case:
    id: str
    old: str
    new: str
    words: tuple[str, ...]  # key path, message and fix, all in the one located diagnostic
    col: str | None = None  # snippet on the reported line whose position is the column
    after: str | None = None  # edit the first `old` after this text
    at: str | None = None  # the reported line holds this text (default: the edited line)
    at_after: str | None = None
    only: bool = True  # the only error printed
    extra: tuple[str, ...] = field(default_factory=tuple)


CASES = [
    Case("missing-required-field",
         "    definition: Is gedwongen tot seks, of had seks tegen de wil.\n", "",
         ("statistics[0].definition:", "required key 'definition' is missing", "add 'definition:' to this mapping"),
         at="id: victim-sexual-violence", col="id:"),
    Case("misspelled-key",
         "    definition: Is gedwongen", "    defintion: Is gedwongen",
         ("statistics[0].defintion:", "unknown key 'defintion'", "did you mean 'definition'?", "rename the key"),
         col="defintion"),
    Case("unknown-top-level-key",
         "source_language: nl", "source_langauge: nl",
         ("source_langauge:", "unknown key 'source_langauge'", "did you mean 'source_language'?"),
         col="source_langauge"),
    Case("unknown-key-without-close-match",
         "    short: OCW\n", "    short: OCW\n    colour: red\n",
         ("organisations[0].colour:", "unknown key 'colour'", "remove it", "allowed keys here: id, name, short, role"),
         at="colour: red", col="colour"),
    Case("percentage-120",
         "        value: 22", "        value: 120",
         ("statistics[0].values[0].value:", "120 is not a percentage", "between 0 and 100",
          "write the percentage as a number from 0 to 100"),
         col="120"),
    Case("percentage-as-text-with-sign",
         "        value: 22", '        value: "22%"',
         ("statistics[0].values[0].value:", "expected a number, found text '22%'",
          "write the bare number without quotes or units, e.g. 22"),
         col='"22%"'),
    Case("negative-figure",
         "        value: 6", "        value: -6",
         ("statistics[0].values[1].value:", "-6 is out of range for a figure (at least 0)", "use a number of 0 or more"),
         col="-6"),
    Case("not-a-number",
         "        value: 6", "        value: .nan",
         ("statistics[0].values[1].value:", "nan is not a usable number", "write an ordinary number"),
         col=".nan"),
    Case("duplicate-statistic-id",
         "  - id: physical-transgressive", "  - id: victim-sexual-violence",
         ("statistics[1].id:", "duplicate id 'victim-sexual-violence'", "also used by statistics[0] on line 70",
          "give each item its own id"),
         col="victim-sexual-violence"),
    Case("message-refers-to-missing-statistic",
         "    statistic: victim-sexual-violence", "    statistic: no-such-figure",
         ("messages[1].statistic:", "refers to statistic 'no-such-figure', which does not exist",
          "known ids: consequences-forced, consequences-nonphysical, physical-transgressive, victim-sexual-violence"),
         col="no-such-figure"),
    Case("help-reference-typo",
         "    help: centrum-seksueel-geweld", "    help: centrum-seksueel-gewld",
         ("messages[0].help:", "refers to help contact 'centrum-seksueel-gewld', which does not exist",
          "did you mean 'centrum-seksueel-geweld'?"),
         col="centrum-seksueel-gewld"),
    Case("statistic-refers-to-missing-source",
         "    source: rutgers-2017", "    source: rutgers-2071",
         ("statistics[0].source:", "refers to source 'rutgers-2071', which does not exist", "did you mean 'rutgers-2017'?"),
         col="rutgers-2071"),
    Case("statistic-refers-to-missing-group",
         "      - group: men", "      - group: boys",
         ("statistics[0].values[1].group:", "refers to group 'boys', which does not exist", "known ids: affected, men, women"),
         col="boys"),
    Case("phone-with-letters",
         "    phone: 0800-0188", "    phone: 0800-CSG",
         ("help_contacts[0].phone:", "'0800-CSG' is not a Dutch phone number", "digits only", "e.g. 0800-0188"),
         col="0800-CSG"),
    Case("phone-too-short",
         "    phone: 0800-2000", "    phone: 0800-20",
         ("help_contacts[1].phone:", "'0800-20' is not a Dutch phone number"),
         col="0800-20"),
    Case("phone-foreign",
         "    phone: 0800-2000", "    phone: +44 20 7946 0958",
         ("help_contacts[1].phone:", "is not a Dutch phone number", "+31 20 123 4567"),
         col="+44"),
    Case("phone-as-bare-number",
         '    phone: "112"', "    phone: 112",
         ("help_contacts[5].phone:", "expected a Dutch phone number, found the number 112",
          'put the value in quotes to keep it as text: "112"'),
         col="112"),
    Case("web-address-without-scheme",
         "    url: https://veiligthuis.nl", "    url: veiligthuis.nl",
         ("help_contacts[1].url:", "'veiligthuis.nl' is not a web address", "write the full address with https://"),
         col="veiligthuis.nl"),
    Case("web-address-with-space",
         "    url: https://veiligthuis.nl", "    url: https://veilig thuis.nl",
         ("help_contacts[1].url:", "'https://veilig thuis.nl' is not a web address"),
         col="https://"),
    Case("list-where-text-expected",
         "    headline: Tot waar is het leuk voor allebei?", "    headline: [Tot waar, is het leuk]",
         ("messages[0].headline:", "expected text, found a list", "write text on the same line as the key",
          "in quotes if it starts with"),
         col="["),
    Case("mapping-where-list-expected",
         "groups:\n", "groups:\n  women: vrouwen\nx_groups:\n",
         ("groups:", "expected a list, found a mapping", "write one '- item' per line"),
         at="  women: vrouwen", col="women", only=False),
    Case("invalid-id-shape",
         "  - id: ocw", "  - id: OCW_1",
         ("organisations[0].id:", "'OCW_1' is not an id (lower-case letters, digits, hyphens)",
          "use lower-case letters, digits and hyphens"),
         col="OCW_1"),
    Case("date-that-does-not-exist",
         "  runs_until: 2026-12-31", "  runs_until: 2026-13-45",
         ("programme.runs_until:", "'2026-13-45' is not a real date: there is no month 13", "YYYY-MM-DD"),
         col="2026-13-45"),
    Case("date-day-that-does-not-exist",
         "  runs_until: 2026-12-31", "  runs_until: 2026-02-30",
         ("programme.runs_until:", "'2026-02-30' is not a real date: that month has no day 30"),
         col="2026-02-30"),
    Case("date-in-dutch-order",
         "  runs_until: 2026-12-31", "  runs_until: 31-12-2026",
         ("programme.runs_until:", "expected a date (YYYY-MM-DD), found text '31-12-2026'",
          "write the date as YYYY-MM-DD, e.g. 2026-12-31"),
         col="31-12-2026"),
    Case("unknown-unit-choice",
         "    unit: percent", "    unit: procent",
         ("statistics[0].unit:", "'procent' is not one of percent, count", "did you mean 'percent'?"),
         col="procent"),
    Case("unknown-format-version",
         "format: campaign-studio/1", "format: campaign-studio/9",
         ("format:", "'campaign-studio/9' is not one of campaign-studio/1"),
         col="campaign-studio/9"),
    Case("year-out-of-range",
         "    year: 2017\n    source: rutgers-2017", "    year: 17\n    source: rutgers-2017",
         ("statistics[0].year:", "17 is out of range for a year (1900 to 2100)", "use a number from 1900 to 2100"),
         col="17"),
    Case("year-as-decimal",
         "    year: 2017\n    citation", "    year: 2017.0\n    citation",
         ("sources[0].year:", "expected a whole number, found the number 2017.0", "without a decimal point, e.g. 2017"),
         col="2017.0"),
    Case("true-or-false-as-text",
         "    verified: true", "    verified: yes please",
         ("statistics[0].verified:", "expected true or false, found text 'yes please'", "write true or false"),
         col="yes please"),
    Case("empty-text",
         "    short: OCW", '    short: ""',
         ("organisations[0].short:", "must not be empty", "write the text"),
         col='""'),
    Case("missing-value",
         "    short: OCW", "    short:",
         ("organisations[0].short:", "expected text, found nothing (empty value)", "write text here"),
         col=None),
    Case("number-where-text-expected",
         "    short: OCW", "    short: 2017",
         ("organisations[0].short:", "expected text, found the number 2017", 'quotes to keep it as text: "2017"'),
         col="2017"),
    Case("text-too-long",
         "    headline: Tot waar is het leuk voor allebei?", "    headline: " + "lang " * 30,
         ("messages[0].headline:", "characters long, more than 120", "shorten it"),
         col="lang"),
    Case("empty-list-where-items-needed",
         "help_contacts:\n", "help_contacts: []\nold_help_contacts:\n",
         ("help_contacts:", "needs at least 1 item(s)", "add the missing items"),
         col="[]", only=False),
    Case("two-primary-help-contacts",
         "    national: true\n  - id: slachtofferhulp", "    national: true\n    primary: true\n  - id: slachtofferhulp",
         ("help_contacts[1].primary:", "help contact 'veilig-thuis' is primary",
          "'centrum-seksueel-geweld' (help_contacts[0]) already is", "keep 'primary: true' on one contact only"),
         at="    primary: true", at_after="id: veilig-thuis", col="true"),
    Case("no-primary-help-contact",
         "    primary: true\n", "",
         ("help_contacts:", "no help contact is primary", "add 'primary: true' to the national helpline"),
         at="help_contacts:", col="help_contacts"),
    Case("primary-help-contact-not-national",
         "    national: true\n    primary: true", "    national: false\n    primary: true",
         ("help_contacts[0].national:", "the primary help contact 'centrum-seksueel-geweld' must be national",
          "set national: true"),
         col="false"),
    Case("help-contact-without-phone-or-url",
         "    url: https://www.chatmetfier.nl\n", "",
         ("help_contacts[4]:", "a help contact needs a phone number or a web address", "add phone: or url:"),
         at="  - id: fier", col="id:"),
    Case("duplicate-action-line-number",
         "    number: 2", "    number: 1",
         ("action_lines[1].number:", "action line number 1 is used twice", "number the action lines 1, 2, 3"),
         col="1"),
    Case("same-group-twice-in-a-statistic",
         "      - group: men\n        value: 6", "      - group: women\n        value: 6",
         ("statistics[0].values[1].group:", "group 'women' appears twice in statistic 'victim-sexual-violence'",
          "list each group once"),
         col="women"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_validation_finding_is_located(case: Case, campaign_copy, cli, diagnostic) -> None:
    edited_line = campaign_copy.replace(case.old, case.new, case.after)
    line = campaign_copy.line_of(case.at, case.at_after) if case.at else edited_line
    column = campaign_copy.column_of(line, case.col) if case.col else None

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1, result.err
    result.assert_no_traceback()
    found = diagnostic(result, campaign_copy.file, line, column)
    for words in case.words:
        assert words in found, f"{words!r} missing from:\n{found}"
    if case.only:
        assert result.errors == [found], result.err
    assert f"{campaign_copy.file}: invalid (" in result.out


def test_every_case_changes_the_file(campaign_copy) -> None:
    """Guard against a case whose `old` text no longer exists in the built-in campaign."""
    text = campaign_copy.text()
    for case in CASES:
        start = text.index(case.after) if case.after else 0
        assert case.old in text[start:], case.id


def test_several_findings_are_all_reported_in_file_order(campaign_copy, cli, diagnostic) -> None:
    first = campaign_copy.replace("    short: OCW", "    short: 12")
    second = campaign_copy.replace("    unit: percent", "    unit: procent")
    third = campaign_copy.replace("    phone: 0800-0188", "    phone: 0800-CSG")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    lines = [int(d.split(":")[1]) for d in result.errors]
    assert lines == [first, second, third]
    assert "3 errors, 0 warnings" in result.out
    diagnostic(result, campaign_copy.file, second, 11)


def test_reference_errors_wait_for_shape_errors(campaign_copy, cli) -> None:
    """A badly shaped id is reported once, without follow-on "does not exist" noise from messages using it."""
    campaign_copy.replace("  - id: victim-sexual-violence", "  - id: Victim_Sexual_Violence")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert len(result.errors) == 1, result.err
    assert "'Victim_Sexual_Violence' is not an id" in result.errors[0]


def test_independent_findings_are_all_reported(campaign_copy, cli) -> None:
    campaign_copy.replace("    statistic: victim-sexual-violence", "    statistic: no-such-figure")
    campaign_copy.replace("        value: 22", "        value: 120")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert len(result.errors) == 2, result.err
    assert "120 is not a percentage" in result.errors[0]
    assert "refers to statistic 'no-such-figure'" in result.errors[1]


def test_count_statistic_may_exceed_100(campaign_copy, cli) -> None:
    """Only a percentage is limited to 0..100; a count is not."""
    campaign_copy.replace("    unit: percent", "    unit: count")
    campaign_copy.replace("        value: 22", "        value: 1200")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err


def test_broken_line_in_an_init_copy_is_pointed_at(campaign_copy, cli, diagnostic) -> None:
    """The issue's definition of done: break a line in a copy, `validate` names that line."""
    line = campaign_copy.replace("    phone: 0800-2000", "    phone: call us")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    found = diagnostic(result, campaign_copy.file, line, 12)
    assert "help_contacts[1].phone: 'call us' is not a Dutch phone number" in found
