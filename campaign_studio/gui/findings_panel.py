"""The findings panel: the accessibility and layout diagnostics of the design shown, one row each.

Each row has the level's icon, the message and the fix in words; a file is named relative
to the campaign folder (a built-in file relative to the project), never by an absolute path.
Choosing a row emits `slot_chosen(slot)` when the finding is about one element (a check's
finding carries the slot as key path "slots.<slot>"); the window highlights that element.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from campaign_studio.model.diagnostics import Diagnostic, Location
from campaign_studio.resources import project_root

SLOT_ROLE = Qt.ItemDataRole.UserRole


def shown_path(path: Path, campaign_folder: Path | None) -> str:
    """A file as the user should read it: relative to the campaign folder, else to the project; else its name."""
    resolved = Path(path).resolve()
    for root in (campaign_folder, project_root()):
        if root is not None:
            try:
                return resolved.relative_to(Path(root).resolve()).as_posix() or "."
            except ValueError:
                continue
    return resolved.name


def shown_location(location: Location | None, campaign_folder: Path | None) -> str:
    if location is None:
        return ""
    where = shown_path(location.file, campaign_folder)
    return f"{where}:{location.line}" if location.line else where


def finding_slot(diagnostic: Diagnostic) -> str:
    """The slot a finding is about ("" when it is about the design as a whole or a file)."""
    prefix = "slots."
    return diagnostic.key_path[len(prefix):] if diagnostic.key_path.startswith(prefix) else ""


class FindingsPanel(QTreeWidget):
    slot_chosen = Signal(str)  # "" when the chosen finding has no element

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.retranslate()
        self.currentItemChanged.connect(self._chosen)

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Finding"), self.tr("How to fix it")])
        self.setAccessibleName(self.tr("Findings"))
        self.setAccessibleDescription(self.tr("Accessibility and layout findings of the design shown; "
                                              "choose one to highlight its element in the preview"))

    def show_findings(self, diagnostics: list[Diagnostic], campaign_folder: Path | None) -> None:
        self.clear()
        style = self.style()
        icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        for d in diagnostics:
            where = shown_location(d.location, campaign_folder)
            what = f"{d.code} {d.message}" if d.code else d.message
            if d.key_path:
                what = f"{d.key_path}: {what}"
            level = self.tr("Error") if d.is_error else self.tr("Warning")
            item = QTreeWidgetItem([f"{what}" + (f" ({where})" if where else ""), d.hint])
            item.setIcon(0, icons[d.severity])
            item.setToolTip(0, f"{level}: {what}")
            item.setToolTip(1, d.hint)
            item.setData(0, SLOT_ROLE, finding_slot(d))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{level}: {what}")
            self.addTopLevelItem(item)
        self.resizeColumnToContents(0)

    def texts(self) -> list[str]:
        """Every row's message and fix, for a test or a copy."""
        return [f"{self.topLevelItem(i).text(0)} — {self.topLevelItem(i).text(1)}" for i in range(self.topLevelItemCount())]

    def _chosen(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self.slot_chosen.emit(current.data(0, SLOT_ROLE) if current is not None else "")
