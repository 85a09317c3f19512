"""Left-to-right pieces of right-to-left paragraphs, to be isolated (as LRI ... PDI).

Without isolation the bidi algorithm reorders what should read as written: the groups
of "14 0123" after an Arabic word come out "0123 14" (a space is neutral between two
numbers, so it takes the paragraph's direction), and the "+" of "LHBTIQ+" before a
closing bracket goes to the other side of the word. Isolated, each piece is laid out
left to right as a whole and the sentence around it stays right to left. The input
never needs control characters; the brackets around a piece stay in the sentence.
"""

from __future__ import annotations

import re

from campaign_studio.text.breaks import protected_spans

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# A Latin word: letters, digits and marks, joined by - ' ’ . & / when a letter or digit
# follows, with trailing symbols that belong to it ("LHBTIQ+", "C#", "Bureau®").
_WORD = rf"[{_LATIN}](?:[{_LATIN}0-9\u0300-\u036f]|[-'’.&/](?=[{_LATIN}0-9]))*[+#*®™°]*"
# Words in a row: separated by spaces, or by a Latin comma and a space ("Rutgers,
# Seksuele gezondheid"); numbers in front of a word ("113 Zelfmoordpreventie") and
# after the last one ("in Nederland 2017") belong to the run, as the bidi algorithm
# would give them to Latin text. Arabic punctuation ("،") ends a run: it belongs to
# the right-to-left sentence, and so do a colon ("Fier: chatmetfier.nl" is label and
# value of an Arabic list), brackets and a full stop.
_SPACE = "[ \u00a0]+"
_NUMBERS = rf"(?:[0-9]+{_SPACE})*"
_LATIN_RUN = re.compile(rf"{_NUMBERS}{_WORD}(?:,?{_SPACE}{_NUMBERS}{_WORD})*(?:{_SPACE}[0-9]+(?![0-9.,][0-9]))*")


def latin_runs(text: str) -> list[tuple[int, int]]:
    """Names, acronyms and phrases in Latin script, with their own symbols, not brackets."""
    return [m.span() for m in _LATIN_RUN.finditer(text)]


def ltr_spans(text: str, base: int) -> list[tuple[int, int]]:
    """Spans to isolate left to right in a paragraph of base level `base`: phone numbers,
    web and e-mail addresses always (they are never reordered inside), and in a right-to-
    left paragraph also the runs of Latin script. Sorted, not overlapping."""
    found = protected_spans(text)
    if base % 2 == 1:
        found += latin_runs(text)
    merged: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
