"""Reversible edits of an editing session: small objects with apply(), revert() and a label.

An edit records, for each text it changes, the stored state before and after: the source
text (a str) for the source language, the catalog entry (a translations.Entry, or None for
no entry) for a translation. Applying and reverting only put one of those back, so undo
restores exactly what was there, an outdated or draft entry included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from campaign_studio.content.translations import Entry

Stored = str | Entry | None  # a source text, or a translation's catalog entry (None: none)


class Store(Protocol):
    """What an edit changes: the session's texts and catalogs."""

    def put(self, key: str, language: str, value: Stored) -> None: ...


@dataclass(frozen=True)
class Change:
    key: str
    language: str
    before: Stored
    after: Stored


@dataclass(frozen=True)
class Edit:
    """One user action; `label` names it for the Edit menu ("Edit headline of message X (ar)")."""

    store: Store
    label: str
    changes: tuple[Change, ...]
    typed: str | None = None  # the text the user typed, for a single-text edit

    def apply(self) -> None:
        for change in self.changes:
            self.store.put(change.key, change.language, change.after)

    def revert(self) -> None:
        for change in reversed(self.changes):
            self.store.put(change.key, change.language, change.before)

    @property
    def field(self) -> tuple[str, str] | None:
        """(key, language) of a single-text edit, None for an edit of several texts."""
        if len(self.changes) != 1:
            return None
        return self.changes[0].key, self.changes[0].language

    def merged(self, later: Edit) -> Edit | None:
        """This edit followed by `later` as one edit (consecutive keystrokes in one field), or None."""
        if self.field is None or self.field != later.field or later.store is not self.store:
            return None
        first, last = self.changes[0], later.changes[0]
        return Edit(self.store, self.label, (Change(first.key, first.language, first.before, last.after),), later.typed)

    @property
    def is_empty(self) -> bool:
        """Does it change nothing (typing brought the text back to what it was)?"""
        return all(c.before == c.after for c in self.changes)
