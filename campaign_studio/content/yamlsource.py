"""Read YAML safely into a tree of nodes that remember where they came from.

PyYAML's composer gives nodes with marks; we never call a constructor on
anything but plain scalars, so a tag such as !!python/object is refused
before anything could be built from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

MAX_FILE_BYTES = 2 * 1024 * 1024  # a campaign file is text: 2 MB is far beyond any real one

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass
class YNode:
    loc: Location


@dataclass
class YScalar(YNode):
    value: Any  # str, int, float, bool, None, date


@dataclass
class YSeq(YNode):
    items: list[YNode] = field(default_factory=list)


@dataclass
class YMap(YNode):
    # key -> (location of the key, value node); insertion order kept
    entries: dict[str, tuple[Location, YNode]] = field(default_factory=dict)


def _loc(file: Path, mark: Any) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


def read_text(path: Path, what: str = "file", max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file, refusing huge or non-UTF-8 files with a located message."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(Diagnostic("error", f"{what} not found", Location(path, 1, 1))) from None
    except OSError as exc:
        raise InputError(Diagnostic("error", f"cannot read {what}: {exc.strerror}", Location(path, 1, 1))) from None
    if path.is_dir():
        raise InputError(Diagnostic("error", f"{what} is a folder, expected a file", Location(path, 1, 1)))
    if size > max_bytes:
        raise InputError(
            Diagnostic(
                "error",
                f"{what} is {size / 1024 / 1024:.1f} MB, more than the {max_bytes // 1024 // 1024} MB a campaign "
                "file may have",
                Location(path, 1, 1),
                hint="is this the right file? campaign files are small text files",
            )
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Diagnostic("error", f"cannot read {what}: {exc.strerror}", Location(path, 1, 1))) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            Diagnostic(
                "error",
                f"{what} is not UTF-8 text (byte 0x{data[exc.start]:02X} cannot be decoded)",
                Location(path, line, col),
                hint="save the file with UTF-8 encoding",
            )
        ) from None


def parse_yaml(text: str, path: Path) -> YNode | None:
    """Compose YAML text into located nodes; None for an empty document."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise InputError(_yaml_error(exc, text, path)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks all parse errors
        raise InputError(Diagnostic("error", f"invalid YAML: {exc}", Location(path, 1, 1))) from None
    if root is None:
        return None
    return _convert(root, path, _Budget())


def _yaml_error(exc: yaml.MarkedYAMLError, text: str, path: Path) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    loc = _loc(path, mark) if mark else Location(path, 1, 1)
    problem = exc.problem or "invalid YAML"
    lines = text.splitlines()
    line_text = lines[loc.line - 1] if 0 < loc.line <= len(lines) else ""
    indent = line_text[: len(line_text) - len(line_text.lstrip())]
    if "\t" in indent or "'\\t'" in problem:
        return Diagnostic(
            "error",
            "tab character in indentation",
            Location(path, loc.line, (line_text.find("\t") + 1) or loc.column),
            hint="YAML indents with spaces only; replace the tab with spaces",
        )
    context = f" {exc.context}" if exc.context else ""
    return Diagnostic(
        "error",
        f"invalid YAML: {problem}{context}",
        loc,
        hint="check the indentation and quoting on this line and the one before",
    )


class _Budget:
    """Guards against alias bombs ("billion laughs") and self-referencing aliases."""

    MAX_NODES = 200_000
    MAX_DEPTH = 60

    def __init__(self) -> None:
        self.nodes = 0


def _convert(node: yaml.Node, path: Path, budget: _Budget, depth: int = 0) -> YNode:
    loc = _loc(path, node.start_mark)
    budget.nodes += 1
    if budget.nodes > budget.MAX_NODES or depth > budget.MAX_DEPTH:
        raise InputError(
            Diagnostic(
                "error",
                "the YAML document is nested too deeply or expands to too many values",
                loc,
                hint="remove the anchors and aliases (&name / *name) that repeat content",
            )
        )
    if node.tag not in _STANDARD_TAGS:
        raise InputError(
            Diagnostic(
                "error",
                f"YAML tag {node.tag!r} is not allowed",
                loc,
                hint="campaign files hold plain data: remove the tag",
            )
        )
    if isinstance(node, yaml.MappingNode):
        ymap = YMap(loc)
        for key_node, value_node in node.value:
            key_loc = _loc(path, key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                raise InputError(Diagnostic("error", "a key must be plain text", key_loc))
            key = str(key_node.value)
            if key in ymap.entries:
                first = ymap.entries[key][0]
                raise InputError(
                    Diagnostic(
                        "error",
                        f"key {key!r} appears twice in the same mapping (first on line {first.line})",
                        key_loc,
                        hint="remove or rename one of them",
                    )
                )
            ymap.entries[key] = (key_loc, _convert(value_node, path, budget, depth + 1))
        return ymap
    if isinstance(node, yaml.SequenceNode):
        return YSeq(loc, [_convert(item, path, budget, depth + 1) for item in node.value])
    assert isinstance(node, yaml.ScalarNode)
    return YScalar(loc, _construct_scalar(node))


def _construct_scalar(node: yaml.ScalarNode) -> Any:
    # Only plain scalars with a standard tag reach this point.
    return yaml.SafeLoader("").construct_object(node)
