"""Page tree → PDF with ReportLab (screen PDFs, and print PDFs via pdf_print).

Text is drawn as the glyphs layout shaped, not re-shaped: every GlyphRun becomes a
text object showing its glyph ids (through ReportLab's TrueType subsets, see
pdf_fonts) at its HarfBuzz advances and offsets. Glyphs are in visual order
already, so right-to-left runs need no bidi pass here (and no ``rlbidi``): Arabic
comes out joined and in the right order because HarfBuzz chose the contextual forms
and the order. Glyph.y_offset is in page coordinates (positive is down, as text/
writes it), so it becomes a negative text rise.

Every PDF is tagged to PDF/UA-1 (pdf_tags builds the structure tree afterwards with
pikepdf). While drawing, each line of text is one marked-content sequence (an MCID
of its block's H1/H2/P element, or of a list item) carrying the line's logical text
as /ActualText (pdf_text), so copy, search and ``pdftotext`` give the text in
logical order instead of presentation forms and private-use code points; lines with
right-to-left runs or runs in another language get a sequence per run and per
right-to-left glyph instead (pdf_text.cluster_texts says why), never one inside
another, listed by the element in logical order; every text element also carries
its block's logical text. Logos and QR codes, and chart or icon groups with
alternative text, are Figures with /Alt; backgrounds, panels, bars, decoration and
crop marks are /Artifact.

Print PDFs (``print_ready=True``) use CMYK (colour.py) for every colour and
image, have bleed, crop marks, TrimBox/BleedBox, and identify as PDF/X-4 with a
FOGRA39 output intent. ReportLab runs in invariant mode and no clock is read, so
identical input gives identical bytes.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFCatalog
from reportlab.pdfgen.canvas import Canvas

from campaign_studio.content.languages import language_info
from campaign_studio.content.logos import Logo, logo_info
from campaign_studio.model.pagetree import (
    Color,
    Document,
    FigureGroup,
    Fill,
    GlyphRun,
    ImageItem,
    Page,
    PathItem,
    QRCode,
    Rect,
    TextBlock,
)
from campaign_studio.render import pdf_meta, pdf_tags, vector_logo
from campaign_studio.render.base import Renderer
from campaign_studio.render.colour import image_to_cmyk, to_cmyk
from campaign_studio.render.images import is_opaque, load_rgba
from campaign_studio.render.pdf_fonts import glyph_codes, glyph_width, registered_font
from campaign_studio.render.pdf_print import PDFX_VERSION, PrintGeometry, output_intents
from campaign_studio.render.pdf_tags import StructNode, StructRecorder
from campaign_studio.render.pdf_text import LineText, cluster_texts, line_texts, run_actual_text
from campaign_studio.resources import fonts_dir

#: images are stored at no more than this resolution (downsampled with LANCZOS above 1.5x)
MAX_IMAGE_PPI = 300.0
_KAPPA = 0.5522847498  # Bézier circle approximation
#: ends a line's /ActualText where hyphenation added the drawn hyphen (U+2010). Hyphen-minus, not
#: the soft hyphen ISO 32000-1 suggests: poppler (pdftotext, evince copy) joins a line that ends in
#: U+002D to the next and drops it ("maatschap-" + "pelijke" → "maatschappelijke"), but keeps
#: U+00AD and the line break. The structure element's /ActualText has the word whole.
HYPHEN_BREAK = "-"


def _line_actual_text(logical: LineText) -> str:
    """A left-to-right line's /ActualText. A line that ends in the word's own hyphen ("niet-" before
    "fysieke") gets a space after it: poppler would take a final hyphen-minus for a hyphenation break
    and drop it; a copied word keeps its hyphen, and the line break stays a break."""
    if logical.hyphenated:
        return logical.text + HYPHEN_BREAK
    return logical.text + " " if logical.text.endswith(HARD_HYPHEN_END) else logical.text


#: a line ending in one of these ends in a word's own hyphen (not one hyphenation added)
HARD_HYPHEN_END = ("-", "\u2010")


def _num(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _hex_text(text: str) -> str:
    """A PDF text string in UTF-16BE with BOM, as a hex string."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _first_font_path(page: Page) -> Path:
    """The font of the first run (the canvas needs an embedded initial font, never Helvetica)."""
    for block in page.text_blocks():
        for line in block.lines:
            for run in line.runs:
                return run.font.path
    return fonts_dir() / "NotoSans-Regular.ttf"


class _CMYKAlphaReader(ImageReader):
    """An ImageReader for a CMYK image with a separate alpha (soft mask)."""

    def __init__(self, cmyk: Image.Image, alpha: Image.Image | None) -> None:
        super().__init__(cmyk)
        self._cs_alpha = alpha

    def getRGBData(self) -> bytes:
        data = super().getRGBData()
        self._dataA = ImageReader(self._cs_alpha) if self._cs_alpha is not None else None
        return data


class PdfRenderer(Renderer[bytes]):
    def __init__(self, page: Page, *, print_ready: bool = False, title: str | None = None) -> None:
        super().__init__(page)
        self.first = page  # its metadata and language are the document's
        self.title = page.title if title is None else title
        self.print_ready = print_ready
        self.geometry = PrintGeometry.for_page(page) if print_ready else None
        if self.geometry is not None:
            self.offset = self.geometry.margin
            media = self.geometry.media_size
        else:
            self.offset = 0.0
            media = (page.width, page.height)
        self._out = io.BytesIO()
        initial = registered_font(_first_font_path(page))
        self.canvas = Canvas(
            self._out,
            pagesize=media,
            invariant=1,
            pageCompression=1,
            initialFontName=initial.fontName,
            lang=page.language,
            pdfVersion=(1, 6) if print_ready else (1, 5),
            enforceColorSpace="cmyk" if print_ready else None,
        )
        self.tags = StructRecorder()
        self._quiet = 0  # > 0 inside a figure or artifact group: items get no tags of their own
        self._groups: list[str] = []
        # the open chart group tagged as a Table, its element and its cells by text block (_begin_table)
        self._table: tuple[FigureGroup, StructNode, dict[int, tuple[int, str, str, int]]] | None = None
        self._had_h1 = False
        self._line_ops: dict[int, tuple[str, str]] = {}
        self._clusters: dict[int, dict[int, str]] = {}  # right-to-left runs: the span opened before each glyph
        self._contents: list[str] = []  # each finished page's content stream
        self._page_refs: list[Any] = []
        c = self.canvas
        c.setTitle(self.title)
        c.setViewerPreference("DisplayDocTitle", "true")
        if self.geometry is not None:
            c.setTrimBox(self.geometry.trim_box)
            c.setBleedBox(self.geometry.bleed_box)

    # -- helpers --------------------------------------------------------------
    def _x(self, x: float) -> float:
        return self.offset + x

    def _y(self, y: float) -> float:
        """PDF y (up, from the media bottom) of page y (down, from the trim top)."""
        return self.offset + self.page.height - y

    def _fill_colour(self, color: Color, *, small: bool = False) -> str:
        if self.print_ready:
            c, m, y, k = to_cmyk(color, prefer_k=small)
            return f"{_num(c)} {_num(m)} {_num(y)} {_num(k)} k"
        return f"{_num(color.r / 255)} {_num(color.g / 255)} {_num(color.b / 255)} rg"

    def _rect_path(self, box: Rect) -> str:
        return f"{_num(self._x(box.x))} {_num(self._y(box.bottom))} {_num(box.w)} {_num(box.h)} re"

    def _rounded_path(self, box: Rect, r: float) -> str:
        r = min(r, box.w / 2, box.h / 2)
        x0, y0 = self._x(box.x), self._y(box.bottom)
        x1, y1 = x0 + box.w, y0 + box.h
        k = r * _KAPPA
        n = _num
        return " ".join(
            [
                f"{n(x0 + r)} {n(y0)} m",
                f"{n(x1 - r)} {n(y0)} l",
                f"{n(x1 - r + k)} {n(y0)} {n(x1)} {n(y0 + r - k)} {n(x1)} {n(y0 + r)} c",
                f"{n(x1)} {n(y1 - r)} l",
                f"{n(x1)} {n(y1 - r + k)} {n(x1 - r + k)} {n(y1)} {n(x1 - r)} {n(y1)} c",
                f"{n(x0 + r)} {n(y1)} l",
                f"{n(x0 + r - k)} {n(y1)} {n(x0)} {n(y1 - r + k)} {n(x0)} {n(y1 - r)} c",
                f"{n(x0)} {n(y0 + r)} l",
                f"{n(x0)} {n(y0 + r - k)} {n(x0 + r - k)} {n(y0)} {n(x0 + r)} {n(y0)} c",
                "h",
            ]
        )

    def _emit(self, ops: str) -> None:
        self.canvas.addLiteral(ops)

    # -- primitives -----------------------------------------------------------
    def draw_background(self, color: Color) -> None:
        if self.geometry is not None:
            self._emit(self.geometry.clip_ops())  # closed in finish()
            box = self._rect_path(self.geometry.background_box())
        else:
            box = f"0 0 {_num(self.page.width)} {_num(self.page.height)} re"
        self._artifact(f"{self._fill_colour(color)} {box} f")

    def draw_fill(self, fill: Fill) -> None:
        box = self.geometry.extend_to_bleed(fill.box) if self.geometry is not None else fill.box
        if box.w <= 0 or box.h <= 0:
            return
        path = self._rounded_path(box, fill.radius) if fill.radius > 0 else self._rect_path(box)
        # a bar or panel states nothing the text next to it does not: layout artifact
        self._artifact(f"{self._fill_colour(fill.color)} {path} f")

    def draw_path(self, path: PathItem) -> None:
        ops = []
        for op, c in path.ops:
            if op == "Z":
                ops.append("h")
                continue
            pts = " ".join(f"{_num(self._x(x))} {_num(self._y(y))}" for x, y in zip(c[0::2], c[1::2], strict=True))
            ops.append(f"{pts} {op.lower()}")
        geometry = " ".join(ops)
        out = []
        if path.fill is not None:
            paint = "f*" if path.fill_rule == "evenodd" else "f"
            out.append(f"{self._fill_colour(path.fill)} {geometry} {paint}")
        if path.stroke is not None and path.stroke_width > 0:
            # round joins and caps: what the raster renderer's stroke draws
            out.append(f"q {self._stroke_colour(path.stroke)} {_num(path.stroke_width)} w 1 j 1 J {geometry} S Q")
        if not out:
            return
        # outside a figure group a path is a figure only when it says what it shows
        alt = getattr(path, "alt", "")
        if path.role != "decoration" and alt:
            self._figure("\n".join(out), alt, path.box)
        else:
            self._artifact("\n".join(out))

    def _stroke_colour(self, color: Color) -> str:
        values, op = self._fill_colour(color).rsplit(" ", 1)
        return f"{values} {op.upper()}"  # "rg" -> "RG", "k" -> "K"

    # -- tagging --------------------------------------------------------------
    def _artifact(self, ops: str, kind: str = "Layout") -> None:
        """Content that is not part of the text a reader hears: decoration, panels, marks."""
        if self._quiet:
            self._emit(ops)
        else:
            self._emit(f"/Artifact <</Type /{kind}>> BDC\n{ops}\nEMC")

    def _figure(self, ops: str, alt: str, box: Rect) -> None:
        if self._quiet:
            self._emit(ops)
            return
        mcid = self.tags.mcid()
        self.tags.add(StructNode("Figure", [mcid], alt=alt, bbox=self._pdf_box(box)))
        self._emit(f"/Figure <</MCID {mcid}>> BDC\n{ops}\nEMC")

    def _pdf_box(self, box: Rect) -> tuple[float, float, float, float]:
        return (self._x(box.x), self._y(box.bottom), self._x(box.right), self._y(box.y))

    def begin_group(self, group: FigureGroup) -> None:
        """A chart or icon with alternative text is one Figure; decoration one artifact.

        The items inside are drawn within that one marked-content sequence (their text
        still carries /ActualText for copying, but no tags of its own). A chart or icon
        without alternative text stays open: its items are tagged one by one.
        """
        if self._quiet:
            self._groups.append("")
            return
        if group.table and group.role == "chart":
            self._begin_table(group)
            self._groups.append("")
            return
        if group.role == "decoration":
            self._emit("/Artifact <</Type /Layout>> BDC")
            self._groups.append("EMC")
        elif group.alt:
            mcid = self.tags.mcid()
            node = StructNode("Figure", [mcid], alt=group.alt, bbox=self._pdf_box(group.box))
            if group.language and group.language != self.first.language:
                node.lang = group.language
            self.tags.add(node)
            self._emit(f"/Figure <</MCID {mcid}>> BDC")
            self._groups.append("EMC")
        else:
            self._groups.append("")
            return
        self._quiet += 1

    def end_group(self, group: FigureGroup) -> None:
        close = self._groups.pop()
        if close:
            self._quiet -= 1
            self._emit(close)
        if self._table is not None and self._table[0] is group:
            self._table = None

    def _begin_table(self, group: FigureGroup) -> None:
        """A chart whose labels are its data (FigureGroup.table): one Table element of those
        visible texts, each cell a TH or TD with its block's MCIDs; its bars are artifacts (every
        value they show is written in a cell). No /Summary: poppler prints a table attribute's
        text as raw UTF-16, and the cells say it all."""
        node = StructNode("Table")
        if group.language and group.language != self.page.language:
            node.lang = group.language
        self.tags.add(node)
        blocks = [i for i in group.items if isinstance(i, TextBlock)]
        cells: dict[int, tuple[int, str, str, int]] = {}
        for r, row in enumerate(group.table):
            for index, kind, span in row:
                scope = "Column" if r == 0 else "Row" if kind == "TH" else ""
                cells[id(blocks[index])] = (r, kind, scope, span)
        node.rows = [[] for _ in group.table]
        self._table = (group, node, cells)

    def _table_cell(self, block: TextBlock, node: StructNode) -> bool:
        """Move a text block's element into the open table's cell, if it is one of its cells."""
        if self._table is None:
            return False
        _, table, cells = self._table
        cell = cells.get(id(block))
        if cell is None:
            return False
        row, kind, scope, span = cell
        node.kind = kind
        self.tags.nodes.remove(node)
        table.rows[row].append((node, scope, span))
        return True

    def begin_text_block(self, block: TextBlock) -> None:
        """Record the block's structure element and plan the marked content of its lines.

        Every sequence is at the top level, none inside another, and each has its own
        MCID of the element (a list item's body for lists): poppler's structure reader
        stops collecting an MCID's text at the end of any sequence nested in it, so a
        line with spans inside its sequence read as its first span only. The element
        lists its MCIDs in logical order, which for right-to-left runs is not the order
        in which they are drawn.
        """
        kind = self._text_kind(block)
        node: StructNode | None = None
        if kind is not None:
            lang = block.language if block.language != self.first.language else ""
            node = self.tags.add(StructNode(kind, lang=lang, text="" if kind == "L" else block.text))
        self._line_ops = {}
        items = _ListItems(block.text) if node is not None and kind == "L" else None
        for line, logical in zip(block.lines, line_texts(block), strict=True):
            drawn = [r for r in line.runs if r.glyphs]
            if not drawn:
                continue
            in_order = [line.runs[i] for i in logical.order if line.runs[i].glyphs]
            mcids = self._plan_line(logical, block, drawn, in_order, node is not None)
            if node is not None:
                node.mcids += mcids
                if items is not None:
                    items.add(logical.text, mcids)
        if items is not None and node is not None:
            node.items = items.done()
        if node is not None and not node.mcids:  # nothing drawn: no empty element
            self.tags.nodes.remove(node)
        elif node is not None:
            self._table_cell(block, node)

    def _text_kind(self, block: TextBlock) -> str | None:
        if self._quiet:
            return None
        if block.role == "heading":
            first = not self._had_h1
            self._had_h1 = True
            return "H1" if first else "H2"
        if block.role == "list":
            return "L"
        return "P"

    def _plan_line(
        self, logical: LineText, block: TextBlock, drawn: list[GlyphRun], runs: list[GlyphRun], tagged: bool
    ) -> list[int]:
        """Marked content around the runs of one line (`drawn` in drawing, `runs` in logical order); its MCIDs.

        A left-to-right line in one language is one span with its logical text. A line
        with right-to-left runs, or runs in several languages, gets a span per run
        (right-to-left runs: per glyph, see pdf_text.cluster_texts), each its own
        top-level sequence; the line's logical text is then on the structure element.
        """
        mcids: list[int] = []

        def span(props: str) -> str:
            if tagged:
                mcids.append(self.tags.mcid())
                props = f"/MCID {mcids[-1]} {props}"
            return f"/Span <<{props}>> BDC"  # poppler reads /ActualText on /Span sequences only

        langs = {r.language or block.language for r in runs}
        first, last = id(drawn[0]), id(drawn[-1])
        if len(langs) == 1 and all(r.direction == "ltr" for r in runs):
            lang = langs.pop()
            props = f"/ActualText {_hex_text(_line_actual_text(logical))}"
            if lang != block.language:
                props = f"/Lang {_hex_text(lang)} {props}"
            self._line_ops[first] = (span(props), "EMC" if first == last else "")
            if first != last:
                self._line_ops[last] = ("", "EMC")
            return mcids
        rtl = _is_rtl(block.language)
        for run in runs:
            lang = ""
            if run.language and run.language != block.language:
                lang = f"/Lang {_hex_text(run.language)} "
            if run.direction == "rtl":
                texts = cluster_texts(run, rtl)
                glyphs = run.glyphs
                # logical order: clusters by their place in the text, the glyph that carries the text first
                reading = sorted(texts, key=lambda i: (glyphs[i].cluster, texts[i] == "", i))
                self._clusters[id(run)] = {i: span(f"{lang}/ActualText {_hex_text(texts[i])}") for i in reading}
            else:
                self._line_ops[id(run)] = (span(f"{lang}/ActualText {_hex_text(run_actual_text(run, rtl))}"), "EMC")
        return mcids

    def end_text_block(self, block: TextBlock) -> None:
        self._line_ops = {}
        self._clusters = {}

    def draw_glyph_run(self, run: GlyphRun, block: TextBlock) -> None:
        if not run.glyphs:
            return
        before, after = self._line_ops.get(id(run), ("", ""))
        font = registered_font(run.font.path)
        codes = glyph_codes(font, [g.gid for g in run.glyphs])
        doc = self.canvas._doc
        size = run.size
        # which subset (and byte in it) shows each glyph
        placed: list[tuple[int, int]] = []
        for subset, data in font.splitString("".join(map(chr, codes)), doc):
            placed.extend((subset, byte) for byte in data)
        ops = [before] if before else []
        ops += [self._fill_colour(run.color, small=True), "BT"]
        ops.append(f"{_num(self._x(run.x))} {_num(self._y(run.y))} Td")
        pen = 0.0  # the current glyph's origin, pt from the run start
        cur = 0.0  # where the PDF text position is
        rise = 0.0
        subset_now = -1
        tj: list[str] = []

        def flush() -> None:
            if tj:
                ops.append("[" + " ".join(tj) + "] TJ")
                tj.clear()

        spans = self._clusters.get(id(run))
        for i, glyph in enumerate(run.glyphs):
            if spans is not None and i in spans:
                flush()
                if i > 0:
                    ops.append("EMC")
                ops.append(spans[i])
            subset, byte = placed[i]
            if subset != subset_now:
                flush()
                ops.append(f"{font.getSubsetInternalName(subset, doc)} {_num(size)} Tf")
                subset_now = subset
            if -glyph.y_offset != rise:  # page y grows down, the PDF text rise up
                flush()
                rise = -glyph.y_offset
                ops.append(f"{_num(rise)} Ts")
            # move from where the PDF put us to where HarfBuzz put the glyph (TJ: 1/1000 em, minus
            # moves right); track the written, rounded value so rounding never accumulates
            adjust = _num((cur - (pen + glyph.x_offset)) * 1000.0 / size)
            if adjust != "0":
                tj.append(adjust)
                cur -= float(adjust) * size / 1000.0
            tj.append(f"<{byte:02X}>")
            cur += glyph_width(font, codes[i]) * size / 1000.0
            pen += glyph.x_advance
        flush()
        if spans is not None:
            ops.append("EMC")
        if rise:
            ops.append("0 Ts")
        ops.append("ET")
        if after:
            ops.append(after)
        self._emit("\n".join(ops))

    def draw_qr(self, qr: QRCode) -> None:
        ops = [f"{self._fill_colour(qr.light)} {self._rect_path(qr.box)} f"]
        n = len(qr.modules)
        total = n + 2 * qr.quiet_zone
        module = min(qr.box.w, qr.box.h) / total
        left = qr.box.x + (qr.box.w - module * total) / 2 + module * qr.quiet_zone
        top = qr.box.y + (qr.box.h - module * total) / 2 + module * qr.quiet_zone
        rects: list[str] = []
        for r, row in enumerate(qr.modules):
            c = 0
            while c < n:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < n and row[c]:
                    c += 1
                x = self._x(left + start * module)
                y = self._y(top + (r + 1) * module)
                rects.append(f"{_num(x)} {_num(y)} {_num((c - start) * module)} {_num(module)} re")
        if rects:
            # one path, one fill: no hairline seams between abutting module rectangles
            ops.append(self._fill_colour(qr.dark, small=True) + "\n" + "\n".join(rects) + "\nf")
        # the address itself is the alternative text: what the code leads to, in any language
        self._figure("\n".join(ops), qr_alt(qr), qr.box)

    def draw_image(self, item: ImageItem) -> None:
        box = item.box
        if box.w <= 0 or box.h <= 0:
            return
        logo = logo_info(item.path)
        decorative = not item.alt or item.role == "decoration"
        if not self._quiet:
            if decorative:
                self._emit("/Artifact <</Type /Layout>> BDC")
            else:
                mcid = self.tags.mcid()
                self.tags.add(StructNode("Figure", [mcid], alt=item.alt, bbox=self._pdf_box(box)))
                self._emit(f"/Figure <</MCID {mcid}>> BDC")
        clipped = item.crop is not None
        if item.crop is not None:  # the box shows a part of the image: draw the whole one, clipped to the box
            cx, cy, cw, ch = item.crop
            self.canvas.saveState()
            clip = self.canvas.beginPath()
            clip.rect(self._x(box.x), self._y(box.bottom), box.w, box.h)
            self.canvas.clipPath(clip, stroke=0, fill=0)
            box = Rect(box.x - cx / cw * box.w, box.y - cy / ch * box.h, box.w / cw, box.h / ch)
        if logo.vector:
            self._draw_vector(logo, box)
        else:
            self._draw_raster(item, box)
        if clipped:
            self.canvas.restoreState()
        if not self._quiet:
            self._emit("EMC")

    def _draw_vector(self, logo: Logo, box: Rect) -> None:
        """An SVG logo as paths (svglib), scaled into its box; print colours converted to CMYK."""
        from reportlab.lib.colors import CMYKColor
        from reportlab.lib.colors import Color as RLColor

        def to_print(colour: Any) -> Any:
            if not isinstance(colour, RLColor) or isinstance(colour, CMYKColor):
                return colour
            rgb = Color(round(colour.red * 255), round(colour.green * 255), round(colour.blue * 255))
            return CMYKColor(*to_cmyk(rgb), alpha=colour.alpha)

        drawing = vector_logo.drawing(logo, to_print if self.print_ready else None)
        c = self.canvas
        c.saveState()
        c.translate(self._x(box.x), self._y(box.bottom))
        c.scale(box.w / drawing.width, box.h / drawing.height)
        vector_logo.draw_on(c, drawing)
        c.restoreState()

    def _draw_raster(self, item: ImageItem, box: Rect) -> None:
        img = load_rgba(item.path)
        max_w = round(box.w / 72.0 * MAX_IMAGE_PPI)
        max_h = round(box.h / 72.0 * MAX_IMAGE_PPI)
        if img.width > 1.5 * max_w or img.height > 1.5 * max_h:
            img = img.resize((max(1, max_w), max(1, max_h)), Image.Resampling.LANCZOS)
        alpha = None if is_opaque(img) else img.getchannel("A")
        reader: ImageReader
        if self.print_ready:
            reader = _CMYKAlphaReader(image_to_cmyk(img.convert("RGB")), alpha)
        else:
            reader = ImageReader(img if alpha is not None else img.convert("RGB"))
        self.canvas.drawImage(
            reader, self._x(box.x), self._y(box.bottom), box.w, box.h, mask="auto" if alpha is not None else None
        )

    def next_page(self, page: Page) -> None:
        """End this page (its marks, its tags' page) and begin the next, of the same size."""
        if (page.width, page.height, page.bleed) != (self.page.width, self.page.height, self.page.bleed):
            raise ValueError("the pages of one PDF have one size")
        self._end_page()
        self.canvas.showPage()
        self._page_entries()
        self.page = page
        self.tags.new_page()

    def _end_page(self) -> None:
        if self.geometry is not None:
            self._emit("Q")  # end of the BleedBox clip
            self._artifact(self.geometry.crop_mark_ops(), "Page")  # printer's marks
        self._contents.append(self.canvas.getCurrentPageContent())
        self._page_refs.append(self.canvas._doc.thisPageRef())

    def _page_entries(self) -> None:
        """The page just shown: its MCIDs' key in the ParentTree (its number), tab order by structure."""
        doc = self.canvas._doc
        for key, value in pdf_tags.page_entries(len(doc.Pages.pages) - 1).items():
            _set_catalog(doc.Pages.pages[-1], key, value)

    def finish(self) -> bytes:
        c = self.canvas
        doc = c._doc
        page = self.first
        date = pdf_meta.page_date(page.metadata)
        pdfx = PDFX_VERSION if self.print_ready else None
        self._end_page()
        doc_id = pdf_meta.document_id(*self._contents, self.title, page.language, str(self.print_ready))
        doc.info = pdf_meta.Info(
            self.title,
            author=page.metadata.get("author", ""),
            subject=page.metadata.get("subject", ""),
            keywords=page.metadata.get("keywords", ""),
            date=date[0] if date else None,
            pdfx=pdfx,
        )
        xmp = pdf_meta.xmp_packet(
            title=self.title,
            language=page.language,
            doc_id=doc_id,
            author=page.metadata.get("author", ""),
            subject=page.metadata.get("subject", ""),
            date=date[1] if date else None,
            pdfx=pdfx,
        )
        _set_catalog(doc.Catalog, "Metadata", pdf_meta.MetadataStream(xmp))
        if self.print_ready:
            _set_catalog(doc.Catalog, "OutputIntents", output_intents(doc))
        self._add_structure()
        c.showPage()
        self._page_entries()
        c.save()
        return self._out.getvalue()

    def _add_structure(self) -> None:
        """The structure tree and /MarkInfo, for every page drawn (the last is still open)."""
        doc = self.canvas._doc
        root = pdf_tags.add_structure(doc, self._page_refs, self.tags.nodes, self.first.language)
        _set_catalog(doc.Catalog, "StructTreeRoot", root)
        _set_catalog(doc.Catalog, "MarkInfo", pdf_tags.mark_info())


@cache
def _is_rtl(language: str) -> bool:
    return language_info(language).direction == "rtl"


def qr_alt(qr: QRCode) -> str:
    """A QR code's alternative text: the address it encodes (language-neutral, what a reader needs)."""
    return qr.data


def _set_catalog(catalog: PDFCatalog, key: str, value: Any) -> None:
    """Set an entry of a catalog-like object (the catalog, a page), also ones ReportLab does not list."""
    if key not in catalog.__NoDefault__:
        catalog.__NoDefault__ = [*catalog.__NoDefault__, key]  # instance attribute; class list untouched
    setattr(catalog, key, value)


def render_pdf(page: Page, *, print_ready: bool = False) -> bytes:
    """The page as PDF bytes: screen (RGB, trim size) or print (PDF/X-4, CMYK, bleed and marks)."""
    return PdfRenderer(page, print_ready=print_ready).render()


def render_pdf_document(doc: Document, *, print_ready: bool = False) -> bytes:
    """Every page of a document in one PDF, tagged as one structure in reading order; one page: as render_pdf."""
    return PdfRenderer(doc.pages[0], print_ready=print_ready, title=doc.title).render_pages(doc.pages)


_NOT_COUNTED = re.compile(r"[\s·|•–\u00ad\u2010-]")  # what a line break may add, drop or replace


class _ListItems:
    """Groups a list block's lines into its items: one item per paragraph of the block's text.

    A contact's entry may wrap over several lines; the lines are matched to the paragraph
    they belong to by counting the characters each brings (spaces, separators a break
    replaced and hyphens a break added left out of the count).
    """

    def __init__(self, text: str) -> None:
        self._paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        self._need = [len(_NOT_COUNTED.sub("", p)) for p in self._paragraphs]
        self._items: list[tuple[str, list[int]]] = []
        self._have = 0

    def add(self, line: str, mcids: list[int]) -> None:
        k = len(self._items)
        if k == 0 or self._have >= self._need[k - 1]:
            text = self._paragraphs[k] if k < len(self._paragraphs) else line
            self._items.append((text, []))
            self._have = 0
        self._items[-1][1].extend(mcids)
        self._have += len(_NOT_COUNTED.sub("", line))

    def done(self) -> list[tuple[str, list[int]]]:
        return self._items
