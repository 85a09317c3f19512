"""Page trees built by hand for the renderer tests (no dependency on text/ or layout/).

`shape_run` shapes a string with uharfbuzz into a GlyphRun the way layout does
(glyphs in visual order, advances and offsets in pt, y_offset in page
coordinates: positive down, as text/setter.py writes it), and
`paragraph` breaks a string greedily into lines of runs. The sample pages use them.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import segno
import uharfbuzz as hb
from PIL import Image, ImageDraw

from campaign_studio.model.pagetree import (
    Color,
    Direction,
    Fill,
    FontRef,
    Glyph,
    GlyphRun,
    ImageItem,
    Page,
    QRCode,
    Rect,
    TextBlock,
    TextLine,
)
from campaign_studio.resources import fonts_dir

REGULAR = "NotoSans-Regular.ttf"
BOLD = "NotoSans-Bold.ttf"
ARABIC = "NotoSansArabic-Regular.ttf"

BLACK = Color(0, 0, 0)
WHITE = Color(255, 255, 255)
NAVY = Color.from_hex("#12355B")
ORANGE = Color.from_hex("#F28C28")
PALE = Color.from_hex("#EAF2F8")

DUTCH_HEADING = "Samen maken we zorg over de grens beter"
DUTCH_BODY = (
    "Een op de vijf inwoners van de grensregio zoekt zorg aan de andere kant van de grens. "
    "Vraag uw zorgverzekeraar wat er vergoed wordt voordat u gaat."
)
ARABIC_TEXT = "معًا نجعل الرعاية الصحية أفضل"
QR_DATA = "https://example.org/zorg-over-de-grens"


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is required for these tests (poppler-utils / zbar-tools)"
    return path


def run_tool(*args: str | Path) -> str:
    out = subprocess.run([tool(str(args[0])), *map(str, args[1:])], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


@cache
def _hb_font(path: str) -> tuple[hb.Font, int]:
    face = hb.Face(hb.Blob.from_file_path(path))
    return hb.Font(face), face.upem


def font_ref(name: str) -> FontRef:
    return FontRef(name.removesuffix(".ttf"), fonts_dir() / name)


def shape_run(
    text: str,
    *,
    font: str = REGULAR,
    size: float = 24.0,
    x: float = 0.0,
    y: float = 0.0,
    direction: Direction = "ltr",
    script: str = "Latn",
    language: str = "nl",
    color: Color = BLACK,
) -> GlyphRun:
    ref = font_ref(font)
    hbfont, upem = _hb_font(str(ref.path))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.direction = direction
    buf.script = script
    buf.language = language
    hb.shape(hbfont, buf, {})
    k = size / upem
    glyphs = tuple(
        Glyph(info.codepoint, info.cluster, pos.x_advance * k, pos.x_offset * k, -pos.y_offset * k)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
    )
    return GlyphRun(
        x=x,
        y=y,
        text=text,
        font=ref,
        size=size,
        direction=direction,
        script=script,
        language=language,
        width=sum(g.x_advance for g in glyphs),
        glyphs=glyphs,
        color=color,
    )


def moved(run: GlyphRun, x: float, y: float) -> GlyphRun:
    return GlyphRun(x, y, run.text, run.font, run.size, run.direction, run.script, run.language,
                    run.width, run.glyphs, run.color)


def paragraph(
    text: str,
    box: Rect,
    *,
    slot: str = "body",
    role: str = "paragraph",
    font: str = REGULAR,
    size: float = 24.0,
    leading: float = 1.3,
    color: Color = BLACK,
    language: str = "nl",
    align_right: bool = False,
    direction: Direction = "ltr",
    script: str = "Latn",
) -> TextBlock:
    """Greedy line breaking at spaces; one run per line (the run includes no trailing space)."""
    words = text.split(" ")
    line_texts: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if current and shape_run(trial, font=font, size=size).width > box.w:
            line_texts.append(current)
            current = word
        else:
            current = trial
    line_texts.append(current)
    ascent, descent = size * 1.069, size * 0.293
    lines = []
    baseline = box.y + ascent
    for lt in line_texts:
        run = shape_run(lt, font=font, size=size, direction=direction, script=script,
                        language=language, color=color)
        x = box.right - run.width if align_right else box.x
        run = moved(run, x, baseline)
        lines.append(TextLine((run,), baseline, x, run.width, ascent, descent))
        baseline += size * leading
    return TextBlock(slot, role, language, text, box, tuple(lines), size)


def block_of(runs: Sequence[GlyphRun], box: Rect, *, slot: str = "label", role: str = "label",
             language: str = "nl", text: str | None = None) -> TextBlock:
    """One line holding the given (already positioned) runs."""
    first = runs[0]
    left = min(r.x for r in runs)
    width = max(r.x + r.width for r in runs) - left
    line = TextLine(tuple(runs), first.y, left, width, first.size * 1.069, first.size * 0.293)
    return TextBlock(slot, role, language, text if text is not None else " ".join(r.text for r in runs),
                     box, (line,), first.size)


def qr_item(data: str, box: Rect, *, quiet: int = 4, dark: Color = NAVY, light: Color = WHITE) -> QRCode:
    code = segno.make(data, error="m", micro=False)
    modules = tuple(tuple(bool(v) for v in row) for row in code.matrix)
    return QRCode(box, modules, quiet, data, dark, light)


def write_logo(path: Path) -> Path:
    """A 200x100 RGBA logo: orange disc on transparency with an opaque navy bar."""
    im = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.ellipse((5, 5, 95, 95), fill=(*ORANGE.rgb, 255))
    d.rectangle((110, 30, 195, 70), fill=(*NAVY.rgb, 255))
    im.save(path)
    return path


# Geometry of the card, shared with the tests that look at pixels
CARD_W, CARD_H = 1080.0, 1350.0
BAND = Rect(0, 0, CARD_W, 180)  # touches three trim edges
PANEL = Rect(60, 760, 960, 260)
HEADING_BOX = Rect(60, 220, 960, 240)
BODY_BOX = Rect(60, 480, 960, 260)
ARABIC_BOX = Rect(100, 800, 880, 80)
QR_BOX = Rect(60, 1080, 37 * 6, 37 * 6)  # version 3 (29 modules) + 2x4 quiet: 6 pt per module


def card_page(logo: Path | None = None, *, bleed: float = 0.0) -> Page:
    heading = paragraph(DUTCH_HEADING, HEADING_BOX, slot="heading", role="heading", font=BOLD, size=72,
                        leading=1.15, color=NAVY)
    body = paragraph(DUTCH_BODY, BODY_BOX, size=34, color=BLACK)
    ar = shape_run(ARABIC_TEXT, font=ARABIC, size=44, direction="rtl", script="Arab", language="ar",
                   color=NAVY)
    ar = moved(ar, ARABIC_BOX.right - ar.width, ARABIC_BOX.y + 56)
    arabic = block_of([ar], ARABIC_BOX, slot="translation", role="paragraph", language="ar", text=ARABIC_TEXT)
    items: list = [
        Fill(BAND, NAVY),
        Fill(PANEL, PALE, radius=24),
        heading,
        body,
        arabic,
        qr_item(QR_DATA, QR_BOX),
    ]
    if logo is not None:
        items.append(ImageItem(Rect(760, 1180, 260, 130), logo, alt="Logo"))
    return Page(CARD_W, CARD_H, WHITE, tuple(items), language="nl", title="Zorg over de grens",
                bleed=bleed)


A3_W, A3_H = 841.89, 1190.55


def poster_page() -> Page:
    """An A3 poster: ten text blocks in two fonts, a full-bleed band, a QR code."""
    items: list = [Fill(Rect(0, 0, A3_W, 200), NAVY), Fill(Rect(0, A3_H - 60, A3_W, 60), ORANGE)]
    items.append(paragraph(DUTCH_HEADING, Rect(50, 40, 740, 150), slot="heading", role="heading",
                           font=BOLD, size=48, color=WHITE))
    y = 230.0
    for i in range(9):
        items.append(paragraph(f"{i + 1}. {DUTCH_BODY}", Rect(50, y, 740, 90), size=16))
        y += 90
    items.append(qr_item(QR_DATA, Rect(680, 1040, 111, 111)))
    return Page(A3_W, A3_H, WHITE, tuple(items), language="nl", title="Zorg over de grens (A3)",
                bleed=3 * 72 / 25.4)


FOOTNOTE = "Bron: Grensmonitor 2024, enquête onder 2.000 inwoners van de grensregio (2023)."


def benchmark_card(logo: Path | None = None) -> Page:
    """The social card with a two-line footnote: eight glyph runs, as in the benchmark target."""
    page = card_page(logo)
    note = paragraph(FOOTNOTE, Rect(300, 1100, 440, 60), slot="footnote", role="footnote", size=18)
    page = Page(page.width, page.height, page.background, (*page.items, note), page.language, page.title)
    assert sum(len(line.runs) for block in page.text_blocks() for line in block.lines) == 8
    return page
