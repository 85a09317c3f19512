"""A short alternative text for designs without a chart: headline, figure and helpline in a sentence.

Charts write their own alternative text (layout/charts.py); this covers every other design
so that each image carries one (PNG metadata, the NAME.alt.txt sidecar). It is built from
the texts the page already shows in its language, so it needs no translation of its own:
the headline, each figure with the label that follows it, and the first contact line.
"""

from __future__ import annotations

import re

from campaign_studio.model.pagetree import Page, TextBlock

SHORT_MAX = 150


_ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f*"))  # bidi isolates, footnote marks
_LIST_COMMA = {"ar": "، ", "fa": "، "}
_ENDS_SENTENCE = ".?!؟。።"


def _clean(text: str) -> str:
    # footnote markers, direction marks and line breaks are layout, not content
    return re.sub(r"\s+", " ", text.translate(_ISOLATES)).strip(" :;,")


def _helpline(blocks: list[TextBlock]) -> str:
    number = next((b for b in blocks if b.slot == "help"), None) or next((b for b in blocks if b.role == "contact"), None)
    if number is None:
        return ""
    named = [b for b in blocks if b.slot in ("help-details", "help-name") and b is not number]
    name = min(named, key=lambda b: b.slot) if named else None  # help-details before help-name (set in capitals)
    first = _clean(number.text.splitlines()[0])
    return f"{_clean(name.text.splitlines()[0])}: {first}" if name else first


def _parts(blocks: list[TextBlock], language: str) -> list[str]:
    parts: list[str] = []
    heading = next((b for b in blocks if b.role == "heading"), None)
    if heading:
        parts.append(_clean(heading.text))
    figures: list[str] = []
    for i, block in enumerate(blocks):
        if block.role != "figure":
            continue
        label = blocks[i + 1] if i + 1 < len(blocks) and blocks[i + 1].role == "label" else None
        figures.append(_clean(block.text + (" " + label.text if label else "")))
    if figures:
        parts.append(_LIST_COMMA.get(language, ", ").join(figures))
    parts.append(_helpline(blocks))
    return [p for p in parts if p]


def _sentences(parts: list[str]) -> str:
    return " ".join(p if p[-1] in _ENDS_SENTENCE else p + "." for p in parts)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.:;")
    return cut + "…"


def describe(page: Page) -> str:
    """One sentence per part, at most SHORT_MAX characters (cut at a word with an ellipsis)."""
    return _shorten(_sentences(_parts(page.text_blocks(), page.language.split("-")[0])), SHORT_MAX)
