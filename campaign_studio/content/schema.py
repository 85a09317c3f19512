"""A small declarative schema for located YAML nodes.

Each schema type checks one node and returns its plain value, or INVALID after
adding a located diagnostic that names the key path and the fix. Cross-item
checks (ids, references) live with the loader that knows the whole document.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from campaign_studio.content.characters import character_problems, locate_in_file
from campaign_studio.content.yamlsource import YMap, YNode, YScalar, YSeq, reads_as_number
from campaign_studio.model.diagnostics import Diagnostics


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()

_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false", type(None): "empty"}


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if value is None:
        return "nothing (empty value)"
    return repr(value)


class Schema:
    expected = "a value"

    def check(self, node: YNode, path: str, diags: Diagnostics) -> Any:
        raise NotImplementedError

    def wrong_kind(self, node: YNode, path: str, diags: Diagnostics, hint: str = "") -> Any:
        if isinstance(node, YMap):
            got = "a mapping (key: value lines)"
        elif isinstance(node, YSeq):
            got = "a list"
        else:
            got = _describe(node.value) if isinstance(node, YScalar) else "something else"
        diags.error(f"expected {self.expected}, found {got}", node.loc, path, hint or f"write {self.expected} here")
        return INVALID


@dataclass
class Text(Schema):
    """Non-empty text; `pattern` with `pattern_hint` for shapes such as phone numbers.

    literal: an id, phone number, address or code, in which no invisible character may be
    (see content/characters.py); otherwise running text.
    """

    min_length: int = 1
    max_length: int = 2000
    pattern: re.Pattern[str] | None = None
    pattern_hint: str = ""
    expected: str = "text"
    literal: bool = False

    def check(self, node: YNode, path: str, diags: Diagnostics) -> Any:
        if not isinstance(node, YScalar) or not isinstance(node.value, str):
            if isinstance(node, YScalar) and node.value is not None and node.raw:
                # YAML read 0800 as a number, yes as true, 2026-01-01 as a date: quotes keep it text
                return self.wrong_kind(node, path, diags, f'put the value in quotes to keep it as text: "{node.raw}"')
            if isinstance(node, YSeq | YMap):
                return self.wrong_kind(node, path, diags, f"write {self.expected} on the same line as the key, "
                                       "in quotes if it starts with '-', '[' or '{'")
            return self.wrong_kind(node, path, diags)
        value = node.value.strip()
        if len(value) < self.min_length:
            diags.error("must not be empty", node.loc, path, "write the text or remove the key if it is optional")
            return INVALID
        if len(value) > self.max_length:
            diags.error(
                f"is {len(value)} characters long, more than {self.max_length}",
                node.loc,
                path,
                "shorten it",
            )
            return INVALID
        problems = character_problems(value, literal=self.literal)
        for problem in problems:
            diags.error(problem.message, locate_in_file(node.loc, problem.char), path, problem.fix)
        if problems:
            return INVALID
        if self.pattern and not self.pattern.fullmatch(value):
            diags.error(f"{value!r} is not {self.expected}", node.loc, path, self.pattern_hint)
            return INVALID
        return value


@dataclass
class Number(Schema):
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    range_name: str = ""

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "a whole number" if self.integer else "a number"

    def check(self, node: YNode, path: str, diags: Diagnostics) -> Any:
        value = node.value if isinstance(node, YScalar) else None
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if ok and self.integer and isinstance(value, float):
            ok = False
        if not ok:
            if isinstance(value, str) and _written_number(value) is not None:
                return self._written_as_text(value, node, path, diags)
            hint = ""
            if isinstance(value, str):
                digits = re.sub(r"[^0-9.,-]", "", value)
                if digits:
                    hint = f"write the bare number without quotes or units, e.g. {digits.replace(',', '.')}"
            elif isinstance(value, float) and value.is_integer():
                hint = f"write it without a decimal point, e.g. {int(value)}"
            return self.wrong_kind(node, path, diags, hint)
        assert isinstance(value, int | float)
        raw = node.raw if isinstance(node, YScalar) and node.raw else str(value)
        if isinstance(value, float) and not math.isfinite(value):
            is_word = raw.strip().lower().lstrip("+-") in (".inf", ".nan")
            if is_word:
                diags.error(f"{raw} is not a usable number", node.loc, path, "write an ordinary number, e.g. 22")
            else:
                self._too_large(raw, node, path, diags)
            return INVALID
        if abs(value) > MAX_MAGNITUDE:  # a whole number YAML read exactly, far beyond anything a design shows
            return self._too_large(raw, node, path, diags)
        if value == 0:
            value = abs(value)  # -0.0 is zero: never drawn as "-0"
        low, high = self.minimum, self.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            what = self.range_name or "a value"
            if high is None:
                allowed = f"at least {_fmt(low)}"
            elif low is None:
                allowed = f"at most {_fmt(high)}"
            else:
                allowed = f"{_fmt(low)} to {_fmt(high)}"
            diags.error(f"{value} is out of range for {what} ({allowed})", node.loc, path, self._range_fix())
            return INVALID
        return value

    def _range_fix(self) -> str:
        low, high = self.minimum, self.maximum
        if low is None and high is None:
            return ""
        if high is None:
            return f"use a number of {_fmt(low)} or more"
        if low is None:
            return f"use a number of {_fmt(high)} or less"
        return f"use a number from {_fmt(low)} to {_fmt(high)}"

    def _too_large(self, raw: str, node: YNode, path: str, diags: Diagnostics) -> Any:
        fix = self._range_fix() if self.maximum is not None else f"write the number in digits, e.g. {self.example}"
        diags.error(f"{_short(raw)} is too large: no number in these files needs more than 15 digits", node.loc, path,
                    fix)
        return INVALID

    @property
    def example(self) -> str:
        """A number this schema accepts, for hints."""
        if self.minimum is not None and self.minimum > 22:
            return _fmt(self.minimum)
        return "22"

    def _written_as_text(self, text: str, node: YNode, path: str, diags: Diagnostics) -> Any:
        """A number YAML 1.1 reads as text (1e5: its exponents need a dot and a sign) or one too large for a float."""
        number = _written_number(text)
        assert number is not None
        shown = _short(text.strip())
        if not math.isfinite(number) or abs(number) > MAX_MAGNITUDE:
            return self._too_large(text.strip(), node, path, diags)
        plain = str(int(number)) if number.is_integer() else f"{number:f}".rstrip("0").rstrip(".")
        if self.integer and not number.is_integer():
            plain = str(round(number))
        if reads_as_number(text.strip()):  # so it was written in quotes
            return self.wrong_kind(node, path, diags, f"write the bare number without quotes, e.g. {plain}")
        diags.error(f"YAML reads {shown} as text, not as a number", node.loc, path,
                    f"write the number in digits, e.g. {plain}")
        return INVALID


#: Larger than any figure, size or count a campaign or design file needs; beyond it floats lose whole numbers.
MAX_MAGNITUDE = 1e15

_NUMBER_TEXT = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _written_number(text: str) -> float | None:
    """The value of text that is written as a plain number (digits, a point, an exponent), else None."""
    text = text.strip()
    if not _NUMBER_TEXT.fullmatch(text):
        return None
    return float(text)  # overflows to inf, never raises for this shape


def _short(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:10]}…{text[-6:]} ({len(text)} characters)"


def _fmt(value: float | None) -> str:
    if value is None:
        return "any"
    return str(int(value)) if float(value).is_integer() else str(value)


class Bool(Schema):
    expected = "true or false"

    def check(self, node: YNode, path: str, diags: Diagnostics) -> Any:
        if isinstance(node, YScalar) and isinstance(node.value, bool):
            return node.value
        return self.wrong_kind(node, path, diags, "write true or false without quotes")


_DATE_SHAPE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


class Date(Schema):
    expected = "a date (YYYY-MM-DD)"

    def check(self, node: YNode, path: str, diags: Diagnostics) -> Any:
        if isinstance(node, YScalar) and isinstance(node.value, dt.date) and not isinstance(node.value, dt.datetime):
            return node.value
        if isinstance(node, YScalar) and isinstance(node.value, str) and _DATE_SHAPE.fullmatch(node.value.strip()):
            year, month, day = (int(part) for part in node.value.strip().split("-"))
            try:
                return dt.date(year, month, day)  # a date in quotes is still a date
            except ValueError:
                pass
            problem = f"there is no month {month}" if not 1 <= month <= 12 else f"that month has no day {day}"
            diags.error(f"{node.value.strip()!r} is not a real date: {problem}", node.loc, path,
                        "write an existing date as YYYY-MM-DD, e.g. 2026-12-31")
            return INVALID
        return self.wrong_kind(node, path, diags, "write the date as YYYY-MM-DD, e.g. 2026-12-31")


@dataclass
class Choice(Schema):
    options: tuple[str, ...] = ()

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.options)

    def check(self, node: YNode, path: str, diags: Diagnostics) -> Any:
        if isinstance(node, YScalar) and isinstance(node.value, str) and node.value in self.options:
            return node.value
        if isinstance(node, YScalar) and isinstance(node.value, str):
            close = difflib.get_close_matches(node.value, self.options, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "use one of " + ", ".join(self.options)
            diags.error(f"{node.value!r} is not {self.expected}", node.loc, path, hint)
            return INVALID
        return self.wrong_kind(node, path, diags)


@dataclass
class ListOf(Schema):
    item: Schema = field(default_factory=Text)
    min_items: int = 0
    expected: str = "a list"

    def check(self, node: YNode, path: str, diags: Diagnostics) -> Any:
        if not isinstance(node, YSeq):
            return self.wrong_kind(node, path, diags, "write one '- item' per line")
        if len(node.items) < self.min_items:
            diags.error(f"needs at least {self.min_items} item(s)", node.loc, path, "add the missing items")
            return INVALID
        values = [self.item.check(child, f"{path}[{i}]", diags) for i, child in enumerate(node.items)]
        return INVALID if any(v is INVALID for v in values) else values


@dataclass
class Field:
    schema: Schema
    required: bool = True
    default: Any = None


@dataclass
class Obj(Schema):
    """A mapping with known keys; unknown keys are errors with a "did you mean"."""

    fields: dict[str, Field] = field(default_factory=dict)
    expected: str = "a mapping (key: value lines)"
    # Free keys (names chosen by the author, e.g. slot names) are checked by the caller.
    free_keys: bool = False
    # Extra checks over the finished value: (value, node, path, diags) -> None
    validators: tuple[Callable[[dict[str, Any], YMap, str, Diagnostics], None], ...] = ()

    def check(self, node: YNode, path: str, diags: Diagnostics) -> Any:
        if not isinstance(node, YMap):
            return self.wrong_kind(node, path, diags)
        result: dict[str, Any] = {}
        ok = True
        misspelled: set[str] = set()  # missing keys already suggested by an unknown key's "did you mean"
        for key, (key_loc, child) in node.entries.items():
            child_path = f"{path}.{key}" if path else key
            spec = self.fields.get(key)
            if spec is None and self.free_keys:
                continue
            if spec is None:
                unused = [k for k in self.fields if k not in node.entries]
                close = difflib.get_close_matches(key, unused, n=1, cutoff=0.6)
                if close:
                    misspelled.add(close[0])
                    hint = f"did you mean {close[0]!r}? rename the key"
                else:
                    hint = "remove it; allowed keys here: " + ", ".join(self.fields)
                diags.error(f"unknown key {key!r}", key_loc, child_path, hint)
                ok = False
                continue
            value = spec.schema.check(child, child_path, diags)
            if value is INVALID:
                ok = False
            result[key] = value
        for key, spec in self.fields.items():
            if key in node.entries:
                continue
            if spec.required and key not in misspelled:
                where = f"{path}.{key}" if path else key
                diags.error(f"required key {key!r} is missing", node.loc, where, f"add '{key}:' to this mapping")
                ok = False
            elif not spec.required:
                result[key] = spec.default
        if not ok:
            return INVALID
        for validate in self.validators:
            validate(result, node, path, diags)
        return result


def node_at(node: YNode, *keys: str | int) -> YNode:
    """The node at a key path (for locating cross-reference errors); the deepest that exists."""
    current = node
    for key in keys:
        if isinstance(current, YMap) and isinstance(key, str) and key in current.entries:
            current = current.entries[key][1]
        elif isinstance(current, YSeq) and isinstance(key, int) and 0 <= key < len(current.items):
            current = current.items[key]
        else:
            break
    return current
