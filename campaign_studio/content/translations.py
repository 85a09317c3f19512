"""Translations of campaign content, one gettext PO file per language.

Each entry's message context is the text id and its msgid the source text the
translator saw. If the source text has changed since, the translation is
outdated; a `fuzzy` entry is outdated too; a `draft` flag marks a translation no
native speaker has reviewed yet (used, but reported). A text whose placeholder
stands for something that can change (a figure phrase: "{value} is the figure
22%") keeps that note as the entry's `#.` comment: a translation written for
another figure ("%22'si" is wrong for 26) is outdated as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache
from pathlib import Path

import polib

from campaign_studio.content.yamlsource import read_text
from campaign_studio.model.campaign import Campaign, Text
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

MAX_PO_BYTES = 5 * 1024 * 1024


class State(Enum):
    CURRENT = "translated"
    DRAFT = "draft"
    OUTDATED = "outdated"
    MISSING = "missing"


@dataclass(frozen=True)
class Entry:
    source: str
    translation: str
    fuzzy: bool
    draft: bool
    line: int
    previous_source: str | None = None  # `#| msgid`: the source text an outdated translation was made from
    note: str = ""  # `#.`: what the text's placeholder stood for when it was translated
    file: Path | None = None  # the PO file it is in, when a catalog is merged from several (an edition's)


@dataclass(frozen=True)
class Catalog:
    language: str
    path: Path
    entries: dict[str, Entry]  # by text id (msgctxt)

    def state(self, text: Text) -> State:
        entry = self.entries.get(text.id)
        if entry is None or not entry.translation:
            return State.MISSING
        if entry.fuzzy or entry.source != text.source or not self.same_note(text):
            return State.OUTDATED
        return State.DRAFT if entry.draft else State.CURRENT

    def same_note(self, text: Text) -> bool:
        """Was the entry translated for what the text's placeholder stands for now (its figure)?"""
        entry = self.entries.get(text.id)
        return text.note is None or entry is None or entry.note == text.note

    def lookup(self, text: Text) -> tuple[str | None, State]:
        """The usable translation and its state; None when missing or outdated."""
        state = self.state(text)
        if state in (State.MISSING, State.OUTDATED):
            return None, state
        return self.entries[text.id].translation, state


def parse_po(content: str, path: Path) -> polib.POFile:
    """Parse PO text; a syntax error is an InputError at the line polib names."""
    try:
        return polib.pofile(content, wrapwidth=0)
    except (OSError, ValueError) as exc:
        # polib says "Syntax error in po file (line 4): detail"; point at that line instead
        found = re.search(r"\(line (\d+)\)", str(exc))
        line = int(found.group(1)) if found else 1
        detail = str(exc).split("):", 1)[1].strip() if "):" in str(exc) else ""
        message = "not a valid PO file: syntax error" + (f" ({detail})" if detail else "") if found else \
            f"not a valid PO file: {exc}"
        raise InputError(
            Diagnostic("error", message, Location(path, line, 1),
                       hint="check the quotes and msgctxt/msgid/msgstr lines here, e.g. with Poedit or 'msgfmt -c'")
        ) from None


def load_catalog(path: Path) -> Catalog:
    return catalog_of(read_catalog_text(path), path)


def read_catalog_text(path: Path) -> str:
    return read_text(path, "translation file", MAX_PO_BYTES)


@lru_cache(maxsize=32)
def catalog_of(content: str, path: Path) -> Catalog:
    """The catalog in a PO file's text, parsed once per text (layout reads its language's catalog
    for every design). Callers share the result: it is never changed."""
    po = parse_po(content, path)
    language = po.metadata.get("Language", "").strip() or path.stem
    entries: dict[str, Entry] = {}
    for e in po:
        if e.obsolete or not e.msgctxt:
            continue
        entries[e.msgctxt] = Entry(e.msgid, e.msgstr, "fuzzy" in e.flags, "draft" in e.flags, e.linenum or 1,
                                   e.previous_msgid, e.comment or "")
    return Catalog(language, path, entries)


def available_languages(folder: Path) -> list[str]:
    """Languages with a PO file in a translations folder, sorted."""
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.po"))


def translation_languages(campaign: Campaign) -> list[str]:
    """Languages with a PO file in any of the campaign's translation folders (an edition's and its campaign's)."""
    return sorted({code for folder in campaign.translation_folders for code in available_languages(folder)})


def catalog_files(campaign: Campaign, language: str) -> list[Path]:
    """The PO files of a language that exist (or are links, named when read), the one looked up first last."""
    found = []
    for folder in campaign.translation_folders:
        path = folder / f"{language}.po"
        if path.exists() or path.is_symlink():
            found.append(path)
    return found


def campaign_catalog(campaign: Campaign, language: str) -> Catalog | None:
    """A language's translations for a campaign, or None without a PO file.

    For an edition, its own PO file's entries stand over its campaign's: a local contact's
    name, or a text the edition replaced, is translated there; everything else comes from the
    campaign's file. Each entry knows its file, so a message names the right one.
    """
    paths = catalog_files(campaign, language)
    if not paths:
        return None
    if len(paths) == 1:
        return load_catalog(paths[0])
    entries: dict[str, Entry] = {}
    for path in paths:
        catalog = load_catalog(path)
        entries.update({k: replace(e, file=path) for k, e in catalog.entries.items()})
    return Catalog(language, paths[-1], entries)
