"""`translations status` and `translations export`: counts, PO and XLIFF contents, atomic writes, bad options."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import polib
import pytest
from trkit import HEADLINE, XLIFF, Q, po_entry, xliff_tree, xliff_unit

from campaign_studio import pipeline
from campaign_studio.content.campaign_loader import texts

LANGUAGES = ["nl", "ar", "en", "fa", "pl", "ti", "tr", "uk"]
NEW_HEADLINE = "Tot hoe ver is het leuk voor jullie allebei?"
OLD_HEADLINE = "Tot waar is het leuk voor allebei?"


def _status(cli, *args) -> dict[str, dict]:
    result = cli("translations", "status", "--json", *args)
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    return {r["id"]: r for r in rows}


# --- status --------------------------------------------------------------------------------------

def test_status_of_the_builtin_campaign_counts_every_language(cli) -> None:
    rows = _status(cli)

    assert list(rows) == LANGUAGES
    assert rows["nl"]["state"] == "source" and rows["nl"]["translated"] == 89
    assert {k: rows["en"][k] for k in ("translated", "draft", "outdated", "missing")} == \
        {"translated": 89, "draft": 0, "outdated": 0, "missing": 0}
    for code in ("ar", "fa", "pl", "ti", "tr", "uk"):
        assert {k: rows[code][k] for k in ("translated", "draft", "outdated", "missing")} == \
            {"translated": 0, "draft": 89, "outdated": 0, "missing": 0}, code
    assert rows["ar"]["direction"] == "rtl" and rows["en"]["direction"] == "ltr"
    assert rows["ar"]["name"] == "Arabic"


def test_status_table_has_a_header_and_a_row_per_language(cli, campaign_copy) -> None:
    result = cli("translations", "status", "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "DIRECTION", "TRANSLATED", "DRAFT", "OUTDATED", "MISSING"]
    assert [line.split()[0] for line in lines[1:]] == LANGUAGES
    assert lines[3].split() == ["en", "English", "ltr", "89", "0", "0", "0"]
    assert lines[7].split() == ["tr", "Turkish", "ltr", "0", "89", "0", "0"]


def test_a_changed_source_text_makes_its_translations_outdated(cli, campaign_copy) -> None:
    campaign_copy.replace(f"headline: {OLD_HEADLINE}", f"headline: {NEW_HEADLINE}")

    rows = _status(cli, "--campaign", campaign_copy.folder)

    assert rows["en"]["outdated"] == 1 and rows["en"]["translated"] == 88
    for code in ("ar", "fa", "pl", "ti", "tr", "uk"):
        assert rows[code]["outdated"] == 1 and rows[code]["draft"] == 88, code
    assert rows["nl"]["outdated"] == 0


def test_status_of_a_broken_campaign_is_a_finding(cli, campaign_copy) -> None:
    campaign_copy.replace("id: respect-boundaries", "id: happens-more-often")

    result = cli("translations", "status", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert "cannot report translations: the campaign has errors" in result.err
    assert "duplicate id" in result.err


# --- export PO -----------------------------------------------------------------------------------

def test_export_po_holds_every_text_in_document_order_with_its_place(cli, campaign_copy, tmp_path) -> None:
    out = tmp_path / "en.po"
    result = cli("translations", "export", "--lang", "en", "--format", "po", "--campaign", campaign_copy.folder,
                 "-o", out)

    assert result.code == 0, result.err
    assert result.out.strip() == f"{out}: en as PO, 89 texts: 89 translated, 0 draft, 0 outdated, 0 missing"
    po = polib.pofile(str(out), wrapwidth=0)
    campaign = pipeline.open_campaign(campaign_copy.folder).campaign
    assert campaign is not None
    all_texts = texts(campaign)
    assert [e.msgctxt for e in po] == [t.id for t in all_texts]
    assert [e.msgid for e in po] == [t.source for t in all_texts]
    assert po.metadata["Language"] == "en"
    assert po.metadata["X-Source-Language"] == "nl"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    headline = next(e for e in po if e.msgctxt == HEADLINE)
    assert headline.msgstr == "How far is it fun for both of you?"
    assert headline.occurrences == [("campaign.yaml", str(campaign_copy.line_of(f"headline: {OLD_HEADLINE}")))]
    assert not headline.flags
    assert not list(tmp_path.glob(".en.po.*")), "no temporary file is left behind"


def test_export_po_keeps_draft_flags(cli, campaign_copy, tmp_path) -> None:
    out = tmp_path / "tr.po"
    result = cli("translations", "export", "--lang", "tr", "--campaign", campaign_copy.folder, "-o", out)

    assert result.code == 0, result.err
    assert "89 draft" in result.out
    assert "89 translations in tr are drafts" in result.err
    po = polib.pofile(str(out))
    assert all(e.flags == ["draft"] for e in po)


def test_export_po_marks_outdated_entries_fuzzy_with_the_previous_source(cli, campaign_copy, tmp_path) -> None:
    campaign_copy.replace(f"headline: {OLD_HEADLINE}", f"headline: {NEW_HEADLINE}")
    out = tmp_path / "en.po"

    result = cli("translations", "export", "--lang", "en", "-f", "po", "--campaign", campaign_copy.folder, "-o", out)

    assert result.code == 0, result.err
    assert "1 outdated" in result.out and "1 translation in en is outdated" in result.err
    entry = po_entry(out, HEADLINE)
    assert entry.msgid == NEW_HEADLINE
    assert entry.previous_msgid == OLD_HEADLINE
    assert entry.msgstr == "How far is it fun for both of you?"
    assert "fuzzy" in entry.flags
    assert f'#| msgid "{OLD_HEADLINE}"' in out.read_text(encoding="utf-8")


def test_export_of_a_new_language_has_every_text_untranslated(cli, campaign_copy, tmp_path) -> None:
    out = tmp_path / "de.po"
    result = cli("translations", "export", "--lang", "de", "--campaign", campaign_copy.folder, "-o", out)

    assert result.code == 0, result.err
    assert "0 translated, 0 draft, 0 outdated, 89 missing" in result.out
    po = polib.pofile(str(out))
    assert len(po) == 89 and all(e.msgstr == "" and not e.flags for e in po)
    assert po.metadata["Language"] == "de"
    assert not (campaign_copy.folder / "translations" / "de.po").exists(), "export changes nothing in the campaign"


def test_export_to_stdout(cli, campaign_copy) -> None:
    result = cli("translations", "export", "--lang", "en", "--format", "po", "--campaign", campaign_copy.folder,
                 "-o", "-")

    assert result.code == 0, result.err
    po = polib.pofile(result.out)
    assert len(po) == 89
    assert "-: en as PO, 89 texts" in result.err


# --- export XLIFF --------------------------------------------------------------------------------

def test_export_xliff_12_with_states_and_locations(cli, campaign_copy, tmp_path) -> None:
    campaign_copy.replace(f"headline: {OLD_HEADLINE}", f"headline: {NEW_HEADLINE}")
    for lang in ("en", "tr", "de"):
        out = tmp_path / f"{lang}.xlf"
        result = cli("translations", "export", "--lang", lang, "--campaign", campaign_copy.folder, "-o", out)
        assert result.code == 0, result.err
        assert "as XLIFF 1.2" in result.out

    en = xliff_tree(tmp_path / "en.xlf")
    assert en.tag == f"{Q}xliff" and en.get("version") == "1.2"
    files = en.findall(f"{Q}file")
    assert len(files) == 1
    assert files[0].attrib == {"source-language": "nl", "target-language": "en", "datatype": "plaintext",
                               "original": "campaign.yaml"}
    units = en.findall(f".//{Q}trans-unit")
    assert len(units) == 89 and all(u.get("id") == u.get("resname") for u in units)
    name = xliff_unit(en, "programme.name")
    assert name.findtext(f"{Q}source") == "Nationaal Actieprogramma Aanpak seksueel grensoverschrijdend gedrag en " \
                                          "seksueel geweld"
    target = name.find(f"{Q}target")
    assert target is not None and target.get("state") == "final"
    assert name.findtext(f"{Q}note") == f"campaign.yaml:{campaign_copy.line_of('name: Nationaal Actieprogramma')}"
    headline = xliff_unit(en, HEADLINE)
    assert headline.findtext(f"{Q}source") == NEW_HEADLINE
    target = headline.find(f"{Q}target")
    assert target is not None and target.get("state") == "needs-review-translation"
    assert target.text == "How far is it fun for both of you?"
    assert any(OLD_HEADLINE in (n.text or "") for n in headline.findall(f"{Q}note"))
    space = "{http://www.w3.org/XML/1998/namespace}space"
    assert headline.get(space) == "preserve"

    tr = xliff_tree(tmp_path / "tr.xlf")
    assert {u.find(f"{Q}target").get("state") for u in tr.iter(f"{Q}trans-unit")  # type: ignore[union-attr]
            if u.get("id") != HEADLINE} == {"translated"}
    de = xliff_tree(tmp_path / "de.xlf")
    assert de.find(f".//{Q}target") is None, "untranslated units have no target"
    assert (tmp_path / "en.xlf").read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert XLIFF in (tmp_path / "en.xlf").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--lang", "en", "-o", "en.txt"], 2, "give --format po or --format xliff"),
    (["--lang", "en", "--format", "docx", "-o", "en.po"], 2, "invalid choice: 'docx'"),
    (["--lang", "nl", "-o", "nl.po"], 2, "--lang 'nl' is the campaign's source language"),
    (["--lang", "english", "-o", "x.po"], 2, "--lang 'english' is not a language CLDR knows"),
    (["--lang", "e n", "-o", "x.po"], 2, "--lang 'e n' is not a BCP 47 language code"),
    (["--lang", "en", "-o", "missing/dir/en.po"], 2, "output folder does not exist"),
])
def test_export_refuses_bad_options(cli, campaign_copy, tmp_path, monkeypatch, args, code, message) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("translations", "export", "--campaign", campaign_copy.folder, *args)

    assert result.code == code, result.err
    assert message in result.err
    result.assert_no_traceback()
    assert not list(tmp_path.glob("*.po")) and not list(tmp_path.glob("*.txt"))


def test_translations_without_an_action_is_a_usage_error(cli) -> None:
    result = cli("translations")

    assert result.code == 2
    assert "the following arguments are required: ACTION" in result.err


def test_xml_of_the_export_is_well_formed_for_rtl_and_ethiopic(cli, campaign_copy, tmp_path) -> None:
    for lang in ("ar", "ti"):
        out = tmp_path / f"{lang}.xliff"
        assert cli("translations", "export", "--lang", lang, "--campaign", campaign_copy.folder, "-o", out).code == 0
        root = ET.parse(out).getroot()
        assert root.find(f"{Q}file").get("target-language") == lang  # type: ignore[union-attr]
