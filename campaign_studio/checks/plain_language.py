"""CS108: Dutch and English texts against the B1 guideline, by a deliberately simple heuristic (warnings).

B1 ("taalniveau B1", the level Dutch government texts are written at) asks for short
sentences, common words and the active voice. Measuring "common" needs a word-frequency
list we do not ship, so we use what can be counted:
- a sentence of more than 20 words (B1 guidance: on average 15, rarely more than 20);
- a word of more than 15 letters in Dutch (compounds) or 13 in English (about five
  syllables or more), ignoring names (capitalised inside a sentence), numbers and addresses;
- the passive voice: Dutch 'worden/wordt/werd/werden' with a past participle (ge…d/t/en),
  English 'be/is/are/was/were/been/being' followed by a participle (…ed, or a common
  irregular one). Cheap, and it misses some passives and flags a few adjectives; warnings only.
Footnotes (definitions, sources) and contact details are quoted, not written by us: skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from campaign_studio.checks.registry import CheckContext, Finding, rule
from campaign_studio.model.pagetree import Page

MAX_WORDS = 20
LONG_WORD = {"nl": 15, "en": 13}
CHECKED_ROLES = {"heading", "paragraph", "label"}  # lists are names of organisations
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_EN_IRREGULAR = ("done|seen|given|taken|made|known|shown|told|found|held|kept|left|meant|paid|said|sent|hurt|"
                 "forced|abused|raped|hit|beaten|caught|forgotten|written|spoken|driven|chosen|stolen")
_PASSIVE = {
    "nl": re.compile(r"\b(wordt|worden|werd|werden)\b.*\bge\w{2,}(d|t|en)\b", re.IGNORECASE),
    "en": re.compile(rf"\b(be|is|are|was|were|been|being)\s+(\w+ed|{_EN_IRREGULAR})\b", re.IGNORECASE),
}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _long_words(sentence: str, limit: int) -> list[str]:
    words = []
    for i, m in enumerate(_WORD.finditer(sentence)):
        word = m.group()
        if len(word) <= limit or (i > 0 and word[0].isupper()):
            continue
        words.append(word)
    return words


def b1_problems(text: str, language: str) -> list[str]:
    base = language.split("-")[0]
    if base not in LONG_WORD:
        return []
    problems: list[str] = []
    for sentence in sentences(text):
        clean = re.sub(r"\S*[@/]\S*|\S+\.(nl|com|org)\b", "", sentence)
        count = len(_WORD.findall(clean))
        if count > MAX_WORDS:
            problems.append(f"a sentence of {count} words (B1: at most {MAX_WORDS}): {sentence[:50]!r}…")
        for word in _long_words(clean, LONG_WORD[base]):
            problems.append(f"long word {word!r} ({len(word)} letters)")
        if _PASSIVE[base].search(clean):
            problems.append(f"passive voice: {sentence[:50]!r}")
    return problems


@rule("CS108", "plain-language", "WCAG 2.1 SC 3.1.5 (AAA), Dutch government B1 guideline",
      "write shorter sentences, shorter or more common words, and the active voice")
def plain_language(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    for block in page.text_blocks():
        if block.role not in CHECKED_ROLES:
            continue
        problems = b1_problems(block.text, block.language)
        if problems:
            yield Finding("above B1: " + "; ".join(problems[:3]) + (" …" if len(problems) > 3 else ""),
                          block.slot, severity="warning")
