"""Editing in the main window, as a communications officer does it: click a text in the preview, type, see
the preview change, undo, save with Ctrl+S, find the translations outdated; unsaved edits are asked about."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from uikit import english, own_settings  # noqa: F401  (fixtures)
from uikit import select as _select
from uikit import settled as _settled

from campaign_studio import pipeline
from campaign_studio.content.campaign_loader import texts
from campaign_studio.content.translations import State, load_catalog
from campaign_studio.gui import file_actions
from campaign_studio.gui.app import MainWindow

HEADLINE = "messages.respect-boundaries.headline"


def _shown_texts(window: MainWindow) -> list[str]:
    return [b.text for page in window.last_result.laid.pages for b in page.text_blocks()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "campaign"
    pipeline.init_campaign(target)
    return target


@pytest.fixture
def window(qtbot, english, own_settings, folder) -> MainWindow:  # noqa: F811
    w = MainWindow(folder)
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    _select(w.template_box, "action-line")
    _select(w.subject_box, "message:respect-boundaries")
    _select(w.language_box, "nl")
    _settled(qtbot, w)
    yield w
    w.session.discard()  # closing must not ask about what a test left unsaved


def _click_headline(qtbot, window: MainWindow) -> None:
    page = window.preview.canvas.pages[0]
    heading = next(b for b in page.text_blocks() if b.slot == "headline")
    centre = window.preview.canvas.page_rect(0, heading.box).center().toPoint()
    qtbot.mouseClick(window.preview.canvas, Qt.MouseButton.LeftButton, pos=centre)


def test_click_type_preview_undo_save(qtbot, window, folder):
    old = window.session.source(HEADLINE)
    assert any(old in t for t in _shown_texts(window))
    _click_headline(qtbot, window)
    assert window.tabs.currentWidget() is window.content
    editor = window.content.editor(HEADLINE)
    assert editor.hasFocus()  # the cursor is in the headline's editor, at its end
    assert editor.textCursor().position() == len(old)

    qtbot.keyClicks(editor, " Nu.")
    _settled(qtbot, window)
    assert window.session.source(HEADLINE) == old + " Nu."
    assert any("Nu." in t for t in _shown_texts(window))  # the preview is the edited design
    assert window.isWindowModified()
    assert window.undo_action.text() == "Undo Edit headline of message respect-boundaries (nl)"

    window.undo_action.trigger()
    _settled(qtbot, window)
    assert window.session.source(HEADLINE) == old and editor.toPlainText() == old
    assert not any("Nu." in t for t in _shown_texts(window))
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert window.session.source(HEADLINE) == old + " Nu."

    assert window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    window.save_action.trigger()
    assert not window.isWindowModified()
    assert f"{old} Nu." in (folder / "campaign.yaml").read_text(encoding="utf-8")
    # the Arabic translation was made from the old headline: outdated, on disk and in the panel
    saved = next(t for t in texts(pipeline.open_campaign(folder).campaign) if t.id == HEADLINE)
    assert load_catalog(folder / "translations" / "ar.po").state(saved) is State.OUTDATED
    _select(window.language_box, "ar")
    assert window.content.badges[HEADLINE].text() == "outdated"
    assert window.content.sources[HEADLINE].toPlainText() == old + " Nu."


def test_closing_with_unsaved_edits_asks(qtbot, window, monkeypatch):
    window.session.edit(HEADLINE, "nl", "Anders")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(_parent, title, _text, *_args):
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    assert not window.close()  # Cancel: the window stays, with its edits
    assert window.isVisible() and window.session.is_modified
    assert window.close()  # Discard
    assert asked == ["Unsaved changes", "Unsaved changes"]


def test_opening_another_folder_keeps_or_drops_the_edits(qtbot, window, tmp_path, monkeypatch):
    other = tmp_path / "other"
    pipeline.init_campaign(other)
    window.session.edit(HEADLINE, "nl", "Anders")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Cancel)
    assert not window.open_folder(other)
    assert window.session.folder == window.campaign_dir and window.session.source(HEADLINE) == "Anders"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    assert window.open_folder(other, recover=False)
    assert window.campaign_dir == other and not window.session.is_modified
    assert window.undo_stack.count() == 0
    assert other.resolve() in [f.resolve() for f in file_actions.RecentFolders().folders()]


def test_export_saves_the_edits_first(qtbot, window, folder, monkeypatch):
    window.session.edit(HEADLINE, "nl", "Opgeslagen voor de export")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Save)
    window.export_action.trigger()
    assert "Opgeslagen voor de export" in (folder / "campaign.yaml").read_text(encoding="utf-8")
    dialog = window.export_dialog
    assert dialog.campaign.message("respect-boundaries").headline.source == "Opgeslagen voor de export"
    dialog.close()


def test_save_of_the_builtin_campaign_goes_to_a_new_folder(qtbot, english, own_settings, tmp_path,  # noqa: F811
                                                          monkeypatch):
    w = MainWindow()
    qtbot.addWidget(w)
    _settled(qtbot, w)
    target = tmp_path / "my-copy"
    monkeypatch.setattr(file_actions, "choose_new_folder", lambda _parent: target)
    w.session.edit(HEADLINE, "nl", "Eigen kop")
    assert w.save()
    assert w.campaign_dir == target.resolve() and not w.session.is_builtin
    assert "Eigen kop" in (target / "campaign.yaml").read_text(encoding="utf-8")
    assert str(target.resolve()) in w.windowTitle()


EDITIONS = Path(__file__).resolve().parents[2] / "examples" / "editions"


def test_an_edition_opened_from_disk_is_previewed_and_exported(qtbot, window, tmp_path, monkeypatch):
    """A municipality's Turkish card: File > Open edition, Turkish, the help card with the wijkteam; the
    export dialog offers the edition and its languages and exports it with the command line's engine."""
    assert window.open_edition(EDITIONS / "lindenhoven")
    assert window.brand_box.currentText() == "Gemeente Lindenhoven (edition)"
    assert window.form_labels[4].text() == "&Brand or edition"
    languages = [window.language_box.itemData(i) for i in range(window.language_box.count())]
    assert languages == ["nl", "ar", "tr"]  # the edition's own
    assert not window.content.isEnabled()  # an edition's texts are its edition.yaml's
    _select(window.template_box, "where-to-get-help")
    _select(window.format_box, "post-4x5")
    _select(window.language_box, "tr")
    _settled(qtbot, window)
    request = window.last_result.request
    assert request.brand is None and request.campaign.edition.id == "lindenhoven"
    shown = _shown_texts(window)
    assert "WIJKTEAM LINDENHOVEN" in shown and "14 0123" in shown

    window.export_action.trigger()
    dialog = window.export_dialog
    labels = {dialog.editions.list.item(i).text(): dialog.editions.list.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(dialog.editions.list.count())}
    assert labels["Gemeente Lindenhoven (edition)"] == str((EDITIONS / "lindenhoven").resolve())
    assert dialog.editions.checked() == [str((EDITIONS / "lindenhoven").resolve())]
    assert "tr" in [dialog.languages.list.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(dialog.languages.list.count())]
    made = dialog.export_job()
    from campaign_studio.export.matrix import expand

    specs = expand(made, dialog.campaign).designs
    assert {(s.edition, s.language, s.template, s.format) for s in specs} == {
        ("lindenhoven", "tr", "where-to-get-help", "post-4x5")}
    dialog.close()

    _select(window.brand_box, "national")  # back to a brand: the campaign's languages, its texts editable
    assert window.content.isEnabled()
    assert window.language_box.count() > 3
