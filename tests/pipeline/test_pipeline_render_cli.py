"""`campaign-studio render`: outputs, exit codes and the messages of every refusal.

Exit codes (DESIGN.md, cli/main.py): 0 success, 1 findings (overflow, missing
translation), 2 bad input or usage.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from campaign_studio.resources import translations_dir

TEMPLATE_IDS = ("action-line", "carousel", "handout", "icon-array", "infographic", "paired-bars", "share-ring", "statement",
                "statistic-spotlight", "where-to-get-help", "women-men")
FORMAT_IDS = ("post-4x5", "post-1x1", "story-9x16", "long-1080x2700", "link-1.91x1", "wide-16x9", "a4", "a3", "a2",
              "a1", "a0", "abri")
LANGUAGES = ("nl", *sorted(p.stem for p in translations_dir().glob("*.po")))  # source language first


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_post_png_is_exactly_1080_by_1350_rgb(cli, tmp_path: Path) -> None:
    out = tmp_path / "card.png"
    result = cli("render", "-t", "women-men", "-f", "post-4x5", "-o", out)
    assert result.code == 0, result.err
    assert result.out.strip() == f"{out}: women-men / post-4x5 / nl (0 errors, 0 warnings)"
    with Image.open(out) as im:
        assert im.format == "PNG"
        assert im.size == (1080, 1350)
        assert im.mode == "RGB"
    # its text alternative and data table beside it, and no temporary file
    assert files_in(tmp_path) == ["card.alt.txt", "card.data.csv", "card.png"]


def test_poster_png_at_a_chosen_dpi(cli, tmp_path: Path) -> None:
    out = tmp_path / "a1.png"
    result = cli("render", "-t", "women-men", "-f", "a1", "--dpi", 50, "-o", out)
    assert result.code == 0, result.err
    with Image.open(out) as im:
        assert im.size == (round(594 / 25.4 * 50), round(841 / 25.4 * 50)) == (1169, 1656)
        assert im.mode == "RGB"


def test_arabic_png_with_the_gemeente_brand(cli, tmp_path: Path) -> None:
    out = tmp_path / "ar.png"
    result = cli("render", "-t", "action-line", "-f", "post-1x1", "--lang", "ar", "-b", "gemeente-voorbeeld", "-o", out)
    assert result.code == 0, result.err
    assert "action-line / post-1x1 / ar" in result.out
    with Image.open(out) as im:
        assert im.size == (1080, 1080)


def test_an_existing_output_is_replaced(cli, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    out.write_bytes(b"old")
    result = cli("render", "-t", "where-to-get-help", "-f", "a4", "-o", out)
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"%PDF-")
    assert files_in(tmp_path) == ["card.alt.txt", "card.pdf"]  # a design without figures has no data table


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["-f", "post-4x5", "--print", "-o", "{tmp}/card.png"], "--print makes a PDF: name the output file .pdf"),
        (["-f", "post-4x5", "-o", "{tmp}/card.jpg"], "the output file must end in .png or .pdf"),
        (["-f", "a1", "--dpi", "5", "-o", "{tmp}/card.png"], "--dpi must lie between 10 and 1200"),
        (["-f", "a1", "--dpi", "5000", "-o", "{tmp}/card.png"], "--dpi must lie between 10 and 1200"),
    ],
    ids=["print-to-png", "jpg", "dpi-too-low", "dpi-too-high"],
)
def test_bad_output_options_exit_2(options: list[str], message: str, cli, tmp_path: Path) -> None:
    argv = [o.replace("{tmp}", str(tmp_path)) for o in options]
    result = cli("render", "-t", "women-men", *argv)
    assert result.code == 2
    assert "error:" in result.err and message in result.err
    assert files_in(tmp_path) == []


def test_output_folder_must_exist(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "women-men", "-f", "post-4x5", "-o", tmp_path / "missing" / "card.png")
    assert result.code == 2
    assert "output folder does not exist" in result.err and str(tmp_path / "missing") in result.err


def test_unknown_template_lists_the_templates(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "women-mem", "-f", "post-4x5", "-o", tmp_path / "x.png")
    assert result.code == 2
    assert "error: unknown template 'women-mem'" in result.err
    assert ("use one of " + ", ".join(TEMPLATE_IDS)) in result.err
    assert files_in(tmp_path) == []


def test_unknown_format_lists_the_formats(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "women-men", "-f", "post-4x6", "-o", tmp_path / "x.png")
    assert result.code == 2
    assert "error: unknown format 'post-4x6'" in result.err
    assert ("use one of " + ", ".join(FORMAT_IDS)) in result.err
    assert files_in(tmp_path) == []


@pytest.mark.parametrize(
    ("template", "option", "value", "hint"),
    [
        ("women-men", "--stat", "victim-sexual-violenc", "did you mean 'victim-sexual-violence'?"),
        ("women-men", "--stat", "xyz", "use one of victim-sexual-violence, physical-transgressive, consequences-forced, "
                                      "consequences-nonphysical"),
        ("action-line", "--message", "respect-boundary", "did you mean 'respect-boundaries'?"),
    ],
    ids=["stat-typo", "stat-unknown", "message-typo"],
)
def test_unknown_statistic_or_message(template: str, option: str, value: str, hint: str, cli, tmp_path: Path) -> None:
    result = cli("render", "-t", template, "-f", "post-4x5", option, value, "-o", tmp_path / "x.png")
    assert result.code == 2
    kind = "statistic" if option == "--stat" else "message"
    assert f"error: unknown {kind} '{value}'" in result.err
    assert hint in result.err
    assert files_in(tmp_path) == []


def test_stat_on_a_message_template_exits_2(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "action-line", "-f", "post-4x5", "--stat", "victim-sexual-violence",
                 "-o", tmp_path / "x.png")
    assert result.code == 2
    assert "template 'action-line' shows a message: use --message, not --stat" in result.err
    assert "respect-boundaries" in result.err  # the messages it can show are listed


def test_message_on_a_statistic_template_exits_2(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "women-men", "-f", "post-4x5", "--message", "respect-boundaries",
                 "-o", tmp_path / "x.png")
    assert result.code == 2
    assert "template 'women-men' shows a statistic: use --stat, not --message" in result.err


def test_stat_and_message_together_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "women-men", "-f", "post-4x5", "--stat", "victim-sexual-violence",
                 "--message", "respect-boundaries", "-o", tmp_path / "x.png")
    assert result.code == 2
    assert "not allowed with argument" in result.err


def test_one_group_statistic_cannot_be_compared(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "women-men", "-f", "post-4x5", "--stat", "consequences-forced",
                 "-o", tmp_path / "x.png")
    assert result.code == 2
    assert "statistic 'consequences-forced' has one group; 'women-men' compares two or more" in result.err
    assert files_in(tmp_path) == []


def test_unverified_statistic_renders_with_a_warning(cli, tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    result = cli("render", "-t", "statistic-spotlight", "-f", "post-4x5", "--stat", "consequences-forced", "-o", out)
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if "warning:" in line and "not verified" in line]
    assert len(warnings) == 1, result.err
    assert "consequences-forced" in warnings[0]
    assert "campaign.yaml:" in warnings[0]  # it points at the statistic in the campaign file
    assert out.is_file()
    assert "(0 errors, " in result.out


def test_missing_language_exits_1_and_names_the_missing_file(cli, tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    result = cli("render", "-t", "women-men", "-f", "post-4x5", "--lang", "de", "-o", out)
    assert result.code == 1
    assert "error: no translations for language 'de'" in result.err
    assert "de.po does not exist" in result.err
    assert "(languages: " + ", ".join(LANGUAGES) + ")" in result.err
    assert f"{out}: not written (1 error, 0 warnings)" in result.err
    assert not out.exists()


def test_fallback_to_the_source_language_is_accepted(cli, tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    result = cli("render", "-t", "women-men", "-f", "post-4x5", "--lang", "en", "--fallback", "nl", "-o", out)
    assert result.code == 0, result.err
    assert "women-men / post-4x5 / en" in result.out
    assert out.is_file()


def test_fallback_must_be_the_source_language(cli, tmp_path: Path) -> None:
    result = cli("render", "-t", "women-men", "-f", "post-4x5", "--lang", "ar", "--fallback", "en",
                 "-o", tmp_path / "x.png")
    assert result.code == 2
    assert "--fallback must be the source language 'nl'" in result.err


NEW_HEADLINE = "Hoe ver is het leuk voor jullie allebei?"


@pytest.fixture
def outdated_headline(campaign_copy: Path, edit_file) -> Path:
    """A campaign copy whose respect-boundaries headline changed after it was translated."""
    edit_file(campaign_copy / "campaign.yaml", "headline: Tot waar is het leuk voor allebei?", f"headline: {NEW_HEADLINE}")
    return campaign_copy


def test_outdated_translation_exits_1_and_suggests_the_fallback(outdated_headline: Path, cli, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = cli("render", "--campaign", outdated_headline, "-t", "action-line", "-f", "a4", "--lang", "en", "-o", out)
    assert result.code == 1
    assert "en translation of 'messages.respect-boundaries.headline' is outdated" in result.err
    assert "render with --fallback nl" in result.err
    assert not out.exists()


def test_fallback_shows_the_source_text(outdated_headline: Path, cli, tmp_path: Path, run_tool) -> None:
    out = tmp_path / "x.pdf"
    result = cli("render", "--campaign", outdated_headline, "-t", "action-line", "-f", "a4", "--lang", "en",
                 "--fallback", "nl", "-o", out)
    assert result.code == 0, result.err
    assert "the source text is shown instead" in result.err
    text = " ".join(run_tool("pdftotext", out, "-").split())
    assert NEW_HEADLINE in text
    assert "Everyone has their own wishes" in text  # the rest is still English


@pytest.mark.parametrize("fmt", ["a4", "post-1x1"])
def test_fallback_warns_once_per_text(fmt: str, outdated_headline: Path, cli, tmp_path: Path) -> None:
    result = cli("render", "--campaign", outdated_headline, "-t", "action-line", "-f", fmt, "--lang", "en",
                 "--fallback", "nl", "-o", tmp_path / "x.png")
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if "source text is shown instead" in line]
    assert len(warnings) == 1, "\n".join(warnings)


def test_dpi_does_not_change_the_pixel_size_of_a_social_format(cli, tmp_path: Path) -> None:
    out = tmp_path / "card.png"
    result = cli("render", "-t", "women-men", "-f", "post-4x5", "--dpi", 50, "-o", out)
    if result.code == 2:  # refusing the option is as good as ignoring it
        assert "--dpi" in result.err and not out.exists()
        return
    assert result.code == 0, result.err
    with Image.open(out) as im:
        assert im.size == (1080, 1350)
