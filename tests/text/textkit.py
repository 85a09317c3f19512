"""Helpers shared by the text engine tests (a unique module name: tests/ has no packages)."""

from __future__ import annotations

from campaign_studio.model.pagetree import Color, Rect, TextLine
from campaign_studio.text import SetText, TextStyle

BLACK = Color(0, 0, 0)


def make_style(
    language: str = "nl", family: str = "Noto Sans", weight: str = "regular", size: float = 24, line_height: float = 1.4
) -> TextStyle:
    return TextStyle(family=family, weight=weight, size=size, line_height=line_height, color=BLACK, language=language)


def big_box(w: float = 2000) -> Rect:
    return Rect(0, 0, w, 5000)


def ltr_line_text(line: TextLine) -> str:
    """Logical text of a line whose runs are all left to right (visual = logical order)."""
    assert all(r.direction == "ltr" for r in line.runs)
    return "".join(r.text for r in line.runs)


def all_gids(st: SetText) -> list[int]:
    return [g.gid for line in st.lines for run in line.runs for g in run.glyphs]


def rejoin(lines: list[str], hyphens: str = "\u2010-") -> str:
    """Undo line breaking: a line ending in an inserted hyphen continues the word."""
    out = ""
    for line in lines:
        if line and line[-1] in hyphens and len(line) > 1 and line[-2].isalpha():
            out += line[:-1].rstrip("\u00ad")
        else:
            out += line + " "
    return out.strip()
