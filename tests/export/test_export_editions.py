"""Editions in an export: edition folders (edition.yaml) beside brand kits, each in its own languages, with
its own campaign (local contacts, replaced texts) in the designs, the manifest and the input keys."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from exportkit import manifest

from campaign_studio.content.translations import available_languages
from campaign_studio.export.job import ExportJob, read_job, with_options
from campaign_studio.export.matrix import expand
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import InputError
from campaign_studio.resources import project_root

EDITIONS = project_root() / "examples" / "editions"
HELP_TR = "lindenhoven/tr/where-to-get-help/help-is-there-post-4x5.png"


def _job(**axes: list[str]) -> ExportJob:
    return with_options(ExportJob(), axes)


def test_an_edition_folder_is_made_in_its_own_languages_and_brand(builtin: Campaign) -> None:
    job = _job(editions=[str(EDITIONS / "lindenhoven"), "national"], templates=["where-to-get-help"],
               formats=["post-4x5"], kinds=["png"])
    made = expand(job, builtin)
    by_edition: dict[str, set[str]] = {}
    for spec in made.designs:
        by_edition.setdefault(spec.edition, set()).add(spec.language)
    assert by_edition["lindenhoven"] == {"nl", "ar", "tr"}
    assert by_edition["national"] == {builtin.source_language, *available_languages(builtin.translations_folder)}
    edition = next(s for s in made.designs if s.edition == "lindenhoven")
    assert edition.edition_source == ("folder", str((EDITIONS / "lindenhoven").resolve()))
    assert Path(edition.brand) == (EDITIONS / "lindenhoven" / "brand").resolve()
    assert made.editions["lindenhoven"].campaign is not None
    contacts = [h.id for h in made.editions["lindenhoven"].campaign.help_contacts]  # type: ignore[union-attr]
    assert "wijkteam-lindenhoven" in contacts and contacts[0] == builtin.help_contacts[0].id


def test_asked_languages_are_made_where_an_edition_has_them(builtin: Campaign) -> None:
    job = _job(editions=[str(EDITIONS / "lindenhoven"), str(EDITIONS / "zeedorp")], templates=["where-to-get-help"],
               formats=["post-4x5"], kinds=["png"], languages=["de", "tr"])
    made = expand(job, builtin)
    assert sorted((s.edition, s.language) for s in made.designs) == [("lindenhoven", "tr"), ("zeedorp", "de")]


def test_an_edition_with_an_error_refuses_the_job_at_its_line(tmp_path: Path, builtin: Campaign) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(EDITIONS / "lindenhoven", broken)
    text = (broken / "edition.yaml").read_text(encoding="utf-8")
    (broken / "edition.yaml").write_text(text.replace("main_contact: wijkteam-lindenhoven", "main_contact: nobody"),
                                         encoding="utf-8")
    with pytest.raises(InputError) as caught:
        expand(_job(editions=[str(broken)], templates=["where-to-get-help"]), builtin)
    d = caught.value.diagnostic
    assert "main_contact 'nobody'" in d.message
    assert d.location is not None and d.location.file == broken / "edition.yaml" and d.location.line
    assert f"validate --edition {broken}" in d.hint


def test_two_editions_with_one_id_are_refused(tmp_path: Path, builtin: Campaign) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(EDITIONS / "lindenhoven", twin)
    with pytest.raises(InputError) as caught:
        expand(_job(editions=[str(EDITIONS / "lindenhoven"), str(twin)]), builtin)
    assert "two editions are named 'lindenhoven'" in caught.value.diagnostic.message


def test_an_unknown_edition_lists_what_an_edition_can_be(builtin: Campaign) -> None:
    with pytest.raises(InputError) as caught:
        expand(_job(editions=["lindenhoven"]), builtin)
    d = caught.value.diagnostic
    assert d.message == "--edition: unknown edition 'lindenhoven'"
    assert "national" in d.hint and "edition.yaml" in d.hint


def test_editions_in_a_job_file_are_relative_to_it(tmp_path: Path, builtin: Campaign) -> None:
    shutil.copytree(EDITIONS / "zeedorp", tmp_path / "editions" / "zeedorp")
    job_file = tmp_path / "job.yaml"
    job_file.write_text("editions: [editions/zeedorp]\ntemplates: [action-line]\nformats: [post-1x1]\nkinds: [png]\n",
                        encoding="utf-8")
    made = expand(read_job(job_file), builtin)
    assert {s.edition for s in made.designs} == {"zeedorp"}
    assert {s.edition_source for s in made.designs} == {("folder", str((tmp_path / "editions" / "zeedorp").resolve()))}


def test_export_of_an_edition_shows_its_contact_and_remakes_what_it_changes(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    edition = tmp_path / "lindenhoven"
    shutil.copytree(EDITIONS / "lindenhoven", edition)
    out = tmp_path / "out"
    args = ("export", "--edition", edition, "-t", "where-to-get-help", "-t", "statistic-spotlight", "-f", "post-4x5",
            "-k", "png", "-k", "alt", "-o", out, "-j", "1")
    result = cli(*args)
    assert result.code == 0, result.err
    record = manifest(out)["outputs"]
    assert {e["edition"] for e in record.values()} == {"lindenhoven"}
    assert {e["language"] for e in record.values()} == {"nl", "ar", "tr"}
    alt = (out / HELP_TR.replace(".png", ".alt.txt")).read_text(encoding="utf-8")
    assert "14 0123" in alt and "Wijkteam Lindenhoven" in alt and "0800-0188" in alt  # local beside national
    assert record[HELP_TR]["alt"] == alt.split("\n\n")[0]  # the short text, the first line of the file
    assert "14 0123" in record[HELP_TR]["alt"]  # the short text keeps where to get help
    # a statistic's band shows the national helpline large and names the edition's main contact under it
    spotlight = out / "lindenhoven/tr/statistic-spotlight/victim-sexual-violence-post-4x5"
    band = spotlight.with_suffix(".alt.txt").read_text(encoding="utf-8")
    assert "Wijkteam Lindenhoven 14 0123, Centrum Seksueel Geweld 0800-0188" in band

    again = cli(*args)
    assert again.code == 0
    assert f"{len(record)} outputs: 0 made, {len(record)} unchanged" in again.out
    # a new phone number for the wijkteam: every design showing the edition's contacts is made again
    text = (edition / "edition.yaml").read_text(encoding="utf-8")
    (edition / "edition.yaml").write_text(text.replace('phone: "14 0123"', 'phone: "14 0999"'), encoding="utf-8")
    third = cli(*args)
    assert third.code == 0, third.err
    assert "14 0999" in (out / HELP_TR.replace(".png", ".alt.txt")).read_text(encoding="utf-8")
    assert manifest(out)["outputs"][HELP_TR]["sha256"] != record[HELP_TR]["sha256"]


def test_a_new_picture_under_the_same_name_remakes_the_designs_that_show_it(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    from campaign_studio import pipeline

    campaign = tmp_path / "campaign"
    pipeline.init_campaign(campaign)
    out = tmp_path / "out"
    args = ("export", "--campaign", campaign, "-t", "action-line", "--message", "recognise-and-respond", "-f", "a3",
            "-l", "nl", "-k", "pdf", "-o", out, "-j", "1")
    assert cli(*args).code == 0
    picture = campaign / "pictures" / "in-gesprek.svg"
    picture.write_text(picture.read_text(encoding="utf-8").replace("#DCE9F5", "#F5E9DC"), encoding="utf-8")
    again = cli(*args)
    assert again.code == 0 and "1 output: 1 made, 0 unchanged" in again.out
