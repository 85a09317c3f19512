"""The content panel: editors for the texts the current design shows, with undo.

    panel = ContentPanel(session, undo_stack)          # an editing.session.EditingSession, a QUndoStack
    panel.set_design("action-line", "message", "respect-boundaries", "ar")
    panel.focus_slot("headline")                       # a page tree slot id ("help-details" works too)
    panel.edited.connect(schedule_preview)             # after every change of the session's texts
    panel.set_session(other_session)                   # after File > Open

One editor per editable text of the design's slots (editing.slots.slot_keys), in the
template's order. In a language other than the source (Dutch), each editor has the Dutch
source beside it, read-only, and a badge with the translation's state (translated, draft,
outdated, missing). Typing pushes an undo.EditCommand (keystrokes in one field merge); undo
and redo change the session, and the panel shows the session's texts again. Every control has
an accessible name and description.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from campaign_studio.content.design_loader import load_templates
from campaign_studio.content.languages import language_info
from campaign_studio.content.translations import State
from campaign_studio.editing.session import EditingSession
from campaign_studio.editing.slots import slot_keys, slot_name
from campaign_studio.gui.undo import EditCommand

EDITOR_LINES = 3  # an editor's height in lines: headlines and bodies are a sentence or three


class TextEditor(QPlainTextEdit):
    """One text's editor; knows its key and slot."""

    def __init__(self, key: str, slot: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.slot = slot
        self.setTabChangesFocus(True)  # Tab moves on to the next control, as in a form
        self.setFixedHeight(self.fontMetrics().lineSpacing() * EDITOR_LINES + 12)


class ContentPanel(QWidget):
    edited = Signal()  # the session's texts changed (typing, undo, redo)

    def __init__(self, session: EditingSession, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = undo_stack
        self.template_id: str | None = None
        self.subject: tuple[str | None, str | None] = (None, None)
        self.language = session.source_language
        self.editors: dict[str, TextEditor] = {}
        self.sources: dict[str, QPlainTextEdit] = {}
        self.badges: dict[str, QLabel] = {}
        self._slots: dict[str, str] = {}  # slot name -> first key it shows
        self._updating = False
        self.setAccessibleName(self.tr("Content"))
        self.setAccessibleDescription(self.tr("The texts of the current design, to edit"))
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setAccessibleName(self.tr("Texts of the design"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)
        self._build()
        undo_stack.indexChanged.connect(self._after_undo_redo)

    # --- API -----------------------------------------------------------------------------------

    def set_session(self, session: EditingSession) -> None:
        self.session = session
        if self.language not in session.languages:
            self.language = session.source_language
        self._build()

    def set_design(self, template_id: str, subject_kind: str | None, subject_id: str | None, language: str) -> None:
        """Show the editors of this design's texts in this language."""
        self.template_id, self.subject, self.language = template_id, (subject_kind, subject_id), language
        self._build()

    def focus_slot(self, slot_id: str) -> bool:
        """Put the cursor in the editor of the text in this slot (a page tree slot id); False if none shows it."""
        if self.template_id is None:
            return False
        name = slot_name(load_templates()[self.template_id], slot_id)
        key = self._slots.get(name or "")
        editor = self.editors.get(key or "")
        if editor is None:
            return False
        self._scroll.ensureWidgetVisible(editor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.moveCursor(QTextCursor.MoveOperation.End)
        return True

    def editor(self, key: str) -> TextEditor | None:
        return self.editors.get(key)

    def refresh(self) -> None:
        """Show the session's texts and states again (after undo, redo or a restore)."""
        self._updating = True
        try:
            for key, editor in self.editors.items():
                value = self.session.text(key, self.language)
                if editor.toPlainText() != value:
                    editor.setPlainText(value)
                    editor.moveCursor(QTextCursor.MoveOperation.End)
                if key in self.sources and self.sources[key].toPlainText() != self.session.source(key):
                    self.sources[key].setPlainText(self.session.source(key))
                self._show_state(key)
        finally:
            self._updating = False

    # --- building -------------------------------------------------------------------------------

    def _keys(self) -> list[tuple[str, str]]:
        if self.template_id is None:
            return []
        template = load_templates().get(self.template_id)
        if template is None:
            return []
        kind, subject_id = self.subject
        editable = set(self.session.keys())
        return [(slot, key) for slot, key in slot_keys(self.session.campaign, template, kind, subject_id)
                if key in editable]

    def _build(self) -> None:
        body = QWidget()
        grid = QGridLayout(body)
        self.editors, self.sources, self.badges, self._slots = {}, {}, {}, {}
        translating = self.language != self.session.source_language
        info = language_info(self.language)
        source_name = language_info(self.session.source_language).name
        pairs = self._keys()
        if not pairs:
            empty = QLabel(self.tr("This design shows no editable text."))
            empty.setAccessibleName(self.tr("No editable text"))
            grid.addWidget(empty, 0, 0)
        row = 0
        for slot, key in pairs:
            self._slots.setdefault(slot, key)
            if key in self.editors:
                continue  # shown by several slots: one editor
            what = self.session.label_of(key)
            title = QLabel(what[:1].upper() + what[1:])
            title.setWordWrap(True)  # long help-contact ids must not widen the panel
            title.setAccessibleName(self.tr("Label: %s") % what)
            grid.addWidget(title, row, 0, 1, 3)
            row += 1
            editor = TextEditor(key, slot)
            editor.setAccessibleName(self.tr("%s, %s") % (what, info.name))
            editor.setAccessibleDescription(self.tr("Edit the %s text; changes show in the preview") % info.name)
            direction = Qt.LayoutDirection.RightToLeft if info.direction == "rtl" else Qt.LayoutDirection.LeftToRight
            editor.setLayoutDirection(direction)
            option = editor.document().defaultTextOption()
            option.setTextDirection(direction)  # paragraphs start at the right in Arabic, Farsi
            editor.document().setDefaultTextOption(option)
            editor.setPlainText(self.session.text(key, self.language))
            editor.textChanged.connect(lambda e=editor: self._typed(e))
            title.setBuddy(editor)
            self.editors[key] = editor
            grid.addWidget(editor, row, 0)
            if translating:
                source = QPlainTextEdit(self.session.source(key))
                source.setReadOnly(True)
                source.setTabChangesFocus(True)
                source.setFixedHeight(editor.height())
                source.setAccessibleName(self.tr("%s, %s source (read-only)") % (what, source_name))
                source.setAccessibleDescription(self.tr("The source text the translation is made from"))
                self.sources[key] = source
                grid.addWidget(source, row, 1)
                badge = QLabel()
                self.badges[key] = badge
                grid.addWidget(badge, row, 2)
                self._show_state(key)
            row += 1
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1 if translating else 0)
        self._scroll.setWidget(body)

    def _state_word(self, state: State) -> str:
        return {State.CURRENT: self.tr("translated"), State.DRAFT: self.tr("draft"),
                State.OUTDATED: self.tr("outdated"), State.MISSING: self.tr("missing")}[state]

    def _show_state(self, key: str) -> None:
        badge = self.badges.get(key)
        if badge is None:
            return
        word = self._state_word(self.session.state(key, self.language))
        badge.setText(word)
        badge.setAccessibleName(self.tr("Translation state: %s") % word)

    # --- editing --------------------------------------------------------------------------------

    def _typed(self, editor: TextEditor) -> None:
        if self._updating:
            return
        value = editor.toPlainText()
        if value == self.session.text(editor.key, self.language):
            return
        self.undo_stack.push(EditCommand(self.session.make_edit(editor.key, self.language, value)))

    def _after_undo_redo(self, _index: int) -> None:
        self.refresh()
        self.edited.emit()
