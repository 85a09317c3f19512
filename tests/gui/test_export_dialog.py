"""The export dialog, driven with pytest-qt: the command line's engine writes the files and the manifest."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QListWidget, QPlainTextEdit, QTableWidget, QWidget
from uikit import english, own_settings

from campaign_studio.gui.export_dialog import CheckList, CurrentDesign, ExportDialog

CURRENT = CurrentDesign(template="statistic-spotlight", format="post-1x1", language="nl", edition="national",
                        stat="physical-transgressive")


pytestmark = pytest.mark.usefixtures("own_settings", "english")
__all__ = ["english", "own_settings"]  # fixtures, used by name


def _toggle(box: CheckList, name: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Tick or untick an item as a keyboard user does: move to it and press Space."""
    row = box.names().index(name)
    box.list.setFocus()
    box.list.setCurrentRow(row)
    qtbot.keyClick(box.list, Qt.Key.Key_Space)


def _files(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()
            and p.name not in ("manifest.json", "index.html", ".campaign-studio.lock")
            and p.relative_to(out).parts[0] != "review"}


def _wait_done(dialog: ExportDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog.running, timeout=120_000)


def test_export_two_formats_writes_the_files_and_the_manifest(qtbot, tmp_path, monkeypatch, cli) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(None, CURRENT)
    qtbot.addWidget(dialog)
    assert dialog.templates.checked() == ["statistic-spotlight"]
    assert dialog.formats.checked() == ["post-1x1"]
    assert dialog.content_current.isChecked()
    _toggle(dialog.formats, "story-9x16", qtbot)
    _toggle(dialog.languages, "tr", qtbot)
    assert dialog.formats.checked() == ["post-1x1", "story-9x16"]
    out = tmp_path / "export"
    dialog.folder.setText(str(out))
    dialog.recount()
    # 2 formats x 2 languages = 4 designs, each a PNG, its text alternative and its data table
    assert dialog.count.text() == "This export makes 12 files from 4 designs."
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.running
    _wait_done(dialog, qtbot)
    assert dialog.summary is not None, dialog.status.text()

    record = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    expected = {f"national/{lang}/statistic-spotlight/physical-transgressive-{fmt}.{ext}"
                for lang in ("nl", "tr") for fmt in ("post-1x1", "story-9x16") for ext in ("png", "alt.txt", "data.csv")}
    assert set(record["outputs"]) == expected
    assert _files(out) == {rel for rel, e in record["outputs"].items() if e["written"]}
    for rel, entry in record["outputs"].items():
        if entry["written"]:
            assert hashlib.sha256((out / rel).read_bytes()).hexdigest() == entry["sha256"]
    assert {e["format"] for e in record["outputs"].values()} == {"post-1x1", "story-9x16"}
    summary = dialog.summary
    assert summary.outputs == 12 and summary.made + summary.blocked == 12
    # the findings table is the summary by rule, as the command line prints it
    table = dialog.by_rule
    shown = {table.item(r, 0).data(Qt.ItemDataRole.UserRole): (int(table.item(r, 1).text()), int(table.item(r, 2).text()))
             for r in range(table.rowCount())}
    assert shown == {rule: (c["error"], c["warning"]) for rule, c in summary.by_rule.items()}
    # a rule is shown with its name, its reference and its fix on hover (the Dutch text is checked against B1)
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "CS108")
    assert table.item(row, 0).text() == "CS108 plain-language"
    assert "B1 guideline" in table.item(row, 0).toolTip()
    assert dialog.status.text().startswith("Files in this export: 12. Made: ")

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    assert dialog.review_button.isEnabled()
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    assert opened == [str(out / "index.html")]
    assert QSettings().value("export/folder") == str(out)  # the next export starts there

    # the command line given the same choices makes the same files and the same manifest, byte for byte
    by_cli = tmp_path / "by-cli"
    done = cli("export", "-t", "statistic-spotlight", "--stat", "physical-transgressive", "-f", "post-1x1",
               "-f", "story-9x16", "-l", "nl", "-l", "tr", "-b", "national", "-o", by_cli, "--quiet")
    assert done.code in (0, 1), done.err
    assert (by_cli / "manifest.json").read_bytes() == (out / "manifest.json").read_bytes()
    assert _files(by_cli) == _files(out)


def test_cancel_stops_the_export_and_leaves_only_whole_files_in_the_manifest(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(None, CURRENT)
    qtbot.addWidget(dialog)
    dialog.templates.set_all(True)
    dialog.languages.set_all(True)
    dialog.content_all.setChecked(True)
    out = tmp_path / "export"
    dialog.folder.setText(str(out))
    # Cancel once the first design is written
    dialog.progress.valueChanged.connect(lambda done: done > 0 and dialog.cancel_button.click())
    stopped: list[int] = []
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    dialog.thread.cancelled.connect(stopped.append)
    _wait_done(dialog, qtbot)
    assert dialog.summary is None and len(stopped) == 1
    assert "stopped" in dialog.status.text()
    record = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]
    written = {rel for rel, e in record.items() if e["written"]}
    assert _files(out) == written  # nothing half-written or unrecorded beside the whole files
    assert not [p for p in out.rglob("*") if p.name.startswith(".") and p.name != ".campaign-studio.lock"]
    for rel in written:
        assert hashlib.sha256((out / rel).read_bytes()).hexdigest() == record[rel]["sha256"]
    assert dialog.progress.maximum() > 0 and len(record) < dialog.progress.maximum() / 2  # it stopped well before the end
    assert dialog.export_button.isEnabled()  # and can be run again


def test_choices_that_make_nothing_say_why_and_export_is_off(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(None, CURRENT)
    qtbot.addWidget(dialog)
    dialog.kinds.set_all(False)
    dialog.recount()
    assert not dialog.export_button.isEnabled()
    assert dialog.count.text() == "Tick at least one item under Kinds of file."
    _toggle(dialog.kinds, "print-pdf", qtbot)  # a social format makes no print PDF
    dialog.recount()
    assert not dialog.export_button.isEnabled()
    assert "makes no outputs" in dialog.count.text()


def test_every_control_has_an_accessible_name_and_takes_the_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(None, CURRENT)
    qtbot.addWidget(dialog)
    controls = [w for w in dialog.findChildren(QWidget)
                if isinstance(w, QAbstractButton | QLineEdit | QListWidget | QPlainTextEdit | QTableWidget)
                and not w.objectName().startswith("qt_")]  # Qt's own parts of a table (its corner button)
    assert len(controls) > 15
    assert [w for w in controls if not w.accessibleName()] == []
    assert [w.accessibleName() for w in controls if w.focusPolicy() & Qt.FocusPolicy.TabFocus == 0] == []


def test_closing_while_exporting_stops_the_export_first(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(None, CURRENT)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.templates.set_all(True)
    dialog.languages.set_all(True)
    dialog.folder.setText(str(tmp_path / "export"))
    dialog.progress.valueChanged.connect(lambda done: done > 0 and dialog.running and dialog.reject())
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=120_000)
    assert not dialog.isVisible()  # closed once the export had stopped
    assert dialog.summary is None


def test_a_campaign_opened_from_a_folder_is_exported_from_that_folder(qtbot, tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "campaign"
    assert cli("init", folder).code == 0
    text = (folder / "campaign.yaml").read_text(encoding="utf-8")
    (folder / "campaign.yaml").write_text(text.replace("0800-0188", "0800-0199", 1), encoding="utf-8")
    dialog = ExportDialog(folder, CurrentDesign(template="where-to-get-help", format="post-1x1", language="nl"))
    qtbot.addWidget(dialog)
    dialog.kinds.set_checked({"alt"})
    out = tmp_path / "export"
    dialog.folder.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    _wait_done(dialog, qtbot)
    assert dialog.summary is not None, dialog.status.text()
    [alt] = [out / rel for rel in _files(out)]
    assert alt.name.endswith("-post-1x1.alt.txt")
    assert "0800-0199" in alt.read_text(encoding="utf-8")  # the folder's helpline, not the built-in one
