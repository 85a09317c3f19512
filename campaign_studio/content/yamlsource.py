"""Read YAML safely into a tree of nodes that remember where they came from.

PyYAML's composer gives nodes with marks; we never call a constructor on
anything but plain scalars, so a tag such as !!python/object is refused
before anything could be built from it. Aliases are allowed, but an alias
inside the value it names (an endless loop) and aliases that expand to a huge
document ("billion laughs") are refused before anything is expanded.

libyaml parses when it is installed (fast); when it finds any problem, the
pure-Python parser reads the text again, because its messages are the ones
_yaml_error turns into a clear, located diagnostic.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from campaign_studio.content.files import refuse_link_loop
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

MAX_FILE_BYTES = 2 * 1024 * 1024  # a campaign file is text: 2 MB is far beyond any real one

_YAML_PREFIX = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAP_TAG = _YAML_PREFIX + "map"
_SEQ_TAG = _YAML_PREFIX + "seq"
_STANDARD_TAGS = _SCALAR_TAGS | {_MAP_TAG, _SEQ_TAG}
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class YNode:
    loc: Location


@dataclass
class YScalar(YNode):
    value: Any  # str, int, float, bool, None, date
    raw: str = ""  # the text as written in the file (before YAML typed it)


@dataclass
class YSeq(YNode):
    items: list[YNode] = field(default_factory=list)


@dataclass
class YMap(YNode):
    # key -> (location of the key, value node); insertion order kept
    entries: dict[str, tuple[Location, YNode]] = field(default_factory=dict)


def _loc(file: Path, mark: Any) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


def _too_large(path: Path, what: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        Diagnostic(
            "error",
            f"{what} is {size / 1024 / 1024:.1f} MB, more than the {max_bytes / 1024 / 1024:g} MB such a file may have; "
            "it was not read",
            Location(path),
            hint="is this the right file? campaign files are small text files",
        )
    )


def read_text(path: Path, what: str = "file", max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file, refusing huge, special or non-UTF-8 files with a located message."""
    start = Location(path)  # the file as a whole: these problems have no line
    refuse_link_loop(path, what)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(Diagnostic("error", f"{what} not found", start, hint="check the path")) from None
    except OSError as exc:
        raise InputError(Diagnostic("error", f"cannot read {what}: {exc.strerror}", start)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(Diagnostic("error", f"{what} is a folder, expected a file", start,
                                    hint="remove or rename the folder and put the file in its place"))
    if not stat.S_ISREG(info.st_mode):
        raise InputError(Diagnostic("error", f"{what} is not a regular file (a device, pipe or socket)", start,
                                    hint="point at a plain text file"))
    if info.st_size > max_bytes:
        raise _too_large(path, what, info.st_size, max_bytes)
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)  # never more, even if the file grows meanwhile
    except PermissionError:
        raise InputError(Diagnostic("error", f"cannot read {what}: permission denied", start,
                                    hint="check the file's permissions")) from None
    except OSError as exc:
        raise InputError(Diagnostic("error", f"cannot read {what}: {exc.strerror}", start)) from None
    if len(data) > max_bytes:
        raise _too_large(path, what, len(data), max_bytes)
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
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


class _AliasLoop(Exception):
    def __init__(self, anchor: str, mark: Any) -> None:
        super().__init__(anchor)
        self.anchor = anchor
        self.mark = mark


class _AliasGuard(yaml.composer.Composer):
    """Composer that refuses an alias inside the value it names and remembers alias uses."""

    def __init__(self) -> None:
        yaml.composer.Composer.__init__(self)  # not super(): the loaders mix in parsers with other signatures
        self.open_anchors: list[str] = []
        self.alias_uses: list[tuple[str, Any, Any]] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]
        anchor = str(event.anchor) if event.anchor is not None else None
        if isinstance(event, yaml.AliasEvent) and anchor is not None:
            if anchor in self.open_anchors:
                raise _AliasLoop(anchor, event.start_mark)
            node = super().compose_node(parent, index)
            self.alias_uses.append((anchor, event.start_mark, node))
            return node
        if anchor is None:
            return super().compose_node(parent, index)
        self.open_anchors.append(anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self.open_anchors.pop()


class _Loader(_AliasGuard, yaml.SafeLoader):
    """Pure-Python parser: its error messages are the ones _yaml_error knows how to explain."""

    def __init__(self, stream: str) -> None:
        yaml.SafeLoader.__init__(self, stream)
        _AliasGuard.__init__(self)


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _FastLoader(_AliasGuard, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """libyaml's parser under the same Python composer and resolver: the same nodes, ten times faster."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _AliasGuard.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


def _compose_fast(text: str) -> tuple[Any, list[tuple[str, Any, Any]]] | None:
    """Compose with libyaml; None when it is missing or the text has any problem (then the slow path explains)."""
    if not yaml.__with_libyaml__:
        return None
    try:
        loader = _FastLoader(text)
        try:
            return loader.get_single_node(), loader.alias_uses
        finally:
            loader.dispose()
    except Exception:  # any problem: the pure-Python parser below finds and words it
        return None


def parse_yaml(text: str, path: Path) -> YNode | None:
    """Compose YAML text into located nodes; None for an empty document."""
    _check_depth(text, path)
    fast = _compose_fast(text)
    if fast is not None:
        root, alias_uses = fast
    else:
        root, alias_uses = _compose_explained(text, path)
    if root is None:
        return None
    _check_expansion(root, alias_uses, path)
    return _Converter(path).convert(root, "", 0)


def _compose_explained(text: str, path: Path) -> tuple[Any, list[tuple[str, Any, Any]]]:
    loader: _Loader | None = None
    try:
        loader = _Loader(text)  # the reader refuses control characters right here
        return loader.get_single_node(), loader.alias_uses
    except _AliasLoop as exc:
        raise InputError(
            Diagnostic(
                "error",
                f"alias *{exc.anchor} is used inside the value &{exc.anchor} it stands for, an endless loop",
                _loc(path, exc.mark),
                hint=f"remove *{exc.anchor} here, or write the value out",
            )
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise InputError(_yaml_error(exc, text, path)) from None
    except yaml.reader.ReaderError as exc:
        raise InputError(_reader_error(exc, text, path)) from None
    except RecursionError:
        raise InputError(_too_deep(Location(path, 1, 1))) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks all parse errors
        raise InputError(Diagnostic("error", f"invalid YAML: {exc}", Location(path, 1, 1))) from None
    finally:
        if loader is not None:
            loader.dispose()


def _reader_error(exc: yaml.reader.ReaderError, text: str, path: Path) -> Diagnostic:
    before = text[: exc.position]
    line = before.count("\n") + 1
    col = exc.position - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return Diagnostic(
        "error",
        f"the file contains the control character U+{char:04X}, which YAML does not allow",
        Location(path, line, col),
        hint="remove it; campaign files hold plain text",
    )


def _yaml_error(exc: yaml.MarkedYAMLError, text: str, path: Path) -> Diagnostic:
    """Turn PyYAML's parser wording into one clear message at the line the author has to fix."""
    mark = exc.problem_mark or exc.context_mark
    loc = _loc(path, mark) if mark else Location(path, 1, 1)
    ctx_loc = _loc(path, exc.context_mark) if exc.context_mark else None
    problem = exc.problem or "invalid YAML"
    context = exc.context or ""
    lines = text.splitlines()
    line_text = lines[loc.line - 1] if 0 < loc.line <= len(lines) else ""
    indent = line_text[: len(line_text) - len(line_text.lstrip())]
    runaway = _runaway_quote(text, mark)
    if runaway:
        start, end = runaway
        return Diagnostic(
            "error",
            f"invalid YAML: the quoted text that starts here is not closed on its line; it runs on to line {end}",
            _loc(path, start),
            hint="add the closing quote at the end of the text",
        )
    if "\t" in indent:
        return Diagnostic("error", "tab character in indentation", Location(path, loc.line, line_text.find("\t") + 1),
                          hint="YAML indents with spaces only; replace the tab with spaces")
    if "'\\t'" in problem:
        return Diagnostic("error", "tab character where YAML expects a space", loc,
                          hint="replace the tab with a space")
    if "end of stream" in problem and "quoted scalar" in context and ctx_loc:
        return Diagnostic("error", "invalid YAML: the quoted text that starts here is never closed", ctx_loc,
                          hint="add the closing quote at the end of the text")
    if problem.startswith("mapping values are not allowed"):
        previous = _previous_value_line(lines, loc.line)
        if previous:
            number, key = previous
            return Diagnostic(
                "error",
                f"invalid YAML: unexpected ':' here; this line is indented deeper than line {number} above it, "
                f"so YAML reads it as more text of '{key}:'",
                loc,
                hint=f"line {number} or this line has the wrong indentation: "
                "the keys of one mapping start in the same column",
            )
        return Diagnostic(
            "error",
            "invalid YAML: unexpected ':' here",
            loc,
            hint="put text that contains ': ' in quotes, e.g. citation: \"Bron: Rutgers\"; "
            "otherwise check the indentation of this line",
        )
    if problem.startswith("expected <block end>"):
        return Diagnostic(
            "error",
            "invalid YAML: this line does not line up with the lines above it",
            loc,
            hint="indent it exactly like the other keys of its mapping or the other '- ' items of its list "
            "(a key and a list item cannot share a level)",
        )
    flow = re.match(r"while parsing a flow (sequence|mapping)", context)
    if flow and ctx_loc:
        bracket, kind = ("[", "list") if flow.group(1) == "sequence" else ("{", "mapping")
        return Diagnostic(
            "error",
            f"invalid YAML: the {kind} opened with '{bracket}' here is not closed properly "
            f"(YAML stopped at line {loc.line}, column {loc.column}: {problem})",
            ctx_loc,
            hint=f"text that starts with '{bracket}' must be in quotes",
        )
    found = re.match(r"found character '(.)' that cannot start any token", problem)
    if found:
        return Diagnostic("error", f"invalid YAML: a value cannot start with '{found.group(1)}'", loc,
                          hint="put the text in quotes")
    undefined = re.match(r"found undefined alias '(.*)'", problem)
    if undefined:
        name = undefined.group(1)
        return Diagnostic("error", f"alias *{name} has no anchor &{name} before it", loc,
                          hint=f"define &{name} earlier in the file, or write the value out")
    if context.startswith("found duplicate anchor") and ctx_loc:
        return Diagnostic("error", f"{context.split(';')[0]} (first on line {ctx_loc.line})", loc,
                          hint="give each anchor its own name")
    where = f" {context}" if context else ""
    if ctx_loc and ctx_loc.line != loc.line:
        where += f" (started on line {ctx_loc.line})"
    return Diagnostic(
        "error",
        f"invalid YAML: {problem}{where}",
        loc,
        hint="check the indentation and quoting on this line and the one before",
    )


_KEY_WITH_VALUE = re.compile(r"^(\s*)(?:- )?([A-Za-z_][\w-]*):\s+[^\s#|>]")


def _previous_value_line(lines: list[str], line: int) -> tuple[int, str] | None:
    """(number, key) of the line before `line` when it is a less indented 'key: value' that `line` continues."""
    if not 1 < line <= len(lines):
        return None
    current = lines[line - 1]
    indent = len(current) - len(current.lstrip(" "))
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        found = _KEY_WITH_VALUE.match(text)
        if found and len(found.group(1)) < indent:
            return number, found.group(2)
        return None
    return None


_KEY_OR_ITEM = re.compile(r"^\s*(?:[A-Za-z_][\w-]*:(?:\s|$)|- )", re.MULTILINE)


def _runaway_quote(text: str, error_mark: Any) -> tuple[Any, int] | None:
    """A quoted text left open swallows the lines after it, and YAML only fails further on.

    Find the last quoted text before the error that spans lines which look like keys or
    list items: (its start mark, the line it ends on).
    """
    found: tuple[Any, int] | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if error_mark is not None and token.start_mark.index >= error_mark.index:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.end_mark.line > token.start_mark.line
                    and _KEY_OR_ITEM.search(text, token.start_mark.index, token.end_mark.index)):
                found = (token.start_mark, token.end_mark.line + 1)
    except yaml.YAMLError:
        pass
    return found


MAX_NODES = 100_000  # values after expanding aliases; a real campaign has about a thousand
MAX_DEPTH = 50


def _too_deep(loc: Location) -> Diagnostic:
    return Diagnostic("error", f"the YAML document is nested more than {MAX_DEPTH} levels deep", loc,
                      hint="campaign files are a few levels deep; check the indentation and brackets")


def _check_depth(text: str, path: Path) -> None:
    """Refuse nesting deeper than MAX_DEPTH at the value where it is crossed.

    The parsers' event streams are flat (no recursion), so this runs before composing, which
    recurses and would otherwise fail on a very deep document without saying where. A text
    that does not parse is left to the composer, whose errors are explained.
    """
    loaders = ([yaml.CSafeLoader] if yaml.__with_libyaml__ else []) + [yaml.SafeLoader]
    for loader in loaders:  # libyaml gives up at 1000 levels, before it reports the 51st: then read again
        depth = 0  # collections open around the next value: the root is at depth 0
        try:
            for event in yaml.parse(text, Loader=loader):
                if isinstance(event, yaml.NodeEvent) and depth > MAX_DEPTH:
                    raise InputError(_too_deep(_loc(path, event.start_mark)))
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                elif isinstance(event, yaml.CollectionEndEvent):
                    depth -= 1
            return
        except yaml.YAMLError:
            continue


def _check_expansion(root: yaml.Node, alias_uses: list[tuple[str, Any, Any]], path: Path) -> None:
    """Refuse alias bombs by counting the expanded size without expanding anything."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise InputError(_too_deep(_loc(path, node.start_mark)))
        known = sizes.get(id(node))
        if known is not None:
            return known
        total = 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                total += size(key, depth + 1) + size(value, depth + 1)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item, depth + 1)
        sizes[id(node)] = total
        return total

    total = size(root, 0)
    if total > MAX_NODES:
        worst = max(alias_uses, key=lambda use: sizes.get(id(use[2]), 0), default=None)
        loc = _loc(path, worst[1]) if worst else _loc(path, root.start_mark)
        if worst and sizes[id(worst[2])] > MAX_NODES:
            what = f"alias *{worst[0]} expands to {sizes[id(worst[2])]:,} values"
        else:
            what = f"the aliases in this file expand to {total:,} values"
        raise InputError(
            Diagnostic(
                "error",
                f"{what}, more than the {MAX_NODES:,} a file may hold; refused without expanding them",
                loc,
                hint="remove the anchors and aliases (&name / *name) that repeat content",
            )
        )


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_PREFIX):] if tag.startswith(_YAML_PREFIX) else tag


class _Converter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: dict[int, YNode] = {}  # aliased nodes are converted once and shared

    def convert(self, node: yaml.Node, key_path: str, depth: int) -> YNode:
        known = self.done.get(id(node))
        if known is not None:
            return known
        result = self._convert(node, key_path, depth)
        self.done[id(node)] = result
        return result

    def _convert(self, node: yaml.Node, key_path: str, depth: int) -> YNode:
        loc = _loc(self.path, node.start_mark)
        if depth > MAX_DEPTH:
            raise InputError(_too_deep(loc))
        expected_tags = (
            {_MAP_TAG} if isinstance(node, yaml.MappingNode)
            else {_SEQ_TAG} if isinstance(node, yaml.SequenceNode) else _SCALAR_TAGS
        )
        if node.tag not in expected_tags:
            raise InputError(
                Diagnostic(
                    "error",
                    f"YAML tag {_shown_tag(node.tag)!r} is not allowed"
                    + ("" if node.tag in _STANDARD_TAGS else "; nothing was built from it"),
                    loc,
                    key_path,
                    hint="campaign files hold plain data: remove the tag",
                )
            )
        if isinstance(node, yaml.MappingNode):
            ymap = YMap(loc)
            for key_node, value_node in node.value:
                key_loc = _loc(self.path, key_node.start_mark)
                if key_node.tag == _YAML_PREFIX + "merge":
                    raise InputError(Diagnostic("error", "merge keys ('<<: *name') are not supported", key_loc, key_path,
                                                hint="write the keys out in this mapping"))
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                    raise InputError(Diagnostic("error", "a key must be plain text", key_loc, key_path,
                                                hint="write the key as a word followed by ':', e.g. name: ..."))
                key = str(key_node.value)
                child_path = f"{key_path}.{key}" if key_path else key
                if key in ymap.entries:
                    first = ymap.entries[key][0]
                    raise InputError(
                        Diagnostic(
                            "error",
                            f"key {key!r} appears twice in the same mapping (first on line {first.line})",
                            key_loc,
                            child_path,
                            hint="remove or rename one of them; if they belong to different items, "
                            "start the new item with '- '",
                        )
                    )
                ymap.entries[key] = (key_loc, self.convert(value_node, child_path, depth + 1))
            return ymap
        if isinstance(node, yaml.SequenceNode):
            return YSeq(loc, [self.convert(item, f"{key_path}[{i}]", depth + 1) for i, item in enumerate(node.value)])
        assert isinstance(node, yaml.ScalarNode)
        return YScalar(loc, _construct_scalar(node), str(node.value))


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_RESOLVER = yaml.resolver.Resolver()


def reads_as_number(text: str) -> bool:
    """True when YAML reads this text, written without quotes, as a number."""
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) in (_YAML_PREFIX + "int", _YAML_PREFIX + "float")


def _construct_scalar(node: yaml.ScalarNode) -> Any:
    # Only scalars with a standard scalar tag reach this point. A value YAML cannot
    # build (such as the date 2026-13-45) stays text, so the schema can explain it.
    try:
        return _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
    except (ValueError, OverflowError):
        return str(node.value)
