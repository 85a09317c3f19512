"""An edition's own PO files: the same round trip and stale detection as the campaign's.

Its file stands over the campaign's: it holds its own texts (local contacts, replaced texts) and
any language the campaign lacks; an import keeps only what differs from the campaign's file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

from campaign_studio.resources import project_root

EXAMPLE = project_root() / "examples" / "editions" / "zeedorp"
TEXT_ID = "help_contacts.zorgpunt-kust.description"


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    target = tmp_path / "zeedorp"
    shutil.copytree(EXAMPLE, target)
    return target


def _status(cli, edition: Path) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    result = cli("translations", "status", "--edition", edition, "--json")
    assert result.code == 0, result.err
    return {r["id"]: r for r in json.loads(result.out)}


def test_a_changed_local_text_turns_stale_and_the_round_trip_mends_it(cli, edition: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    file = edition / "edition.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace(
        "Vragen over zorg en veiligheid in de buurt.", "Vragen over zorg, wonen en veiligheid in de buurt."),
        encoding="utf-8")
    rows = _status(cli, edition)
    assert rows["de"]["outdated"] == 1 and rows["en"]["outdated"] == 1 and rows["pl"]["outdated"] == 1
    # never used silently: rendering stops naming the edition's file, or shows Dutch with --fallback nl
    out = tmp_path / "help-de.png"
    refused = cli("render", "-t", "where-to-get-help", "-f", "a3", "--lang", "de", "--edition", edition, "-o", out)
    assert refused.code == 1 and not out.exists()
    assert f"{edition / 'translations' / 'de.po'}: the de translation of {TEXT_ID!r} is outdated" in refused.err
    shown = cli("render", "-t", "where-to-get-help", "-f", "a3", "--lang", "de", "--edition", edition,
                "--fallback", "nl", "-o", out)
    assert shown.code == 0, shown.err
    assert "the source text is shown instead" in shown.err

    exported = tmp_path / "de.po"
    assert cli("translations", "export", "--edition", edition, "--lang", "de", "-o", exported).code == 0
    po = polib.pofile(str(exported), wrapwidth=0)
    entry = next(e for e in po if e.msgctxt == TEXT_ID)
    assert "fuzzy" in entry.flags and entry.previous_msgid == "Vragen over zorg en veiligheid in de buurt."
    entry.msgstr = "Fragen zu Pflege, Wohnen und Sicherheit in der Nachbarschaft."
    entry.flags = ["draft"]
    entry.previous_msgid = None
    po.save(str(exported))
    imported = cli("translations", "import", "--edition", edition, exported)
    assert imported.code == 0, imported.err
    assert "1 updated" in imported.out
    assert _status(cli, edition)["de"]["outdated"] == 0
    assert cli("render", "-t", "where-to-get-help", "-f", "a3", "--lang", "de", "--edition", edition,
               "-o", out).code == 0


def test_an_edition_import_keeps_only_what_differs_from_the_campaign(cli, edition: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    exported = tmp_path / "en.po"
    assert cli("translations", "export", "--edition", edition, "--lang", "en", "-o", exported).code == 0
    whole = polib.pofile(str(exported), wrapwidth=0)
    assert len([e for e in whole if e.msgstr]) == len(whole) > 90  # the campaign's translations come with it
    before = (edition / "translations" / "en.po").read_bytes()
    result = cli("translations", "import", "--edition", edition, exported)
    assert result.code == 0, result.err
    assert "nothing to change" in result.out
    assert (edition / "translations" / "en.po").read_bytes() == before
    own = polib.pofile(str(edition / "translations" / "en.po"))
    assert sorted(e.msgctxt for e in own) == sorted([
        "programme.sender_line", *(f"help_contacts.{c}.{k}" for c in ("cjg-zeedorp", "zorgpunt-kust")
                                   for k in ("name", "description", "hours", "cost")),
        "pictures.in-gesprek.alt", "pictures.in-gesprek.credit"])  # its own picture's texts


def test_an_imported_file_is_refused_whole_as_for_a_campaign(cli, edition: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    exported = tmp_path / "de.po"
    assert cli("translations", "export", "--edition", edition, "--lang", "de", "-o", exported).code == 0
    po = polib.pofile(str(exported), wrapwidth=0)
    entry = next(e for e in po if e.msgctxt == "charts.icon_count")
    entry.msgstr = "{count} von {total}"  # a placeholder lost
    po.save(str(exported))
    before = (edition / "translations" / "de.po").read_bytes()
    result = cli("translations", "import", "--edition", edition, exported)
    assert result.code == 1 and "{group}" in result.err and "nothing was changed" in result.err
    assert (edition / "translations" / "de.po").read_bytes() == before
