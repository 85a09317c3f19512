"""Qt undo commands over the editing session's reversible edits (campaign_studio.editing.edits).

    stack.push(EditCommand(session.make_edit(key, language, text)))   # redo() applies it
    stack.push(EditCommand(session.restore(...), applied=True))       # an edit already applied

The command is thin: redo() is Edit.apply(), undo() is Edit.revert(), its text is the edit's
label ("Edit headline of message X (ar)"), so the Edit menu's "Undo ..." names it. Consecutive
keystrokes in one field (same key and language) merge into one command through id() and
mergeWith(); typing a text back to what it was makes the command obsolete (it drops off).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from campaign_studio.editing.edits import Edit

TEXT_EDIT_ID = 0x7E57  # every single-text edit; mergeWith decides whether it is the same field


class EditCommand(QUndoCommand):
    def __init__(self, edit: Edit, *, applied: bool = False) -> None:
        super().__init__(edit.label)
        self.edit = edit
        self._applied = applied  # QUndoStack.push calls redo(): skip it once for an edit already applied

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.edit.apply()

    def undo(self) -> None:
        self.edit.revert()

    def id(self) -> int:
        return TEXT_EDIT_ID if self.edit.field is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand):
            return False
        merged = self.edit.merged(other.edit)
        if merged is None:
            return False
        self.edit = merged
        self.setObsolete(merged.is_empty)
        return True
