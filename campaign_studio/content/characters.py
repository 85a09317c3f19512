"""Which characters a campaign text may contain: one rule for campaign.yaml and for translations.

Invisible characters can change what a text means without anyone seeing it: a
right-to-left override turns "0800-0188 / centrumseksueelgeweld.nl" around on the
card, a zero-width space makes a web address differ from the one it looks like. The
layout sets the direction of every language and inserts the isolates it needs, so a
text never needs bidi controls of its own.

Running text (prose) keeps what scripts need: ZWNJ and ZWJ shape Persian, Arabic and
Indic words, ZWSP and the soft hyphen mark break opportunities, U+2060 keeps words
together; but not inside a phone number or a web or e-mail address written in it. Literal
values (ids, phone numbers, web and e-mail addresses, codes) are compared and dialled
character by character, so nothing invisible may be in them at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from campaign_studio.model.diagnostics import Location

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
BIDI_MARKS = frozenset("\u200e\u200f\u061c")
# Allowed in running text, except inside a number or an address; refused in literal values.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\u00ad")
# Format characters that are drawn (Arabic number signs and other prepended concatenation marks).
VISIBLE_FORMAT_CHARACTERS = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2"
                                      "\U000110bd\U000110cd")
PROSE_FORMAT_CHARACTERS = ZERO_WIDTH | VISIBLE_FORMAT_CHARACTERS
BYTE_ORDER_MARK = "\ufeff"
NEWLINE = "\n"
# Default-ignorable characters outside category Cf (drawn as nothing): CGJ, Hangul fillers,
# Khmer inherent vowels, Mongolian selectors, variation selectors.
_INVISIBLE_OTHER = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0") | frozenset(
    chr(c) for c in range(0xFE00, 0xFE10))

_NAMES = {0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED", 0x0D: "CARRIAGE RETURN", 0x00: "NULL", 0x1B: "ESCAPE",
          0x7F: "DELETE", 0x85: "NEXT LINE"}


def describe(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': the code point and its Unicode name."""
    cp = ord(ch)
    name = unicodedata.name(ch, "") or _NAMES.get(cp) or (
        "a control character" if unicodedata.category(ch) == "Cc" else "an unnamed character")
    return f"U+{cp:04X} {name}"


@dataclass(frozen=True)
class CharacterProblem:
    """A character a text may not contain: where it is in the text, what it is, and what to do."""

    index: int  # position in the text
    char: str
    reason: str  # completes "contains U+202E RIGHT-TO-LEFT OVERRIDE, ..."
    fix: str

    @property
    def message(self) -> str:
        return f"contains {describe(self.char)}, {self.reason}"


_DELETE = "delete it: it is invisible, so retype the words around it or search for \\u{cp:04X} in your editor"


def _problem(ch: str, literal: bool) -> tuple[str, str] | None:
    """(reason, fix) when ch may not appear, else None."""
    cp = ord(ch)
    delete = _DELETE.format(cp=cp)
    if ch in BIDI_CONTROLS:
        return ("an invisible bidi control that changes the order in which the text is shown",
                delete + "; Campaign Studio sets the direction of each language itself")
    if ch in BIDI_MARKS:
        return ("an invisible direction mark", delete + "; Campaign Studio sets the direction of each language itself")
    if ch == BYTE_ORDER_MARK:
        return ("an invisible byte order mark left over from copying", delete
                + "; to keep two words together use U+2060 WORD JOINER")
    category = unicodedata.category(ch)
    if category == "Cc" and (literal or ch != NEWLINE):
        return ("a control character", "remove it; only line breaks may appear in a text" if not literal
                else "remove it")
    if category in ("Cs", "Cn"):
        return ("which is not an assigned Unicode character", "remove it; the file may be damaged")
    if category == "Co":
        return ("a private-use character with no agreed meaning", "replace it by the character it stands for")
    if literal and (category in ("Cf", "Zl", "Zp") or ch in _INVISIBLE_OTHER or (ch.isspace() and ch != " ")):
        return ("an invisible character that makes the value differ from what it looks like", delete)
    if category == "Cf" and ch not in PROSE_FORMAT_CHARACTERS:
        return ("an invisible formatting character", delete)
    return None


def character_problems(text: str, *, literal: bool = False) -> list[CharacterProblem]:
    """The characters `text` may not contain, each distinct one once, in text order.

    literal: the text is an id, phone number, address or code, not running text.
    """
    found: dict[str, CharacterProblem] = {}
    for i, ch in enumerate(text):
        if ch in found or (ch.isascii() and ch.isprintable()):
            continue
        problem = _problem(ch, literal)
        if problem:
            found[ch] = CharacterProblem(i, ch, *problem)
    if not literal:
        for hidden in _hidden_in_values(text):
            found.setdefault(hidden.char, hidden)
    return sorted(found.values(), key=lambda p: p.index)


# A number (phone, figure) or an address as written in running text, once zero-width characters are removed.
_VALUE_SHAPES = (
    ("phone number", re.compile(r"\+?[\d()][\d\-()./]*\d")),
    ("e-mail address", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")),
    ("web address", re.compile(r"(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:[/?#]\S*)?")),
)
_TRIM = "\"'()[]{}<>«»“”‘’.,;:!?¿¡"


def _hidden_in_values(text: str) -> list[CharacterProblem]:
    """Zero-width characters inside a phone number or a web or e-mail address in running text."""
    problems = []
    for token in re.finditer(r"\S+", text):
        word = token.group(0)
        if not any(ch in ZERO_WIDTH for ch in word):
            continue
        start = len(word) - len(word.lstrip(_TRIM))
        core = word.strip(_TRIM)
        shown = "".join(ch for ch in core if ch not in ZERO_WIDTH)
        inner = [i for i, ch in enumerate(core) if ch in ZERO_WIDTH and 0 < i < len(core) - 1]
        if not inner:
            continue
        kind = next((k for k, shape in _VALUE_SHAPES if shape.fullmatch(shown) and sum(c.isdigit() for c in shown) >= (
            3 if k == "phone number" else 0)), None)
        if kind:
            i = inner[0]
            problems.append(CharacterProblem(
                token.start() + start + i, core[i], f"an invisible character inside the {kind} {shown!r}, which "
                "makes it differ from what it looks like", _DELETE.format(cp=ord(core[i]))))
    return problems


# --- locating a character in the file it came from ---------------------------------------------

def escapes(ch: str) -> tuple[str, ...]:
    """How a character may be written in YAML, XML or other escapes, besides itself."""
    cp = ord(ch)
    forms = [ch, f"\\u{cp:04x}", f"\\u{cp:04X}", f"\\U{cp:08x}", f"\\U{cp:08X}", f"&#x{cp:x};", f"&#x{cp:X};",
             f"&#{cp};"]
    if cp < 0x100:
        forms += [f"\\x{cp:02x}", f"\\x{cp:02X}"]
    if ch == "\t":
        forms.append("\\t")
    return tuple(forms)


def locate_in_lines(lines: list[str], start: Location, ch: str) -> Location:
    """Where ch is written, at or after `start` (the text's own place): its first form there, else start."""
    best: tuple[int, int] | None = None
    for number in range(max(start.line, 1), len(lines) + 1):
        line = lines[number - 1]
        offset = start.column - 1 if number == start.line else 0
        hits = [line.find(form, offset) for form in escapes(ch)]
        hits = [h for h in hits if h >= 0]
        if hits:
            best = (number, min(hits) + 1)
            break
    return Location(start.file, *best) if best else start


def locate_in_file(start: Location, ch: str) -> Location:
    """locate_in_lines for a file read again (on the error path only); start when it cannot be read."""
    try:
        lines = Path(start.file).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeError):
        return start
    return locate_in_lines(lines, start, ch)
