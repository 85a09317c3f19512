"""The content panel and file actions driven with pytest-qt: typing, undo/redo, focus, names, recovery."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from campaign_studio import pipeline
from campaign_studio.editing import recovery
from campaign_studio.editing.session import EditingSession
from campaign_studio.gui import file_actions
from campaign_studio.gui.content_panel import ContentPanel

HEADLINE = "messages.respect-boundaries.headline"
HELP = "help_contacts.centrum-seksueel-geweld.description"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAMPAIGN_STUDIO_DATA_DIR", str(tmp_path / "data"))
    target = tmp_path / "campaign"
    pipeline.init_campaign(target)
    return target


def _panel(qtbot, session: EditingSession, language: str = "ar") -> tuple[ContentPanel, QUndoStack]:
    stack = QUndoStack()
    panel = ContentPanel(session, stack)
    qtbot.addWidget(panel)
    panel._stack = stack  # kept alive with the panel
    panel.set_design("action-line", "message", "respect-boundaries", language)
    return panel, stack


def test_typing_edits_the_session_and_emits_edited(qtbot, folder: Path) -> None:
    session = EditingSession(folder)
    panel, stack = _panel(qtbot, session)
    assert list(panel.editors) == [HEADLINE, "messages.respect-boundaries.body",
                                   "messages.respect-boundaries.call_to_action", HELP]
    editor = panel.editor(HEADLINE)
    old = session.text(HEADLINE, "ar")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(panel.edited):
        qtbot.keyClicks(editor, "xyz")
    assert session.text(HEADLINE, "ar") == old + "xyz"
    assert stack.count() == 1  # three keystrokes, one command
    assert stack.undoText() == "Edit headline of message respect-boundaries (ar)"
    stack.undo()
    assert session.text(HEADLINE, "ar") == old and editor.toPlainText() == old
    stack.redo()
    assert session.text(HEADLINE, "ar") == old + "xyz" and editor.toPlainText() == old + "xyz"


def test_dutch_source_beside_the_translation_with_its_state(qtbot, folder: Path) -> None:
    session = EditingSession(folder)
    panel, _ = _panel(qtbot, session)
    assert panel.sources[HEADLINE].isReadOnly()
    assert panel.sources[HEADLINE].toPlainText() == session.source(HEADLINE)
    assert panel.badges[HEADLINE].text() in ("translated", "draft")
    dutch, _ = _panel(qtbot, session, "nl")
    assert not dutch.sources  # no source beside the source itself
    qtbot.keyClicks(dutch.editor(HEADLINE), "!")
    assert session.state(HEADLINE, "ar").value == "outdated"
    panel.refresh()
    assert panel.badges[HEADLINE].text() == "outdated"
    assert panel.sources[HEADLINE].toPlainText() == session.source(HEADLINE)


def test_focus_slot_puts_the_cursor_in_that_text(qtbot, folder: Path) -> None:
    panel, _ = _panel(qtbot, EditingSession(folder))
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    assert panel.focus_slot("help-details")  # a page tree slot id of the help band
    qtbot.waitUntil(lambda: panel.editor(HELP).hasFocus())
    assert panel.focus_slot("headline")
    qtbot.waitUntil(lambda: panel.editor(HEADLINE).hasFocus())
    assert not panel.focus_slot("logo")
    panel.close()


def test_every_control_has_an_accessible_name(qtbot, folder: Path) -> None:
    panel, _ = _panel(qtbot, EditingSession(folder))
    controls = panel.findChildren(QPlainTextEdit) + panel.findChildren(QLabel)
    assert len(controls) >= 12
    unnamed = [c for c in controls if not c.accessibleName()]
    assert unnamed == []
    assert panel.editor(HEADLINE).accessibleName() == "headline of message respect-boundaries, Arabic"
    assert all(isinstance(c, QWidget) for c in controls)


def test_recovery_after_a_simulated_crash(qtbot, folder: Path) -> None:
    session = EditingSession(folder)
    panel, _ = _panel(qtbot, session, "nl")
    autosave = file_actions.Autosave(lambda: session, interval_ms=60_000)
    qtbot.keyClicks(panel.editor(HEADLINE), " nu")
    edited = session.source(HEADLINE)
    assert autosave.write_now() == recovery.recovery_path(folder)
    autosave.stop()
    # the app crashes here: the session is dropped, nothing saved
    reopened = EditingSession(folder)
    assert reopened.source(HEADLINE) != edited
    asked: list[str] = []
    restored = file_actions.offer_recovery(None, reopened, ask=lambda _p, _t, text: asked.append(text) or True)
    assert restored is not None and len(asked) == 1 and " 1 " in asked[0]
    assert reopened.source(HEADLINE) == edited and reopened.is_modified
    stack = QUndoStack()
    from campaign_studio.gui.undo import EditCommand

    stack.push(EditCommand(restored, applied=True))
    assert reopened.source(HEADLINE) == edited  # pushing did not apply it twice
    stack.undo()
    assert not reopened.is_modified


def test_declined_recovery_is_removed(qtbot, folder: Path) -> None:
    session = EditingSession(folder)
    session.edit(HEADLINE, "nl", "Nieuwe kop")
    recovery.write_recovery(session)
    fresh = EditingSession(folder)
    assert file_actions.offer_recovery(None, fresh, ask=lambda *_: False) is None
    assert recovery.read_recovery(folder) is None and not fresh.is_modified


def test_recent_folders_newest_first(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    recent = file_actions.RecentFolders(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    recent.add(tmp_path / "a")
    recent.add(tmp_path / "b")
    recent.add(tmp_path / "a")
    assert recent.folders() == [(tmp_path / "a").resolve(), (tmp_path / "b").resolve()]


def test_save_as_from_the_builtin_campaign(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAMPAIGN_STUDIO_DATA_DIR", str(tmp_path / "data"))
    session = EditingSession(None)
    session.edit(HEADLINE, "nl", "Nieuwe kop")
    monkeypatch.setattr(file_actions, "RecentFolders", lambda: _NoSettings())
    assert file_actions.save(None, session, choose=lambda _p: tmp_path / "mine")
    assert EditingSession(tmp_path / "mine").source(HEADLINE) == "Nieuwe kop"


class _NoSettings:
    def add(self, folder: Path) -> None:
        self.added = folder


