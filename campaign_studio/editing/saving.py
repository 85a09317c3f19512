"""Writing a session's edits: campaign.yaml with the user's comments and key order, and the PO files.

campaign.yaml is read again in ruamel.yaml's round-trip mode and only the edited values are
set, so comments, key order, quoting and the other values stay as the user wrote them (the
indentation is taken from the file). Each PO file with edits is read again and only the
edited entries change (polib, as `translations import` writes them). Every file is written
atomically, under the campaign folder's lock, so another writer or a crash never leaves half
a file.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polib
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import ScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from campaign_studio import pipeline
from campaign_studio.content.campaign_loader import texts
from campaign_studio.content.folder_lock import campaign_lock
from campaign_studio.content.translation_io import _insert_in_order, po_header
from campaign_studio.content.translations import Entry, parse_po, read_catalog_text
from campaign_studio.content.yamlsource import read_text
from campaign_studio.editing.session import split_key
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

if TYPE_CHECKING:
    from campaign_studio.editing.session import EditingSession


def copy_campaign(folder: Path | None, target: Path) -> list[Path]:
    """Save as: the campaign folder (None: the built-in one) copied into a new or empty folder."""
    return pipeline.copy_campaign(folder, target)


def save_session(session: EditingSession, folder: Path) -> list[Path]:
    """Write the session's unsaved edits into the campaign in `folder`; the files written."""
    sources, entries = session.changes()
    written: list[Path] = []
    with campaign_lock(folder, "save the campaign"):
        if sources:
            path = folder / session.file.name
            pipeline.write_atomically(path, updated_yaml(read_text(path, session.file.name), sources, path).encode())
            written.append(path)
        order = {t.id: i for i, t in enumerate(texts(session.campaign))}
        for language, changed in sorted(entries.items()):
            path = folder / "translations" / f"{language}.po"
            pipeline.write_atomically(path, updated_po(path, session, language, changed, order).encode())
            written.append(path)
    return written


def updated_yaml(content: str, sources: dict[str, str], path: Path) -> str:
    """campaign.yaml's text with the source texts of `sources` (by key) replaced, everything else kept."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never re-wrap a line the user wrote
    try:
        _, seq_indent, dash_offset = load_yaml_guess_indent(content)
        yaml.indent(mapping=_mapping_indent(content), sequence=seq_indent or 2, offset=dash_offset or 0)
        data = yaml.load(content)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(Diagnostic("error", f"cannot save: {path.name} no longer reads as YAML ({exc})",
                                    Location(path, mark.line + 1 if mark else 1, 1),
                                    hint="fix the file in a text editor, or use Save as")) from None
    for key, value in sources.items():
        collection, item_id, field = split_key(key)
        item = next((i for i in data.get(collection) or [] if isinstance(i, dict) and i.get("id") == item_id), None)
        if item is None or field not in item:
            raise InputError(Diagnostic("error", f"cannot save: {path.name} has no {collection} item {item_id!r} "
                                        f"with {field} any more (was it changed outside the app?)", Location(path),
                                        hint="use Save as to save the edits in a new folder"))
        item[field] = _like(item[field], value)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _mapping_indent(content: str) -> int:
    """How far the file indents a mapping inside a mapping (the first one found; 2 when none)."""
    lines = content.splitlines()
    for line, following in itertools.pairwise(lines):
        if line and not line[0].isspace() and line.rstrip().endswith(":") and following.strip() \
                and not following.lstrip().startswith(("-", "#")):
            return len(following) - len(following.lstrip(" "))
    return 2


def _like(old: Any, value: str) -> Any:
    """The new value in the old one's style (a folded `>` or literal `|` block stays one)."""
    if isinstance(old, ScalarString):
        return type(old)(value)
    return value


def updated_po(path: Path, session: EditingSession, language: str, changed: dict[str, Entry | None],
               order: dict[str, int]) -> str:
    """The language's PO file with the changed entries written as the session holds them."""
    if path.exists():
        po = parse_po(read_catalog_text(path), path)
    else:
        po = polib.POFile(wrapwidth=0)
        po.metadata = po_header(session.campaign, language)
    stored = {e.msgctxt: e for e in po if e.msgctxt and not e.obsolete}
    for key, entry in sorted(changed.items(), key=lambda kv: order.get(kv[0], len(order))):
        old = stored.get(key)
        if entry is None:
            if old is not None:
                old.msgstr = ""  # no translation: the entry stays for the translator's tool
            continue
        flags = [f for f, on in (("fuzzy", entry.fuzzy), ("draft", entry.draft)) if on]
        if old is None:
            _insert_in_order(po, polib.POEntry(msgctxt=key, msgid=entry.source, msgstr=entry.translation, flags=flags,
                                               previous_msgid=entry.previous_source, comment=entry.note), order)
            continue
        old.msgid, old.msgstr, old.previous_msgid, old.comment = (entry.source, entry.translation, entry.previous_source,
                                                                  entry.note)
        old.flags = [f for f in old.flags if f not in ("fuzzy", "draft")] + flags
    return str(po)
