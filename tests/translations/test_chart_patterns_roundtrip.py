"""Chart patterns go through the translator's round trip: the numbers stay placeholders, a
changed pattern reaches the chart and its text alternative, a lost placeholder is refused."""

from __future__ import annotations

import pytest
from trkit import po_edit, po_entry, po_line, xliff_edit, xliff_line

ICON_COUNT = "charts.icon_count"
LONG = "charts.long"


def _export(cli, folder, lang: str, out) -> None:  # type: ignore[no-untyped-def]
    result = cli("translations", "export", "--lang", lang, "--campaign", folder, "-o", out)
    assert result.code == 0, result.err


def test_the_export_holds_the_patterns_with_their_placeholders_and_a_note(cli, campaign_copy, tmp_path) -> None:
    out = tmp_path / "tr.po"
    _export(cli, campaign_copy.folder, "tr", out)
    entry = po_entry(out, ICON_COUNT)
    assert entry.msgid == "{count} van de {total} {group}"
    assert all(p in entry.msgstr for p in ("{count}", "{total}", "{group}"))
    assert "{count}" in entry.comment and "{total}" in entry.comment
    assert po_entry(out, LONG).msgid == "{label}: {values}. {definition} {population}, {year}. {source}"


@pytest.mark.parametrize("kind", ["po", "xliff"])
def test_a_changed_pattern_reaches_the_chart_and_its_description(cli, campaign_copy, tmp_path, kind) -> None:
    folder = campaign_copy.folder
    out = tmp_path / f"en.{'po' if kind == 'po' else 'xlf'}"
    _export(cli, folder, "en", out)
    changed = "{count} in every {total} {group}"
    if kind == "po":
        po_edit(out, ICON_COUNT, changed, flags=[])
    else:
        xliff_edit(out, ICON_COUNT, changed, state="final")
    assert cli("translations", "import", out, "--campaign", folder).code == 0
    assert po_entry(folder / "translations" / "en.po", ICON_COUNT).msgstr == changed

    png = tmp_path / "card.png"
    result = cli("render", "-t", "icon-array", "-f", "post-4x5", "--lang", "en", "--campaign", folder, "-o", png)
    assert result.code == 0, result.err
    from campaign_studio import pipeline

    campaign = pipeline.open_campaign(folder).campaign
    assert campaign is not None
    page, _ = pipeline.layout(pipeline.resolve_design(campaign, "icon-array", "post-4x5", "en"))
    assert page is not None
    assert "22 in every 100 women" in [b.text for b in page.text_blocks()]
    assert "22% of women" in (tmp_path / "card.alt.txt").read_text(encoding="utf-8")


def test_import_refuses_a_pattern_that_loses_its_count(cli, campaign_copy, snapshot, tmp_path) -> None:
    out = tmp_path / "tr.po"
    _export(cli, campaign_copy.folder, "tr", out)
    po_edit(out, ICON_COUNT, "kadınlar: her 100 kişiden 22")
    before = snapshot(campaign_copy.folder)

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 1, result.err
    line = po_line(out, ICON_COUNT)
    assert any(e.startswith(f"{out}:{line}:1: error: {ICON_COUNT}: placeholder") for e in result.errors), result.errors
    assert snapshot(campaign_copy.folder) == before


def test_import_refuses_it_in_xliff_too(cli, campaign_copy, snapshot, tmp_path) -> None:
    out = tmp_path / "ar.xlf"
    _export(cli, campaign_copy.folder, "ar", out)
    xliff_edit(out, LONG, "{label}: {values}.", state="final")
    before = snapshot(campaign_copy.folder)

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert result.errors[0].startswith(f"{out}:{xliff_line(out, LONG)}:")
    assert "'{definition}'" in result.errors[0] and "missing from the translation" in result.errors[0]
    assert snapshot(campaign_copy.folder) == before
