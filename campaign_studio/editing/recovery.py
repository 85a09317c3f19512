"""Unsaved edits kept in a recovery file, so a crash loses at most the last autosave interval.

    write_recovery(session)        # the GUI's autosave timer calls it; nothing to recover: the file goes
    found = read_recovery(folder)  # on the next open: Recovery | None
    session.restore(found.sources, found.entries)
    clear_recovery(folder)         # after save or discard (EditingSession does it)

The file lives in the user's data folder (XDG_DATA_HOME or ~/.local/share, %LOCALAPPDATA%,
~/Library/Application Support; CAMPAIGN_STUDIO_DATA_DIR overrides it), named by a hash of
the campaign folder's path ("built-in" for the built-in campaign). It holds only what differs
from the saved files: the edited source texts and translation entries, as JSON.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_studio import pipeline
from campaign_studio.content.translations import Entry

if TYPE_CHECKING:
    from campaign_studio.editing.session import EditingSession

FORMAT = 1


def data_dir() -> Path:
    """The user's data folder for Campaign Studio."""
    if override := os.environ.get("CAMPAIGN_STUDIO_DATA_DIR"):
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "campaign-studio"


def recovery_path(folder: Path | None) -> Path:
    name = "built-in" if folder is None else str(Path(os.path.realpath(folder)))
    return data_dir() / "recovery" / f"{hashlib.sha256(name.encode()).hexdigest()[:20]}.json"


@dataclass(frozen=True)
class Recovery:
    folder: str  # the campaign folder it belongs to ("" for the built-in campaign)
    sources: dict[str, str]
    entries: dict[str, dict[str, Entry | None]]
    path: Path

    @property
    def count(self) -> int:
        """How many texts it changes."""
        return len(self.sources) + sum(len(e) for e in self.entries.values())


def write_recovery(session: EditingSession) -> Path | None:
    """Write the session's unsaved edits; with none, remove the file. The file written, or None."""
    sources, entries = session.changes()
    path = recovery_path(session.folder)
    if not sources and not entries:
        clear_recovery(session.folder)
        return None
    record = {
        "format": FORMAT,
        "folder": "" if session.folder is None else str(session.folder),
        "sources": sources,
        "entries": {lang: {k: None if e is None else dataclasses.asdict(e) for k, e in by_key.items()}
                    for lang, by_key in entries.items()},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    pipeline.write_atomically(path, json.dumps(record, ensure_ascii=False, indent=1).encode())
    return path


def read_recovery(folder: Path | None) -> Recovery | None:
    """The unsaved edits left for a folder by a session that ended without saving, or None.

    A file this version cannot read (damaged, another format) counts as none: it is ours,
    not the user's, and the campaign's own files are untouched either way.
    """
    path = recovery_path(folder)
    try:
        record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if record.get("format") != FORMAT:
            return None
        entries = {lang: {k: None if e is None else Entry(**e) for k, e in by_key.items()}
                   for lang, by_key in record["entries"].items()}
        return Recovery(record["folder"], dict(record["sources"]), entries, path)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def clear_recovery(folder: Path | None) -> None:
    recovery_path(folder).unlink(missing_ok=True)
