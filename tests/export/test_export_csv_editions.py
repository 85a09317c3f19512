"""Editions from a CSV, one municipality per row: checked as an edition.yaml is, every problem at its row and
column; exported in worker processes that read the row again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from exportkit import manifest

from campaign_studio.export.job import ExportJob, with_options
from campaign_studio.export.matrix import expand
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import InputError
from campaign_studio.resources import brands_dir, project_root

EDITIONS = project_root() / "examples" / "editions"
HEADER = "name,brand,contact,phone,web,hours,languages,description,cost"
ROW = ("Gemeente Noordhaven,national,Steunpunt Noordhaven,14 0456,https://noordhaven.example/hulp,"
       "ma t/m vr 9.00-17.00 uur,nl en,Praat met iemand uit Noordhaven.,gratis")


def _job(csv: Path, **axes: list[str]) -> ExportJob:
    return with_options(ExportJob(), {"editions": [str(csv)], "templates": ["where-to-get-help"],
                                      "formats": ["post-4x5"], "kinds": ["png", "alt"], **axes})


def _csv(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "editions.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _refusal(csv: Path, builtin: Campaign) -> tuple[str, int | None, int | None, str]:
    with pytest.raises(InputError) as caught:
        expand(_job(csv), builtin)
    d = caught.value.diagnostic
    assert d.location is not None and d.location.file == csv
    return d.message, d.location.line, d.location.column, d.key_path


def test_the_example_csv_makes_two_editions_with_their_own_languages_and_logos(builtin: Campaign) -> None:
    made = expand(_job(EDITIONS / "municipalities.csv"), builtin)
    assert {e: sorted({s.language for s in made.designs if s.edition == e}) for e in made.editions} == {
        "gemeente-zeedorp": ["en", "nl", "pl"], "gemeente-lindenhoven": ["ar", "nl", "tr"]}
    lindenhoven = made.editions["gemeente-lindenhoven"]
    assert lindenhoven.brand.logo == (EDITIONS / "lindenhoven" / "brand" / "logo.svg").resolve()
    assert lindenhoven.brand.id == "national" and lindenhoven.brand.logo_alt == "Gemeente Lindenhoven"
    assert made.editions["gemeente-zeedorp"].brand.id == "zeedorp"  # a brand-kit folder beside the CSV
    campaign = lindenhoven.campaign
    assert campaign is not None and campaign.edition is not None
    assert campaign.edition.main_contact == "wijkteam-lindenhoven"
    assert campaign.edition.qr_url == "https://lindenhoven.example/wijk"
    assert campaign.help_contacts[0].id == builtin.help_contacts[0].id  # the national helpline stays first


def test_a_missing_logo_is_refused_at_its_row_and_column(tmp_path: Path, builtin: Campaign) -> None:
    csv = _csv(tmp_path, ROW, ROW.replace("Noordhaven,national", "Zuidhaven,logos/zuidhaven.png"))
    message, line, column, _ = _refusal(csv, builtin)
    assert (line, column) == (3, 2) and "zuidhaven.png" in message


@pytest.mark.parametrize(("change", "line", "column", "key", "words"), [
    (lambda r: r.replace("14 0456", "bel ons"), 2, 4, "phone", "not a Dutch phone number"),
    (lambda r: r.replace(",nl en,", ",nl xx-YY-ZZ,"), 2, 7, "", "xx-YY-ZZ"),
    (lambda r: r.replace("https://noordhaven.example/hulp", "noordhaven"), 2, 5, "web", "noordhaven"),
    (lambda r: r.replace(",national,", ",no-such-brand,"), 2, 2, "brand", "no-such-brand"),
])
def test_a_wrong_cell_is_refused_at_its_row_and_column(tmp_path: Path, builtin: Campaign, change, line, column,  # type: ignore[no-untyped-def]
                                                      key: str, words: str) -> None:
    message, at_line, at_column, key_path = _refusal(_csv(tmp_path, change(ROW)), builtin)
    assert (at_line, at_column) == (line, column) and words in message
    if key:
        assert key_path == key or key_path.startswith(key)


def test_header_problems_are_refused_on_the_first_row(tmp_path: Path, builtin: Campaign) -> None:
    message, line, column, _ = _refusal(_csv(tmp_path, ROW + ",x", header=HEADER + ",colour"), builtin)
    assert (line, column) == (1, 10) and "unknown column 'colour'" in message
    message, line, _, _ = _refusal(_csv(tmp_path, ROW, header=HEADER.replace(",cost", "")), builtin)
    assert line == 1 and "no column 'cost'" in message


def test_two_rows_of_one_municipality_are_refused_at_the_second(tmp_path: Path, builtin: Campaign) -> None:
    message, line, _, _ = _refusal(_csv(tmp_path, ROW, ROW), builtin)
    assert line == 3 and "two rows make the edition 'gemeente-noordhaven'" in message


def test_export_in_worker_processes_reads_each_row_again(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(brands_dir() / "national", tmp_path / "kit")
    csv = _csv(tmp_path, ROW, ROW.replace("Noordhaven", "Zuidhaven").replace("14 0456", "14 0789")
               .replace(",national,", ",kit,"))
    out = tmp_path / "out"
    result = cli("export", "--edition", csv, "-t", "where-to-get-help", "-f", "post-4x5", "-k", "png", "-k", "alt",
                 "-l", "nl", "-o", out, "-j", "2")
    assert result.code == 0, result.err
    record = manifest(out)["outputs"]
    assert {e["edition"] for e in record.values()} == {"gemeente-noordhaven", "gemeente-zuidhaven"}
    alt = (out / "gemeente-zuidhaven/nl/where-to-get-help/help-is-there-post-4x5.alt.txt").read_text(encoding="utf-8")
    assert "Steunpunt Zuidhaven 14 0789" in alt and "0800-0188" in alt
