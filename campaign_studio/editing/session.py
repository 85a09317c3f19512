"""An editing session over one opened campaign: its editable texts and translations in memory.

    session = EditingSession(folder)            # None: the built-in campaign (saved only with save_as)
    session.edit("messages.respect-boundaries.headline", "ar", "...")   # -> Edit (applied)
    session.text(key, "ar"), session.source(key), session.state(key, "ar")  # State.CURRENT/DRAFT/OUTDATED/MISSING
    session.campaign                            # a Campaign the pipeline renders, unsaved edits included
    session.is_modified, session.save(), session.save_as(target)

Editing the source text (Dutch) leaves the translations' entries as they are: their msgid is
the source they were made from, so content.translations.Catalog.state finds them outdated,
in the session and after saving. Typing a translation stores it against the current source
(no longer outdated), keeping its draft flag; a new translation is a draft until reviewed.

The campaign is rebuilt only after an edit, from the texts held here (no file is read per
keystroke); one edit replaces one Text and copies one language's entries.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from campaign_studio import pipeline
from campaign_studio.content.campaign_loader import texts
from campaign_studio.content.translations import Catalog, Entry, State, available_languages, load_catalog
from campaign_studio.editing.edits import Change, Edit, Stored
from campaign_studio.model.campaign import Campaign, Text
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location

# collection -> (fields a user may edit, how a label names one item)
EDITABLE = {
    "messages": (("headline", "body", "call_to_action"), "message"),
    "statements": (("text",), "statement"),
    "help_contacts": (("description",), "help contact"),
}
_FIELD_NAMES = {"call_to_action": "call to action"}


def split_key(key: str) -> tuple[str, str, str]:
    """(collection, item id, field) of a key such as "messages.respect-boundaries.headline"."""
    collection, rest = key.split(".", 1)
    item, field = rest.rsplit(".", 1)
    return collection, item, field


def is_editable(key: str) -> bool:
    collection, _, field = split_key(key) if key.count(".") >= 2 else ("", "", "")
    return collection in EDITABLE and field in EDITABLE[collection][0]


class EditingSession:
    """The campaign of a folder (None: the built-in one) with its edits in memory."""

    def __init__(self, folder: Path | None) -> None:
        self._load(folder)

    def _load(self, folder: Path | None) -> None:
        loaded = pipeline.open_campaign(folder)
        if loaded.campaign is None:
            raise InputError(loaded.diagnostics.errors[0])  # the first; `campaign-studio check` lists them all
        self.folder = folder
        self.file = loaded.file
        self.diagnostics: Diagnostics = loaded.diagnostics
        base = loaded.campaign
        self._base = base
        self._texts: dict[str, Text] = {t.id: t for t in texts(base) if is_editable(t.id)}
        self.saved_sources: dict[str, str] = {k: t.source for k, t in self._texts.items()}
        self._sources = dict(self.saved_sources)
        self.catalog_paths: dict[str, Path] = {}
        self.saved_entries: dict[str, dict[str, Entry]] = {}
        for language in available_languages(base.translations_folder):
            path = base.translations_folder / f"{language}.po"
            self.catalog_paths[language] = path
            self.saved_entries[language] = dict(load_catalog(path).entries)
        self._entries = {lang: dict(entries) for lang, entries in self.saved_entries.items()}
        self._catalogs: dict[str, Catalog] = {}
        self._campaign: Campaign | None = None
        self.revision = 0  # grows with every change, for callers that cache on it

    # --- what is there -------------------------------------------------------------------------

    @property
    def source_language(self) -> str:
        return self._base.source_language

    @property
    def languages(self) -> list[str]:
        """The source language first, then every language with a PO file."""
        return [self.source_language, *self.catalog_paths]

    @property
    def is_builtin(self) -> bool:
        """The built-in campaign: it is never overwritten, only saved as a new folder."""
        return self.folder is None

    def keys(self) -> list[str]:
        """Every editable text's key, in document order."""
        return list(self._texts)

    def label_of(self, key: str) -> str:
        """How a user reads a key: "headline of message respect-boundaries"."""
        collection, item, field = split_key(key)
        return f"{_FIELD_NAMES.get(field, field)} of {EDITABLE[collection][1]} {item}"

    def _check(self, key: str, language: str) -> None:
        if key not in self._texts:
            raise KeyError(f"{key!r} is not an editable text (editable: messages, statements, help descriptions)")
        if language != self.source_language and language not in self._entries:
            raise KeyError(f"no translations for language {language!r} (languages: {', '.join(self.languages)})")

    def source(self, key: str) -> str:
        """The key's text in the source language (Dutch), as edited."""
        self._check(key, self.source_language)
        return self._sources[key]

    def text(self, key: str, language: str) -> str:
        """The key's text in a language: the source, or the stored translation ("" when there is none)."""
        self._check(key, language)
        if language == self.source_language:
            return self._sources[key]
        entry = self._entries[language].get(key)
        return entry.translation if entry else ""

    def state(self, key: str, language: str) -> State:
        """translated / draft / outdated / missing, as layout and the checks judge it (the source is CURRENT)."""
        self._check(key, language)
        if language == self.source_language:
            return State.CURRENT
        return self._catalog(language).state(self._current_text(key))

    def _current_text(self, key: str) -> Text:
        text = self._texts[key]
        return text if text.source == self._sources[key] else dataclasses.replace(text, source=self._sources[key])

    # --- edits -------------------------------------------------------------------------------

    def edit(self, key: str, language: str, value: str) -> Edit:
        """Set a text (the source, or a translation) and return the applied, reversible edit."""
        change = self.make_edit(key, language, value)
        change.apply()
        return change

    def make_edit(self, key: str, language: str, value: str) -> Edit:
        """The edit that would set a text, not applied yet (a QUndoCommand applies it in redo())."""
        self._check(key, language)
        before = self.stored(key, language)
        after: Stored
        if language == self.source_language:
            after = value
        else:
            old = self._entries[language].get(key)
            text = self._current_text(key)
            # stored against the source it was typed for, so it is current; a new one is a draft until reviewed
            after = Entry(text.source, value, False, old.draft if old else True, old.line if old else 0, None,
                          text.note or "")
        label = f"Edit {self.label_of(key)} ({language})"
        return Edit(self, label, (Change(key, language, before, after),), value)

    def stored(self, key: str, language: str) -> Stored:
        return self._sources[key] if language == self.source_language else self._entries[language].get(key)

    def put(self, key: str, language: str, value: Stored) -> None:
        """Store a text's state (what Edit.apply/revert call)."""
        if language == self.source_language:
            assert isinstance(value, str)
            self._sources[key] = value
            self._catalogs.clear()  # every language's state of this key may change
        else:
            entries = self._entries[language]
            if value is None:
                entries.pop(key, None)
            else:
                assert isinstance(value, Entry)
                entries[key] = value
            self._catalogs.pop(language, None)
        self._campaign = None
        self.revision += 1

    def changes(self) -> tuple[dict[str, str], dict[str, dict[str, Entry | None]]]:
        """What differs from the saved files: (source texts by key, entries by language and key)."""
        sources = {k: v for k, v in self._sources.items() if v != self.saved_sources[k]}
        entries: dict[str, dict[str, Entry | None]] = {}
        for language, now in self._entries.items():
            saved = self.saved_entries[language]
            differ = {k: now.get(k) for k in set(now) | set(saved) if now.get(k) != saved.get(k)}
            if differ:
                entries[language] = differ
        return sources, entries

    @property
    def is_modified(self) -> bool:
        sources, entries = self.changes()
        return bool(sources or entries)

    def restore(self, sources: dict[str, str], entries: dict[str, dict[str, Entry | None]],
                label: str = "Restore unsaved edits") -> Edit:
        """Apply texts and entries found in a recovery file as one edit; unknown keys and languages are skipped."""
        changes = [Change(k, self.source_language, self._sources[k], v) for k, v in sources.items() if k in self._texts]
        for language, by_key in entries.items():
            if language in self._entries:
                changes += [Change(k, language, self._entries[language].get(k), v) for k, v in by_key.items()
                            if k in self._texts]
        restored = Edit(self, label, tuple(changes))
        restored.apply()
        return restored

    # --- the campaign the pipeline renders ---------------------------------------------------

    def _catalog(self, language: str) -> Catalog:
        if language not in self._catalogs:
            self._catalogs[language] = Catalog(language, self.catalog_paths[language], dict(self._entries[language]))
        return self._catalogs[language]

    @property
    def campaign(self) -> Campaign:
        """The campaign with every edit, its translations held in memory (Campaign.catalogs)."""
        if self._campaign is None:
            self._campaign = self._build()
        return self._campaign

    def _build(self) -> Campaign:
        base = self._base

        def text(t: Text) -> Text:
            return self._current_text(t.id) if t.id in self._texts else t

        messages = tuple(dataclasses.replace(m, headline=text(m.headline), body=text(m.body),
                                             call_to_action=text(m.call_to_action)) for m in base.messages)
        statements = tuple(dataclasses.replace(s, text=text(s.text)) for s in base.statements)
        contacts = tuple(dataclasses.replace(h, description=text(h.description)) for h in base.help_contacts)
        catalogs = {language: self._catalog(language) for language in self._entries}
        return dataclasses.replace(base, messages=messages, statements=statements, help_contacts=contacts,
                                   catalogs=catalogs)

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> list[Path]:
        """Write the edits into the campaign's folder; the files written. The built-in campaign is refused."""
        from campaign_studio.editing import recovery, saving

        if self.folder is None:
            raise InputError(Diagnostic("error", "the built-in campaign cannot be changed",
                                        Location(self.file), hint="use Save as to save an editable copy in a new folder"))
        written = saving.save_session(self, self.folder)
        self._rebase()
        recovery.clear_recovery(self.folder)
        return written

    def save_as(self, target: Path) -> list[Path]:
        """Copy the campaign into a new (or empty) folder with the edits, and go on editing there."""
        from campaign_studio.editing import recovery, saving

        old_folder = self.folder
        saving.copy_campaign(self.folder, target)
        written = saving.save_session(self, target)
        sources, entries = self._sources, self._entries
        self._load(target.resolve())
        self._sources, self._entries = sources, entries  # the same texts, now also on disk
        self.saved_sources = dict(sources)
        self.saved_entries = {lang: dict(e) for lang, e in entries.items()}
        recovery.clear_recovery(old_folder)
        return written

    def discard(self) -> None:
        """Forget every unsaved edit (and the recovery file)."""
        from campaign_studio.editing import recovery

        recovery.clear_recovery(self.folder)
        self._sources = dict(self.saved_sources)
        self._entries = {lang: dict(e) for lang, e in self.saved_entries.items()}
        self._catalogs.clear()
        self._campaign = None
        self.revision += 1

    def _rebase(self) -> None:
        self.saved_sources = dict(self._sources)
        self.saved_entries = {lang: dict(e) for lang, e in self._entries.items()}

