"""Where a line may break: word units of a paragraph, and spans that must stay whole.

A campaign card must never show "0800-" on one line and "0188" on the next, a web
address cut at a hyphen, or a line that starts with the full stop of the previous
one. Break opportunities are therefore conservative: after breakable spaces, after a
hard hyphen inside a word, after a zero-width space, never inside a protected span,
and never where UAX #14 forbids a break (tests/text/test_unicode_conformance.py runs
LineBreakTest.txt and names each tailoring).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from campaign_studio.text.line_break_classes import line_break_class

BREAK_SPACES = frozenset(" \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000")
ZWSP = "\u200b"
_CLOSING = frozenset(".,;:!?%‰)]}»”’›…،؛؟۔")
_HARD_HYPHENS = frozenset("-\u2010")

_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_DOMAIN = re.compile(r"(?<![\w@.\-])(?:[^\W_](?:[\w\-]*[^\W_])?\.)+[^\W\d_]{2,}(?::\d+)?(?:/\S*)?")
_PHONE = re.compile(r"(?<![\w.,])\+?(?:\(\d+\)[ \u00a0\-]?)?\d+(?:[ \u00a0\u2011\-.]\d+)+(?![\w.]\d|\w)")


def _looks_like_phone(s: str) -> bool:
    # "0800 0188", "+31 20 123 4567", "116 006", "2020-2023", "020.123.45.67" and the local
    # "14 0123" yes; "in 2023 12 gemeenten", "1.234.567", "17.000" and "2,5" no.
    groups = re.findall(r"\d+", s)
    digits = sum(len(g) for g in groups)
    later = groups[1:]
    grouped_thousands = all(len(g) == 3 for g in later)
    if "." in s:  # dots: a phone only when they do not group thousands
        return digits >= 6 and len(groups) >= 2 and not grouped_thousands and (len(groups) >= 3 or s[0] == "0")
    # A later group with a leading zero is no count ("14 0123": a municipality's number).
    zero_led = any(g.startswith("0") for g in later) and not grouped_thousands
    return digits >= 6 and (s[0] in "0+(" or "-" in s or zero_led or all(len(g) >= 3 for g in groups))


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Web addresses, e-mail addresses and phone numbers: never broken, hyphenated or
    reordered internally (they are also read left to right inside right-to-left text)."""
    found: list[tuple[int, int]] = []
    for rx in (_URL, _EMAIL, _DOMAIN):
        found += [m.span() for m in rx.finditer(text)]
    found += [m.span() for m in _PHONE.finditer(text) if _looks_like_phone(m.group())]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _closing(text: str, i: int) -> bool:
    """Punctuation that belongs to the word before it (a line may not start with it)."""
    ch = text[i]
    if ch in "’'" and i + 1 < len(text) and text[i + 1].isalpha():
        return False  # Dutch "’s avonds": an apostrophe, not a closing quote
    return ch in _CLOSING or unicodedata.category(ch) in ("Pe", "Pf")


def _opening(ch: str) -> bool:
    """Characters that belong to the word after them ("€ 50", "« tekst")."""
    return ch in "¿¡" or unicodedata.category(ch) in ("Ps", "Pi", "Sc")


def _letters_before(text: str, i: int) -> int:
    n = 0
    while i - 1 - n >= 0 and text[i - 1 - n].isalpha():
        n += 1
    return n


def _hyphen_break(text: str, p: int) -> bool:
    """After a hyphen with two letters on both sides: "grens-|overschrijdend", not "e-mail"."""
    after = text[p : p + 2]
    return _letters_before(text, p - 1) >= 2 and len(after) == 2 and after.isalpha()


_HARD_BREAKS = frozenset({"BK", "CR", "LF", "NL"})
_NO_BASE = _HARD_BREAKS | {"SP", "ZW"}  # a mark after these stands alone (LB10)


def _base(classes: list[str], k: int) -> int:
    """LB9: index of the character the marks ending at k belong to (k if it is no mark)."""
    while k >= 0 and classes[k] in ("CM", "ZWJ"):
        k -= 1
    return k


def _resolved(classes: list[str], k: int) -> str:
    """LB9-LB10: the class of position k with combining marks taken as their base."""
    j = _base(classes, k)
    if j == k:
        return classes[k]
    return "AL" if j < 0 or classes[j] in _NO_BASE else classes[j]


def _uax14_forbids(classes: list[str], p: int) -> bool:
    """Whether UAX #14 (rules LB6-LB22) forbids a break before position p.

    Only the rules that can apply where this breaker breaks (after spaces, a zero-width
    space, a hyphen or dash) are here; LB23-LB30 need a letter, digit or symbol before
    the break, which never happens here.
    """
    after = classes[p]
    if after in _HARD_BREAKS or after in ("SP", "ZW"):  # LB6, LB7
        return True
    k = p - 1
    while k >= 0 and classes[k] == "SP":
        k -= 1
    if k >= 0 and classes[k] == "ZW":  # LB8: ZW SP* ÷
        return False
    if classes[p - 1] == "ZWJ" or (after in ("CM", "ZWJ") and classes[p - 1] not in _NO_BASE):  # LB8a, LB9
        return True
    after = _resolved(classes, p)
    before = _resolved(classes, p - 1)
    if "WJ" in (before, after) or before == "GL":  # LB11, LB12
        return True
    if after == "GL" and before not in ("SP", "BA", "HY"):  # LB12a
        return True
    if after in ("CL", "CP", "EX", "IS", "SY"):  # LB13
        return True
    ahead = _resolved(classes, k) if k >= 0 else ""  # what precedes the spaces
    if ahead == "OP" or (ahead, after) in (("QU", "OP"), ("CL", "NS"), ("CP", "NS"), ("B2", "B2")):
        return True  # LB14-LB17
    if before == "SP":  # LB18
        return False
    if "QU" in (before, after):  # LB19
        return True
    if "CB" in (before, after):  # LB20
        return False
    if after in ("BA", "HY", "NS", "IN") or before == "BB":  # LB21, LB22
        return True
    hyphen = _base(classes, p - 1)
    if before in ("HY", "BA") and hyphen >= 1 and _resolved(classes, hyphen - 1) == "HL":  # LB21a
        return True
    return before == "SY" and after == "HL"  # LB21b


def _hard_break_after(classes: list[str], p: int) -> bool:
    """LB4-LB5: a line always ends after a hard line break (CR LF is one)."""
    return classes[p - 1] in _HARD_BREAKS and (classes[p - 1], classes[p]) != ("CR", "LF")


def _tailored_opportunity(text: str, p: int) -> bool:
    """Where this breaker allows a break at all: after breakable spaces that follow
    text (not after an opening quote or currency sign), after a zero-width space, and
    after a hyphen or em dash with two letters on both sides; never before a space or
    before closing punctuation."""
    a, b = text[p - 1], text[p]
    if b in BREAK_SPACES or _closing(text, p):
        return False
    if a in BREAK_SPACES:
        k = p - 1
        while k >= 0 and text[k] in BREAK_SPACES:
            k -= 1
        return k >= 0 and not _opening(text[k])
    return a == ZWSP or ((a in _HARD_HYPHENS or a == "\u2014") and _hyphen_break(text, p))


def break_positions(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Positions p where a line may end before text[p]: the tailored opportunities
    that UAX #14 allows too, outside protected spans, and every hard line break."""
    inside = [False] * (len(text) + 1)
    for lo, hi in spans:
        for p in range(lo + 1, hi):
            inside[p] = True
    classes = [line_break_class(c) for c in text]
    out = []
    for p in range(1, len(text)):
        if _hard_break_after(classes, p) or (not inside[p] and _tailored_opportunity(text, p) and not _uax14_forbids(classes, p)):
            out.append(p)
    return out


@dataclass(frozen=True)
class Unit:
    """Text between two break opportunities: content, then breakable spaces.

    Widths are in em of the paragraph's size; `protected` units are never hyphenated.
    """

    start: int
    content_end: int
    end: int
    width: float
    space: float
    protected: bool


def unit_ranges(text: str, breaks: list[int]) -> list[tuple[int, int, int]]:
    """(start, content_end, end) for each unit; content excludes trailing spaces."""
    bounds = [0, *breaks, len(text)]
    out = []
    for a, b in itertools.pairwise(bounds):
        c = b
        while c > a and text[c - 1] in BREAK_SPACES:
            c -= 1
        out.append((a, c, b))
    return out
