"""File menu helpers around an editing session: save, save as, recent folders, unsaved changes, autosave.

    save(parent, session)                 # True when saved; the built-in campaign goes to save_as
    save_as(parent, session, choose=...)  # asks for a new folder (choose: a function for tests)
    confirm_unsaved(parent, session)      # before close/open: Save / Discard / Cancel; True = go on
    recent = RecentFolders()              # QSettings "recent/folders", newest first, at most MAX_RECENT
    recent.add(folder); recent.folders()
    autosave = Autosave(session_getter)   # a QTimer that writes the recovery file every AUTOSAVE_MS
    edit = offer_recovery(parent, session)  # on open: restore unsaved edits of a crash? -> Edit | None
                                            # (push it with EditCommand(edit, applied=True))

Failures (a folder that cannot be written, a file changed outside the app) are shown as one
message naming the file and the fix (the diagnostic's text), and the session keeps its edits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from campaign_studio.editing import recovery
from campaign_studio.editing.edits import Edit
from campaign_studio.editing.session import EditingSession
from campaign_studio.model.diagnostics import InputError

MAX_RECENT = 8
AUTOSAVE_MS = 30_000  # a crash loses at most the last half minute of typing
RECENT_KEY = "recent/folders"

Chooser = Callable[[QWidget | None], Path | None]
Asker = Callable[[QWidget | None, str, str], bool]


# Each string is a literal in QCoreApplication.translate("FileActions", ...): pyside6-lupdate only
# extracts literals at the call, never through a helper function.
def _show_error(parent: QWidget | None, error: InputError) -> None:
    QMessageBox.critical(parent, QCoreApplication.translate("FileActions", "Cannot save"), error.diagnostic.format())


def choose_new_folder(parent: QWidget | None) -> Path | None:
    """Ask for a new (or empty) folder to save the campaign in."""
    name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("FileActions", "Save campaign as (a new folder)"))
    return Path(name) if name else None


def save(parent: QWidget | None, session: EditingSession, choose: Chooser = choose_new_folder) -> bool:
    if session.is_builtin:
        return save_as(parent, session, choose)
    try:
        session.save()
    except InputError as error:
        _show_error(parent, error)
        return False
    return True


def save_as(parent: QWidget | None, session: EditingSession, choose: Chooser = choose_new_folder) -> bool:
    target = choose(parent)
    if target is None:
        return False
    try:
        session.save_as(target)
    except InputError as error:
        _show_error(parent, error)
        return False
    RecentFolders().add(target)
    return True


def confirm_unsaved(parent: QWidget | None, session: EditingSession, choose: Chooser = choose_new_folder) -> bool:
    """Ask what to do with unsaved edits; True when the caller may go on (saved, discarded or none)."""
    if not session.is_modified:
        return True
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("FileActions", "Unsaved changes"),
        QCoreApplication.translate("FileActions", "The campaign has unsaved changes. Save them?"),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save)
    if answer == QMessageBox.StandardButton.Save:
        return save(parent, session, choose)
    if answer == QMessageBox.StandardButton.Discard:
        session.discard()
        return True
    return False


class RecentFolders:
    """Recently opened or saved campaign folders, kept in QSettings, newest first."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    def folders(self) -> list[Path]:
        value = self.settings.value(RECENT_KEY, [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(v) for v in items if v]

    def add(self, folder: Path) -> None:
        path = str(Path(folder).resolve())
        items = [path] + [str(p) for p in self.folders() if str(p) != path]
        self.settings.setValue(RECENT_KEY, items[:MAX_RECENT])

    def clear(self) -> None:
        self.settings.remove(RECENT_KEY)


class Autosave(QObject):
    """Writes the session's unsaved edits to its recovery file on a timer, when they changed."""

    def __init__(self, session: Callable[[], EditingSession], interval_ms: int = AUTOSAVE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._written: tuple[int, int] | None = None  # (id of the session, its revision) last written
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.write_now)
        self.timer.start()

    def write_now(self) -> Path | None:
        session = self._session()
        mark = (id(session), session.revision)
        if mark == self._written:
            return None
        self._written = mark
        try:
            return recovery.write_recovery(session)
        except InputError:
            return None  # the data folder cannot be written: autosave is a safety net, the edits stay in memory

    def stop(self) -> None:
        self.timer.stop()


def ask_restore(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def offer_recovery(parent: QWidget | None, session: EditingSession, ask: Asker = ask_restore) -> Edit | None:
    """Offer the unsaved edits a crashed session left for this folder; the restored edit, or None.

    Declined, the recovery file is removed (the campaign's files are as they were saved).
    """
    found = recovery.read_recovery(session.folder)
    if found is None or found.count == 0:
        return None
    question = QCoreApplication.translate(
        "FileActions", "Campaign Studio closed without saving %n edited text(s). Restore them?", None, found.count)
    if not ask(parent, QCoreApplication.translate("FileActions", "Recover unsaved edits"), question):
        recovery.clear_recovery(session.folder)
        return None
    return session.restore(found.sources, found.entries)
