"""The editing session by value: edits, undo, labels, outdated translations, saving, recovery."""

from __future__ import annotations

import difflib
from pathlib import Path

import polib
import pytest

from campaign_studio import pipeline
from campaign_studio.content.translations import State
from campaign_studio.editing import recovery
from campaign_studio.editing.session import EditingSession
from campaign_studio.model.diagnostics import InputError
from campaign_studio.model.pagetree import TextBlock, walk

HEADLINE = "messages.respect-boundaries.headline"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAMPAIGN_STUDIO_DATA_DIR", str(tmp_path / "data"))
    target = tmp_path / "campaign"
    pipeline.init_campaign(target)
    return target


def test_edit_undo_redo_and_label(folder: Path) -> None:
    session = EditingSession(folder)
    before = session.source(HEADLINE)
    edit = session.edit(HEADLINE, "nl", "Nieuwe kop")
    assert edit.label == "Edit headline of message respect-boundaries (nl)"
    assert session.source(HEADLINE) == "Nieuwe kop"
    assert session.campaign.message("respect-boundaries").headline.source == "Nieuwe kop"
    assert session.is_modified
    edit.revert()
    assert session.source(HEADLINE) == before
    assert not session.is_modified
    edit.apply()
    assert session.text(HEADLINE, "nl") == "Nieuwe kop"


def test_keystrokes_merge_into_one_edit(folder: Path) -> None:
    session = EditingSession(folder)
    old = session.text(HEADLINE, "tr")
    first = session.edit(HEADLINE, "tr", old + "a")
    second = session.edit(HEADLINE, "tr", old + "ab")
    merged = first.merged(second)
    assert merged is not None and merged.label == "Edit headline of message respect-boundaries (tr)"
    assert first.merged(session.edit("messages.respect-boundaries.body", "tr", "x")) is None
    merged.revert()
    assert session.text(HEADLINE, "tr") == old


def test_dutch_edit_makes_translations_outdated(folder: Path) -> None:
    session = EditingSession(folder)
    reviewed = session.state(HEADLINE, "ar")
    assert reviewed in (State.CURRENT, State.DRAFT)
    session.edit(HEADLINE, "nl", "Nieuwe kop")
    assert {session.state(HEADLINE, lang) for lang in session.languages[1:]} == {State.OUTDATED}
    # the layout judges it the same way: an outdated translation is refused
    design = pipeline.resolve_design(session.campaign, "action-line", "post-1x1", "ar", message_id="respect-boundaries")
    page, diags = pipeline.layout(design)
    assert page is None and any("outdated" in d.message for d in diags.errors)
    # typing the translation makes it current again, and the preview shows it
    session.edit(HEADLINE, "ar", "عنوان جديد")
    assert session.state(HEADLINE, "ar") == reviewed  # stored against the new source, its draft flag kept
    design = pipeline.resolve_design(session.campaign, "action-line", "post-1x1", "ar", message_id="respect-boundaries")
    page, _ = pipeline.layout(design)
    assert page is not None
    assert any(b.slot == "headline" and b.text == "عنوان جديد" for b in walk(page.items) if isinstance(b, TextBlock))


def test_save_changes_only_the_edited_value(folder: Path) -> None:
    yaml_path = folder / "campaign.yaml"
    original = "# written by the campaign team\n" + yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(original, encoding="utf-8")
    session = EditingSession(folder)
    old = session.source(HEADLINE)
    session.edit(HEADLINE, "nl", "Nieuwe kop: met dubbele punt")
    session.save()
    saved = yaml_path.read_text(encoding="utf-8")
    diff = [line for line in difflib.unified_diff(original.splitlines(), saved.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert diff == [f"-    headline: {old}", "+    headline: 'Nieuwe kop: met dubbele punt'"]
    assert not session.is_modified
    again = EditingSession(folder)
    assert again.source(HEADLINE) == "Nieuwe kop: met dubbele punt"
    assert again.state(HEADLINE, "tr") == State.OUTDATED  # the PO entry still holds the old source


def test_po_written_and_reloaded(folder: Path) -> None:
    session = EditingSession(folder)
    session.edit(HEADLINE, "tr", "Yeni başlık")
    written = session.save()
    po_path = folder / "translations" / "tr.po"
    assert po_path in written and folder / "campaign.yaml" not in written
    entry = next(e for e in polib.pofile(str(po_path)) if e.msgctxt == HEADLINE)
    assert (entry.msgid, entry.msgstr) == (session.source(HEADLINE), "Yeni başlık")
    assert "fuzzy" not in entry.flags
    assert EditingSession(folder).text(HEADLINE, "tr") == "Yeni başlık"


def test_builtin_campaign_is_saved_only_as_a_new_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAMPAIGN_STUDIO_DATA_DIR", str(tmp_path / "data"))
    session = EditingSession(None)
    session.edit(HEADLINE, "nl", "Nieuwe kop")
    with pytest.raises(InputError, match="built-in campaign cannot be changed"):
        session.save()
    session.save_as(tmp_path / "copy")
    assert session.folder == (tmp_path / "copy").resolve() and not session.is_modified
    assert EditingSession(tmp_path / "copy").source(HEADLINE) == "Nieuwe kop"
    assert EditingSession(None).source(HEADLINE) != "Nieuwe kop"


def test_recovery_after_a_crash(folder: Path) -> None:
    crashed = EditingSession(folder)
    crashed.edit(HEADLINE, "nl", "Nieuwe kop")
    crashed.edit(HEADLINE, "ar", "عنوان جديد")
    assert recovery.write_recovery(crashed) is not None
    del crashed  # never saved
    session = EditingSession(folder)
    found = recovery.read_recovery(folder)
    assert found is not None and found.count == 2
    restored = session.restore(found.sources, found.entries)
    assert session.source(HEADLINE) == "Nieuwe kop" and session.text(HEADLINE, "ar") == "عنوان جديد"
    restored.revert()
    assert not session.is_modified
    restored.apply()
    session.save()
    assert recovery.read_recovery(folder) is None
