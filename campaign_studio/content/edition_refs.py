"""What an edition depends on: the `campaign:` and `brand:` keys of its edition.yaml, and rewriting them.

The edition loader (content.edition_loader) owns the rest of the schema; a pack needs only
these two keys to know what to carry along. Each is a built-in id (`national`,
`gemeente-voorbeeld`) or a path relative to the edition folder; a path that exists wins
over an id of the same name, as for `--brand`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from campaign_studio.content.design_loader import brand_ids
from campaign_studio.content.yamlsource import YMap, YScalar, parse_yaml, read_text
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location
from campaign_studio.resources import builtin_campaign_dir

EDITION_FILE = "edition.yaml"
#: key -> the file that marks its folder
MARKERS = {"campaign": "campaign.yaml", "brand": "brand.yaml"}


@dataclass(frozen=True)
class Dependency:
    key: str  # campaign | brand
    written: str  # the value as edition.yaml has it
    loc: Location  # where the value is written
    folder: Path | None  # the folder it names; None for a built-in id

    @property
    def builtin(self) -> bool:
        return self.folder is None


def _builtin_ids(key: str) -> list[str]:
    return [builtin_campaign_dir().name] if key == "campaign" else brand_ids()


def _resolve(edition_dir: Path, key: str, written: str, loc: Location) -> Path | None:
    marker = MARKERS[key]
    candidate = edition_dir / written
    if candidate.exists():
        folder = candidate.parent if candidate.is_file() and candidate.name == marker else candidate
        if not (folder / marker).is_file():
            raise InputError(Diagnostic("error", f"{key}: {written!r} is a folder without {marker}", loc, key,
                                        hint=f"point {key}: at the folder that holds {marker}"))
        return folder
    ids = _builtin_ids(key)
    if written in ids:
        return None
    raise InputError(Diagnostic("error", f"{key}: {written!r} is neither a folder ({candidate} not found) nor a "
                                f"built-in {key}", loc, key,
                                hint=f"write a path relative to the edition folder, or one of {', '.join(ids)}"))


def read_dependencies(edition_dir: Path) -> tuple[Path, list[Dependency]]:
    """edition.yaml and its `campaign:` and `brand:`, each resolved; refusals located at their line."""
    path = edition_dir / EDITION_FILE
    root = parse_yaml(read_text(path, EDITION_FILE), path)
    if not isinstance(root, YMap):
        raise InputError(Diagnostic("error", f"{EDITION_FILE} must be a mapping of keys (campaign:, brand:, ...)",
                                    root.loc if root else Location(path, 1, 1),
                                    hint="write 'campaign: national' and 'brand: ...' lines at the top level"))
    found = []
    for key in MARKERS:
        if key not in root.entries:
            raise InputError(Diagnostic("error", f"{EDITION_FILE} has no {key}: key", Location(path, 1, 1),
                                        hint=f"add '{key}: ' with a built-in id or a folder path"))
        node = root.entries[key][1]
        if not isinstance(node, YScalar) or not isinstance(node.value, str) or not node.value.strip():
            raise InputError(Diagnostic("error", f"{key}: must be a built-in id or a folder path", node.loc, key,
                                        hint=f"e.g. {key}: {_builtin_ids(key)[0]}"))
        found.append(Dependency(key, node.value, node.loc, _resolve(edition_dir, key, node.value, node.loc)))
    return path, found


def _value_end(line: str, start: int) -> int:
    """Where the scalar that starts at `start` ends on its line (its closing quote, or before a comment)."""
    quote = line[start] if start < len(line) else ""
    if quote in ("'", '"'):
        i = start + 1
        while i < len(line):
            if quote == '"' and line[i] == "\\":
                i += 2
                continue
            if line[i] == quote:
                if quote == "'" and line[i + 1:i + 2] == "'":  # '' is a quote inside single quotes
                    i += 2
                    continue
                return i + 1
            i += 1
        return len(line)
    comment = line.find(" #", start)
    end = len(line) if comment < 0 else comment
    return len(line[:end].rstrip())


def rewrite(text: str, path: Path, dependency: Dependency, new_value: str) -> str:
    """edition.yaml's text with `dependency`'s value replaced by `new_value`; everything else kept as written.

    The result is parsed again: if the value spanned lines, or the key no longer reads the
    new value, the rewrite is refused rather than guessed.
    """
    lines = text.splitlines(keepends=True)
    row, col = dependency.loc.line - 1, dependency.loc.column - 1
    line = lines[row]
    body = line.rstrip("\r\n")
    end = _value_end(body, col)
    lines[row] = body[:col] + json.dumps(new_value, ensure_ascii=False) + body[end:] + line[len(body):]
    result = "".join(lines)
    root = parse_yaml(result, path)
    node = root.entries.get(dependency.key, (None, None))[1] if isinstance(root, YMap) else None
    if not isinstance(node, YScalar) or node.value != new_value:
        raise InputError(Diagnostic("error", f"cannot rewrite {dependency.key}: for the pack (its value spans "
                                    "lines)", dependency.loc, dependency.key,
                                    hint=f"write {dependency.key}: {dependency.written!r} on one line"))
    return result
