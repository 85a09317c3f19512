"""The public entry points: set text in a box, or find the largest size that fits.

Analysis (bidi, fallback, shaping, break opportunities) is done once per text and
style, in em; a size only scales it. Lines are broken on the logical text, then each
line's runs are put in visual order (UAX #9 L2) and positioned left to right.

Line spacing is the role's line height, but never less than METRIC_FILL of the fonts'
own line (ascender + descender + line gap) of the faces the block uses: Noto Sans
Arabic's line is 2.11 em against Noto Sans's 1.36 em, so Arabic needs more room than
a Latin headline's 1.12, while Latin keeps its designed rhythm (1.36 × 0.73 < 1.0).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from campaign_studio.model.pagetree import Color, Glyph, GlyphRun, Rect, TextLine
from campaign_studio.text import bidi
from campaign_studio.text.breaks import BREAK_SPACES
from campaign_studio.text.fonts import FontLibrary
from campaign_studio.text.linebreak import Breaking, Line, balanced, greedy, pretty
from campaign_studio.text.paragraph import Paragraph, span_languages
from campaign_studio.text.segment import Segment
from campaign_studio.text.shaping import Shaped

ALIGNS = ("start", "end", "center")
DIRECTIONS = ("auto", "ltr", "rtl")
SHRINK = 0.97  # fit_text steps down by 3 % per try
# Share of the fonts' line a line advance never goes under. From the ink of the shipped
# fonts: at 0.73 no glyph box of an Arabic line touches one of the next line over the
# whole template matrix (tests/layout/test_layout_typesetting.py), and the tightest
# Latin role (hero, 1.0) stays at its own line height.
METRIC_FILL = 0.73
_NEWLINES = str.maketrans({"\r": None, "\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\t": " "})


@dataclass(frozen=True)
class TextStyle:
    family: str
    weight: str  # "regular" | "bold"
    size: float  # pt (= px on social cards)
    line_height: float  # multiple of size
    color: Color
    language: str  # BCP 47
    # Opens the spacing of lines beyond what the role and the script's metrics give (layout's
    # last resort against a hole); multiplies the final step, so tall scripts open too.
    leading: float = 1.0


@dataclass(frozen=True)
class SetText:
    lines: tuple[TextLine, ...]  # absolute page coordinates, reading order
    width: float  # widest line
    height: float  # box top to the last line's descent
    size: float
    overfull: bool  # some unbreakable piece is wider than the box


@dataclass(frozen=True)
class FitResult:
    """Whether the text fits, and its setting. A setting that does not fit is made only when
    asked for: layout's search mostly learns that a text does not fit, and moves on."""

    fits: bool
    make: Callable[[], SetText] = field(repr=False, compare=False)

    @property
    def set(self) -> SetText:
        return self.make()


@dataclass(frozen=True, eq=False)
class _Block:
    paragraphs: tuple[Paragraph, ...]
    base: int  # paragraph embedding level, 0 ltr, 1 rtl
    ascent: float  # em, largest of the faces used, so all lines are evenly spaced
    descent: float
    line_gap: float

    def step(self, line_height: float, leading: float = 1.0) -> float:
        """Baseline to baseline in em: the role's line height, or more for tall scripts, opened by `leading`."""
        return max(line_height, METRIC_FILL * (self.ascent + self.descent + self.line_gap)) * leading


Spans = tuple[tuple[int, int, str], ...]  # (start, end, BCP 47) over the logical text


def _check_spans(text: str, spans: Spans) -> None:
    for a, b, lang in spans:
        if not (0 <= a < b <= len(text)) or not lang:
            raise ValueError(f"language span {(a, b, lang)!r} is not a non-empty stretch of the {len(text)} characters")


def _split(text: str, spans: Spans, language: str) -> list[tuple[str, Spans]]:
    """The paragraphs as Paragraph sees them (newlines normalised, break spaces stripped),
    each with the language spans moved to its own offsets."""
    strip = "".join(BREAK_SPACES)
    if not spans:
        return [(p.strip(strip), ()) for p in text.translate(_NEWLINES).split("\n")]
    chars: list[tuple[str, str]] = []  # (character, language) after normalising; "\r" is dropped
    for ch, lang in zip(text, span_languages(len(text), spans, language), strict=True):
        chars += [(c, lang) for c in ch.translate(_NEWLINES)]
    out: list[tuple[str, Spans]] = []
    start = 0
    for end in [i for i, (c, _) in enumerate(chars) if c == "\n"] + [len(chars)]:
        para = chars[start:end]
        start = end + 1
        lo, hi = 0, len(para)
        while lo < hi and para[lo][0] in strip:
            lo += 1
        while hi > lo and para[hi - 1][0] in strip:
            hi -= 1
        para = para[lo:hi]
        local: list[tuple[int, int, str]] = []
        for i, (_, lang) in enumerate(para):
            if not lang:
                continue
            if local and local[-1][1] == i and local[-1][2] == lang:
                local[-1] = (local[-1][0], i + 1, lang)
            else:
                local.append((i, i + 1, lang))
        out.append(("".join(c for c, _ in para), tuple(local)))
    return out


@lru_cache(maxsize=512)
def _analyse(text: str, family: str, weight: str, language: str, direction: str, fonts: FontLibrary,
             spans: Spans = ()) -> _Block:
    faces = fonts.faces(family, weight)
    flat = text.translate(_NEWLINES)
    base = (bidi.paragraph_level(flat) or 0) if direction == "auto" else int(direction == "rtl")
    paras = tuple(Paragraph(p, faces, family, language, base, local) for p, local in _split(text, spans, language))
    used = set().union(*(p.faces_used() for p in paras)) or {faces[0]}
    return _Block(paras, base, max(f.ascender for f in used), max(f.descender for f in used),
                  max(f.line_gap for f in used))


@lru_cache(maxsize=2048)
def _break(
    block: _Block, width: float, balance: bool, hyphenate: bool, split_long: bool = True, avoid_widows: bool = True
) -> tuple[tuple[int, Breaking], ...]:
    """Every paragraph broken. Ragged text then avoids a widow at the same line count, so
    the height (and hence fit_text's choice of size) does not change for it; balanced
    text is left as balanced (its lines are as even as they can be, and a long last
    word there is no widow)."""
    if balance:
        return tuple((k, balanced(p, width, hyphenate, split_long)) for k, p in enumerate(block.paragraphs))
    out = []
    for k, p in enumerate(block.paragraphs):
        br = greedy(p, width, hyphenate, split_long)
        out.append((k, pretty(p, width, br) if avoid_widows else br))
    return tuple(out)


def _check(align: str, direction: str) -> None:
    if align not in ALIGNS:
        raise ValueError(f"align must be one of {ALIGNS}, not {align!r}")
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")


def _height(lines: int, size: float, style: TextStyle, block: _Block) -> float:
    if lines == 0:
        return 0.0
    return (block.ascent + (lines - 1) * block.step(style.line_height, style.leading) + block.descent) * size


def _runs(para: Paragraph, line: Line) -> list[tuple[Segment, list[tuple[str, Shaped]]]]:
    """The line's pieces grouped into runs (one segment each), in logical order."""
    groups: list[tuple[Segment, list[tuple[str, Shaped]]]] = []
    pieces = [(para.text[a:b], seg) for a, b, seg in para.pieces(line.start, line.stop)]
    if line.hyphen:
        ch, seg, _ = para.hyphen(line.stop)
        pieces.append((ch, seg))
    for text, seg in pieces:
        if groups and groups[-1][0] is seg:
            groups[-1][1].append((text, para.shaped(text, seg)))
        else:
            groups.append((seg, [(text, para.shaped(text, seg))]))
    return groups


def _glyph_run(seg: Segment, pieces: list[tuple[str, Shaped]], x: float, y: float, size: float, style: TextStyle) -> GlyphRun:
    offsets, total = [], 0
    for text, _ in pieces:
        offsets.append(total)
        total += len(text)
    order = range(len(pieces) - 1, -1, -1) if seg.rtl else range(len(pieces))
    glyphs = []
    for k in order:  # each piece is already in visual order; rtl pieces go right to left
        sh = pieces[k][1]
        for g, c, a, xo, yo in zip(sh.gids, sh.clusters, sh.advances, sh.x_offsets, sh.y_offsets, strict=True):
            # y offset converted to the page's downward y axis.
            glyphs.append(Glyph(g, c + offsets[k], a * size, xo * size, -yo * size))
    return GlyphRun(
        x=x,
        y=y,
        text="".join(t for t, _ in pieces),
        font=seg.face.ref,
        size=size,
        direction="rtl" if seg.rtl else "ltr",
        script=seg.script,
        language=seg.language or style.language,
        width=sum(g.x_advance for g in glyphs),
        glyphs=tuple(glyphs),
        color=style.color,
    )


def _build(
    block: _Block, breaking: tuple[tuple[int, Breaking], ...], style: TextStyle, box: Rect, size: float, align: str
) -> SetText:
    ascent, descent = block.ascent * size, block.descent * size
    step = block.step(style.line_height, style.leading) * size
    rtl = block.base == 1
    out: list[TextLine] = []
    for k, br in breaking:
        para = block.paragraphs[k]
        for line in br.lines:
            baseline = box.y + ascent + len(out) * step
            groups = [g for g in _runs(para, line) if any(sh.gids for _, sh in g[1])]
            width = sum(sh.width for _, pieces in groups for _, sh in pieces) * size
            if align == "center":
                left = box.x + (box.w - width) / 2
            elif (align == "start") != rtl:
                left = box.x
            else:
                left = box.right - width
            x = left
            runs = []
            for i in bidi.visual_order([g[0].level for g in groups]):
                run = _glyph_run(groups[i][0], groups[i][1], x, baseline, size, style)
                runs.append(run)
                x += run.width
            out.append(TextLine(tuple(runs), baseline, left, x - left, ascent, descent))
    return SetText(
        lines=tuple(out),
        width=max((ln.width for ln in out), default=0.0),
        height=_height(len(out), size, style, block),
        size=size,
        overfull=any(br.overfull for _, br in breaking),
    )


def set_text(
    text: str,
    style: TextStyle,
    box: Rect,
    *,
    align: str = "start",
    direction: str = "auto",
    balance: bool = False,
    hyphenate: bool = True,
    avoid_widows: bool = True,
    spans: Spans = (),
    fonts: FontLibrary | None = None,
) -> SetText:
    """Break and position `text` top-aligned in `box` at style.size.

    The first baseline is at box.y + ascent, the next ones every line_height * size
    (more for scripts whose fonts need it, see METRIC_FILL). "start" is the left edge for
    left-to-right paragraphs, the right edge otherwise. avoid_widows re-breaks a paragraph
    that would end with one word alone, keeping its number of lines. `spans` (start,
    end, BCP 47) mark stretches of `text` in another language than style.language:
    their glyph runs carry that language, and they are shaped and hyphenated in it.
    """
    _check(align, direction)
    _check_spans(text, spans)
    lib = fonts or FontLibrary.default()
    block = _analyse(text, style.family, style.weight, style.language, direction, lib, spans)
    breaking = _break(block, box.w / style.size, balance, hyphenate, avoid_widows=avoid_widows)
    return _build(block, breaking, style, box, style.size, align)


def _sizes(size: float, min_size: float) -> list[float]:
    sizes = []
    s = size
    while s > min_size + 1e-6:
        sizes.append(round(s, 2))
        s *= SHRINK
    sizes.append(min(min_size, size))
    return sizes


def fit_text(
    text: str,
    style: TextStyle,
    box: Rect,
    *,
    min_size: float,
    align: str = "start",
    direction: str = "auto",
    balance: bool = False,
    hyphenate: bool = True,
    max_lines: int | None = None,
    avoid_widows: bool = True,
    spans: Spans = (),
    fonts: FontLibrary | None = None,
) -> FitResult:
    """The largest size from style.size down to min_size (3 % steps) at which the text
    fits the box (height, width, max_lines); else the min_size setting with fits=False.

    Sizes at which a word must be hyphenated because it is wider than the box are
    tried only after every size without such a split failed. `spans` as in set_text.
    """
    _check(align, direction)
    _check_spans(text, spans)
    if min_size <= 0:
        raise ValueError(f"min_size must be positive, not {min_size}")
    lib = fonts or FontLibrary.default()
    block = _analyse(text, style.family, style.weight, style.language, direction, lib, spans)
    breaking: tuple[tuple[int, Breaking], ...] = ()
    size = min_size
    # First shrink rather than split a word too wide for a line by itself; only if no
    # size fits that way are such words hyphenated (a split headline word reads badly).
    for split_long in (False, True) if hyphenate else (False,):
        for size in _sizes(style.size, min_size):
            breaking = _break(block, box.w / size, balance, hyphenate, split_long, avoid_widows)
            count = sum(len(br.lines) for _, br in breaking)
            fits = (
                not any(br.overfull for _, br in breaking)
                and _height(count, size, style, block) <= box.h + 1e-6
                and (max_lines is None or count <= max_lines)
            )
            if fits:
                done = _built(block, size, balance, hyphenate, split_long, avoid_widows, style, box.x, box.y, box.w,
                              align)
                return FitResult(True, functools.partial(_same, done))
    return FitResult(False, functools.cache(functools.partial(_build, block, breaking, style, box, size, align)))


def _same(setting: SetText) -> SetText:
    return setting


@lru_cache(maxsize=4096)
def _built(block: _Block, size: float, balance: bool, hyphenate: bool, split_long: bool, avoid_widows: bool,
           style: TextStyle, x: float, y: float, w: float, align: str) -> SetText:
    # Layout's search fits the same text at the same width many times (scales, arrangements,
    # optional slots); only the box height differs, and placing lines never reads it.
    breaking = _break(block, w / size, balance, hyphenate, split_long, avoid_widows)
    return _build(block, breaking, style, Rect(x, y, w, 0.0), size, align)
