"""Numbers and structure, through the CLI: negative zero, overflowing numbers, deep nesting, link loops.

Each class with a passing input (normalised or accepted) and failing ones (refused at their line,
with a hint a user can act on, exit 1 or 2, never 3).
"""

from __future__ import annotations

import subprocess

import pytest

VALUE = "        value: 6\n"  # the men's figure of the first statistic (victim-sexual-violence)


def test_negative_zero_is_drawn_as_zero(campaign_copy, cli, tmp_path) -> None:
    campaign_copy.replace(VALUE, "        value: -0.0\n")
    out = tmp_path / "card.pdf"

    result = cli("render", "-t", "women-men", "-f", "a4", "--campaign", campaign_copy.folder, "-o", out)

    assert result.code == 0, result.err
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    figures = [line.strip() for line in text.splitlines() if line.strip().endswith("%")]
    assert figures == ["22%", "0%"]


@pytest.mark.parametrize(("written", "words", "hint"), [
    ("1e309", "1e309 is too large: no number in these files needs more than 15 digits",
     "write the number in digits, e.g. 22"),
    ("1.0e+400", "1.0e+400 is too large", "write the number in digits"),
    ("1" + "0" * 400, "(401 characters) is too large", "write the number in digits"),
    ("1e5", "YAML reads 1e5 as text, not as a number", "write the number in digits, e.g. 100000"),
    ('"2.5"', "expected a number, found text '2.5'", "write the bare number without quotes, e.g. 2.5"),
    (".nan", ".nan is not a usable number", "write an ordinary number, e.g. 22"),
])
def test_unusable_numbers_get_a_hint_that_fits(written, words, hint, campaign_copy, cli, diagnostic) -> None:
    line = campaign_copy.replace(VALUE, f"        value: {written}\n")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1, result.err
    found = diagnostic(result, campaign_copy.file, line, 16)
    assert words in found and f"({hint}" in found
    assert "e.g. 1309)" not in found and "e.g. 15)" not in found, "the digits of the exponent are no hint"


def test_an_overflowing_year_gets_the_range(campaign_copy, cli, diagnostic) -> None:
    line = campaign_copy.replace("    year: 2017\n", "    year: 1e309\n")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert "(use a number from 1900 to 2100)" in diagnostic(result, campaign_copy.file, line, 11)


def _nest(depth: int, flow: bool) -> str:
    if flow:
        return "extra: " + "[" * depth + "]" * depth + "\n"
    return "extra:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(depth)) + " " * (depth + 1) + "x\n"


@pytest.mark.parametrize("flow", [True, False], ids=["brackets", "indentation"])
@pytest.mark.parametrize("depth", [60, 1_500, 10_000])
def test_too_deep_is_reported_where_the_limit_is_crossed(depth, flow, campaign_copy, cli, diagnostic) -> None:
    if not flow and depth > 1_500:
        pytest.skip("10,000 indented levels exceed the 2 MB file limit, refused by size first")
    start = campaign_copy.text().count("\n") + 1
    campaign_copy.write(campaign_copy.text() + _nest(depth, flow))
    # the 51st level: column 59 of the bracket line, or the 51st indented key (its value's line)
    line, column = (start, 58) if flow else (start + 50, 51)

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 2, result.err
    result.assert_no_traceback()
    assert "nested more than 50 levels deep" in diagnostic(result, campaign_copy.file, line, column)


def test_nesting_within_the_limit_is_only_an_unknown_key(campaign_copy, cli, diagnostic) -> None:
    start = campaign_copy.text().count("\n") + 1
    campaign_copy.write(campaign_copy.text() + _nest(40, flow=True))

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert "unknown key 'extra'" in diagnostic(result, campaign_copy.file, start, 1)


def test_link_loops_are_named_as_loops(campaign_copy, cli, diagnostic, tmp_path) -> None:
    (tmp_path / "loop").symlink_to("loop")
    campaign_copy.file.unlink()
    campaign_copy.file.symlink_to("campaign.yaml")

    folder = cli("validate", "--campaign", tmp_path / "loop")
    file = cli("validate", "--campaign", campaign_copy.folder)

    assert folder.code == 2 and file.code == 2
    assert "the campaign folder is a symbolic link that leads back to itself (a loop of links)" in diagnostic(
        folder, tmp_path / "loop")
    assert "campaign.yaml is a symbolic link that leads back to itself" in diagnostic(file, campaign_copy.file)
    assert cli("validate", "--campaign", tmp_path / "nowhere").err.startswith(
        f"{tmp_path / 'nowhere'}: error: campaign folder not found"), "a missing folder is still named as missing"


def test_a_looping_translation_file_is_named_as_a_loop(campaign_copy, cli, diagnostic, tmp_path) -> None:
    po = campaign_copy.folder / "translations" / "en.po"
    out = tmp_path / "card.png"
    assert cli("render", "-t", "women-men", "-f", "post-1x1", "-l", "en", "--campaign", campaign_copy.folder,
               "-o", out).code == 0
    po.unlink()
    po.symlink_to("en.po")

    result = cli("render", "-t", "women-men", "-f", "post-1x1", "-l", "en", "--campaign", campaign_copy.folder,
                 "-o", out)

    assert result.code == 2, result.err
    assert "the translation file is a symbolic link that leads back to itself" in diagnostic(result, po)
