"""Figure phrases go through the translator's round trip like every text: exported with what
{value} stands for, imported with the placeholder checked, reported when outdated."""

from __future__ import annotations

import json
import subprocess

import polib
import pytest
from trkit import Q, po_edit, po_entry, po_line, xliff_edit, xliff_line, xliff_tree, xliff_unit

from campaign_studio import pipeline

WOMEN_22 = "statistics.victim-sexual-violence.values.women.phrase"
PHRASES = [
    ("statistics.victim-sexual-violence.values.women.phrase", "{value} van de vrouwen", "kadınların {value}'si", "22%"),
    ("statistics.victim-sexual-violence.values.men.phrase", "{value} van de mannen", "erkeklerin {value}'sı", "6%"),
    ("statistics.physical-transgressive.values.women.phrase", "{value} van de vrouwen", "kadınların {value}'ü", "53%"),
    ("statistics.physical-transgressive.values.men.phrase", "{value} van de mannen", "erkeklerin {value}'u", "19%"),
    ("statistics.consequences-forced.values.affected.phrase", "{value} van de slachtoffers", "mağdurların {value}'i",
     "71%"),
    ("statistics.consequences-nonphysical.values.affected.phrase", "{value} van de slachtoffers",
     "mağdurların {value}'ü", "24%"),
]


def _export(cli, folder, lang: str, out) -> None:  # type: ignore[no-untyped-def]
    result = cli("translations", "export", "--lang", lang, "--campaign", folder, "-o", out)
    assert result.code == 0, result.err


def test_po_export_holds_each_figure_phrase_with_what_value_stands_for(cli, campaign_copy, tmp_path) -> None:
    out = tmp_path / "tr.po"
    _export(cli, campaign_copy.folder, "tr", out)
    po = polib.pofile(str(out), wrapwidth=0)
    ids = [e.msgctxt for e in po]
    for text_id, source, translation, figure in PHRASES:
        entry = po_entry(out, text_id)
        assert (entry.msgid, entry.msgstr) == (source, translation)
        assert f"{{value}} is the figure {figure}" in entry.comment
        stat = text_id.split(".")[1]
        # in document order: after the statistic's population, before its note
        assert ids.index(f"statistics.{stat}.population") < ids.index(text_id)
    assert not [i for i in ids if i and i.endswith(".of_group")]


def test_xliff_export_holds_the_phrases_with_a_note(cli, campaign_copy, tmp_path) -> None:
    out = tmp_path / "ar.xlf"
    _export(cli, campaign_copy.folder, "ar", out)
    unit = xliff_unit(xliff_tree(out), WOMEN_22)
    assert unit.findtext(f"{Q}source") == "{value} van de vrouwen"
    assert unit.findtext(f"{Q}target") == "{value} من النساء"
    assert any("{value} is the figure 22%" in (n.text or "") for n in unit.findall(f"{Q}note"))


@pytest.mark.parametrize("kind", ["po", "xliff"])
def test_a_changed_phrase_reaches_the_design_and_its_pdf(cli, campaign_copy, tmp_path, kind) -> None:
    folder = campaign_copy.folder
    out = tmp_path / f"tr.{'po' if kind == 'po' else 'xlf'}"
    _export(cli, folder, "tr", out)
    changed = "kadınlardan {value}'si"
    if kind == "po":
        po_edit(out, WOMEN_22, changed, flags=[])
    else:
        xliff_edit(out, WOMEN_22, changed, state="final")

    result = cli("translations", "import", out, "--campaign", folder)

    assert result.code == 0, result.err
    assert "(1 updated, 0 new, 88 unchanged" in result.out
    assert po_entry(folder / "translations" / "tr.po", WOMEN_22).msgstr == changed
    pdf = tmp_path / "tr.pdf"
    rendered = cli("render", "-t", "statistic-spotlight", "-f", "post-4x5", "--lang", "tr", "--campaign", folder,
                   "-o", pdf)
    assert rendered.code == 0, rendered.err
    # in the order the PDF draws (and tags) its text; poppler's layout mode sorts the large figure first
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "kadınlardan\n%22'si\nerkeklerin %6'sı" in raw


@pytest.mark.parametrize(("translation", "messages"), [
    ("kadınların %22'si", ["placeholder '{value}' of the source is missing from the translation"]),
    ("kadınların {value}'si, {value}", ["the translation has placeholder '{value}', which the source does not have"]),
    ("kadınların {deger}'si", ["placeholder '{value}' of the source is missing from the translation",
                               "the translation has placeholder '{deger}', which the source does not have"]),
])
def test_import_refuses_a_phrase_that_loses_or_adds_the_figure(cli, campaign_copy, snapshot, tmp_path, translation,
                                                               messages) -> None:
    out = tmp_path / "tr.po"
    _export(cli, campaign_copy.folder, "tr", out)
    po_edit(out, WOMEN_22, translation)
    before = snapshot(campaign_copy.folder)

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 1, result.err
    line = po_line(out, WOMEN_22)
    assert [e.split(" (")[0] for e in result.errors] == [f"{out}:{line}:1: error: {WOMEN_22}: {m}" for m in messages]
    assert snapshot(campaign_copy.folder) == before


def test_import_refuses_it_in_xliff_too(cli, campaign_copy, snapshot, tmp_path) -> None:
    out = tmp_path / "fa.xlf"
    _export(cli, campaign_copy.folder, "fa", out)
    xliff_edit(out, WOMEN_22, "۲۲٪ از زنان", state="final")
    before = snapshot(campaign_copy.folder)

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert result.errors[0].startswith(f"{out}:{xliff_line(out, WOMEN_22)}:")
    assert "placeholder '{value}' of the source is missing from the translation" in result.errors[0]
    assert snapshot(campaign_copy.folder) == before


def test_a_changed_source_phrase_is_outdated_in_status_export_and_render(cli, campaign_copy, tmp_path) -> None:
    folder = campaign_copy.folder
    campaign_copy.replace("        value: 22\n", "        value: 22\n        phrase: ruim {value} van de vrouwen\n")

    status = {r["id"]: r for r in json.loads(cli("translations", "status", "--json", "--campaign", folder).out)}
    for lang in ("en", "tr", "ar", "fa", "pl", "uk", "ti"):
        assert status[lang]["outdated"] == 1, lang
    out = tmp_path / "tr.po"
    _export(cli, folder, "tr", out)
    entry = po_entry(out, WOMEN_22)
    assert (entry.msgid, entry.previous_msgid, "fuzzy" in entry.flags) == (
        "ruim {value} van de vrouwen", "{value} van de vrouwen", True)

    rendered = cli("render", "-t", "statistic-spotlight", "-f", "post-4x5", "--lang", "tr", "--campaign", folder,
                   "-o", tmp_path / "tr.png")
    assert rendered.code == 1
    assert f"the tr translation of '{WOMEN_22}' is outdated" in rendered.err
    assert "--fallback nl" in rendered.err

    po_edit(out, WOMEN_22, "kadınların {value}'sinden fazlası", flags=[])
    assert cli("translations", "import", out, "--campaign", folder).code == 0
    loaded = pipeline.open_campaign(folder)
    assert loaded.campaign is not None
    page, diags = pipeline.layout(pipeline.resolve_design(loaded.campaign, "statistic-spotlight", "post-4x5", "tr"))
    assert page is not None, [d.format() for d in diags]
    assert [(b.slot, b.text) for b in page.text_blocks() if b.slot.startswith("figure")][:3] == [
        ("figure-group", "kadınların"), ("figure", "%22'sinden"), ("figure-group", "fazlası")]


def test_a_changed_figure_outdates_the_phrase_written_for_it(cli, campaign_copy, tmp_path) -> None:
    """Turkish "%22'si" is wrong for 26 ("%26'sı"): a phrase translated for one figure is outdated for another."""
    folder = campaign_copy.folder
    campaign_copy.replace("        value: 22\n", "        value: 26\n")

    status = {r["id"]: r for r in json.loads(cli("translations", "status", "--json", "--campaign", folder).out)}
    assert status["tr"]["outdated"] == 1 and status["en"]["outdated"] == 1
    rendered = cli("render", "-t", "statistic-spotlight", "-f", "post-4x5", "--lang", "tr", "--campaign", folder,
                   "-o", tmp_path / "tr.png")
    assert rendered.code == 1
    assert f"the tr translation of '{WOMEN_22}' is outdated (it was written for another figure)" in rendered.err

    out = tmp_path / "tr.po"
    _export(cli, folder, "tr", out)
    entry = po_entry(out, WOMEN_22)
    assert "fuzzy" in entry.flags and "{value} is the figure 26%" in entry.comment
    po_edit(out, WOMEN_22, "kadınların {value}'sı", flags=["draft"])
    imported = cli("translations", "import", out, "--campaign", folder)
    assert imported.code == 0, imported.err
    stored = po_entry(folder / "translations" / "tr.po", WOMEN_22)
    assert (stored.msgstr, "{value} is the figure 26%" in stored.comment, stored.flags) == (
        "kadınların {value}'sı", True, ["draft"])
    loaded = pipeline.open_campaign(folder)
    assert loaded.campaign is not None
    page, diags = pipeline.layout(pipeline.resolve_design(loaded.campaign, "statistic-spotlight", "post-4x5", "tr"))
    assert page is not None, [d.format() for d in diags]
    assert [b.text for b in page.text_blocks() if b.slot == "figure"] == ["%26'sı"]
