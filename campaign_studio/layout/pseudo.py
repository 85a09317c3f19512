"""Pseudo-localisation ('qps'): accented, 40% longer text that finds overflow before a translator does.

Phone numbers, web addresses and numbers are kept as they are, so they still read
and still break (or not) like the real thing.
"""

from __future__ import annotations

import math
import re

PSEUDO_LANGUAGE = "qps"
GROWTH = 0.4

_ACCENTED = str.maketrans(
    "aceinosuyzACEINOSUYZ",
    "àçéîñöšüýžÀÇÉÎÑÖŠÜÝŽ",
)
_KEEP = re.compile(r"^\S*(?:\d|://|www\.|\.[a-z]{2,}\b|@)\S*$")
_VOWELS = "aeiouyAEIOUY"


def _stretch(word: str) -> str:
    """Lengthen a word by about 40% by doubling its vowels (then its last letter)."""
    extra = math.ceil(len(word) * GROWTH)
    out = []
    for ch in word:
        out.append(ch)
        if extra and ch in _VOWELS:
            out.append(ch)
            extra -= 1
    result = "".join(out)
    if extra and result and result[-1].isalpha():
        result += result[-1] * extra
    return result


def pseudolocalise(text: str) -> str:
    words = []
    for token in re.split(r"(\s+)", text):
        if not token or token.isspace() or _KEEP.match(token):
            words.append(token)
        else:
            words.append(_stretch(token).translate(_ACCENTED))
    return "[" + "".join(words) + "]"
