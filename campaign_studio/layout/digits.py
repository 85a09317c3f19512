"""Numbers in a native numbering system: the digits, and CLDR's symbols for that system.

Babel formats a number with a numbering system's symbols (٫ ٬ in Arabic-Indic) but keeps
Latin digits and the pattern's "%"; `to_native` finishes the job. `localise_numbers` does
the same for the numbers a translator wrote in running text ("18 تا 80", "17,000"):
they are read with the language's Latin-digit symbols and rewritten in the native system.
Left as written: phone numbers and web and e-mail addresses (the digits one dials and
types), and numbers inside a Latin-script name or title ("113 Zelfmoordpreventie",
"Nederland 2017"), which belong to that script's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from campaign_studio.text.breaks import protected_spans
from campaign_studio.text.segment import char_script

# Decimal digits of the native numbering systems CLDR names for our languages (Unicode
# data: Babel has each system's symbols but not its digits).
NATIVE_DIGITS = {
    "arab": "٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic (ar)
    "arabext": "۰۱۲۳۴۵۶۷۸۹",  # Extended Arabic-Indic (fa, ur)
    "deva": "०१२३४५६७८९",
    "beng": "০১২৩৪৫৬৭৮৯",
}
_LATIN_DIGITS = "0123456789"
# Between a number and a Latin word that it belongs to ("COVID-19", "Nederland 2017").
_JOINERS = frozenset(" \u00a0\u202f-\u2010\u2011")
_SPACES = frozenset(" \u00a0\u202f")
_SIGNS = frozenset("%‰")


@dataclass(frozen=True)
class Symbols:
    """CLDR number symbols of one locale in one numbering system."""

    decimal: str
    group: str
    percent: str
    per_mille: str


@lru_cache(maxsize=32)
def symbols(locale: Locale, system: str) -> Symbols:
    data = locale.number_symbols[system]
    return Symbols(data["decimal"], data["group"], data["percentSign"], data["perMille"])


def to_native(formatted: str, locale: Locale, system: str) -> str:
    """A number Babel formatted for `system` (native separators, Latin digits, "%") in that system's digits and signs."""
    native = symbols(locale, system)
    return formatted.replace("%", native.percent).replace("‰", native.per_mille).translate(_digit_table(system))


def localise_numbers(text: str, locale: Locale, system: str) -> str:
    """Running text with its numbers in `system`, except in phone numbers, addresses and Latin-script names."""
    if system not in NATIVE_DIGITS or not any(ch in _LATIN_DIGITS for ch in text):
        return text
    latin, native = symbols(locale, "latn"), symbols(locale, system)
    separators = {latin.decimal: native.decimal, latin.group: native.group}
    signs = {"%": native.percent, "‰": native.per_mille}
    protected = protected_spans(text)
    out: list[str] = []
    done = 0
    for found in _number_pattern(latin.decimal, latin.group).finditer(text):
        start, end = found.span()
        if any(a < end and start < b for a, b in protected) or _in_latin_phrase(text, start, end):
            continue
        # a percent or per-mille sign written against the number ("22%", "%22", "22 %") is the number's
        before = _sign_before(text, start, done)
        after = _sign_after(text, end)
        lo = before if before is not None else start
        out.append(text[done:lo])
        if before is not None:
            out.append(signs[text[before]] + text[before + 1 : start])
        number = "".join(separators.get(ch, ch) for ch in found.group())
        out.append(number.translate(_digit_table(system)))
        done = end
        if after is not None:
            out.append(text[end:after] + signs[text[after]])
            done = after + 1
    out.append(text[done:])
    return "".join(out)


@lru_cache(maxsize=16)
def _number_pattern(decimal: str, group: str) -> re.Pattern[str]:
    separators = "".join(re.escape(ch) for ch in dict.fromkeys(decimal + group))
    return re.compile(rf"[0-9]+(?:[{separators}][0-9]+)*")


@lru_cache(maxsize=8)
def _digit_table(system: str) -> dict[int, int]:
    return str.maketrans(_LATIN_DIGITS, NATIVE_DIGITS[system]) if system in NATIVE_DIGITS else {}


def _sign_before(text: str, start: int, floor: int) -> int | None:
    """The index of a percent or per-mille sign just before a number (or one space before it)."""
    i = start - 1
    if i >= floor and text[i] in _SPACES:
        i -= 1
    return i if i >= floor and text[i] in _SIGNS else None


def _sign_after(text: str, end: int) -> int | None:
    i = end
    if i < len(text) and text[i] in _SPACES:
        i += 1
    return i if i < len(text) and text[i] in _SIGNS else None


def _in_latin_phrase(text: str, start: int, end: int) -> bool:
    """Is the number part of Latin-script words: a Latin letter against it, or past a space or hyphen?"""
    return _latin_letter_near(text, start - 1, -1) or _latin_letter_near(text, end, 1)


def _latin_letter_near(text: str, i: int, step: int) -> bool:
    while 0 <= i < len(text) and text[i] in _JOINERS:
        i += step
    return 0 <= i < len(text) and text[i].isalpha() and char_script(text[i]) == "Latn"
