"""Page tree → PDF with ReportLab (screen PDFs, and print PDFs via pdf_print).

Text is drawn as the glyphs layout shaped, not re-shaped: every GlyphRun becomes a
text object showing its glyph ids (through ReportLab's TrueType subsets, see
pdf_fonts) at its HarfBuzz advances and offsets. Glyphs are in visual order
already, so right-to-left runs need no bidi pass here (and no ``rlbidi``): Arabic
comes out joined and in the right order because HarfBuzz chose the contextual forms
and the order. Glyph.y_offset is in page coordinates (positive is down, as text/
writes it), so it becomes a negative text rise.

Each run is wrapped in a marked-content span carrying its logical text as
/ActualText (and /Lang when it differs from the page's), so copy, search and
``pdftotext`` give the text in logical order instead of presentation forms and
private-use code points. Right-to-left runs carry /ActualText per cluster instead
(see `_actual_text_spans` for why).

Print PDFs (``print_ready=True``) use CMYK (colour.py) for every colour and
image, have bleed, crop marks, TrimBox/BleedBox, and identify as PDF/X-4 with a
FOGRA39 output intent. ReportLab runs in invariant mode and no clock is read, so
identical input gives identical bytes.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFCatalog, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from campaign_studio.model.pagetree import Color, Fill, GlyphRun, ImageItem, Page, PathItem, QRCode, Rect, TextBlock
from campaign_studio.render import pdf_meta
from campaign_studio.render.base import Renderer
from campaign_studio.render.colour import image_to_cmyk, to_cmyk
from campaign_studio.render.images import is_opaque, load_rgba
from campaign_studio.render.pdf_fonts import glyph_codes, glyph_width, registered_font
from campaign_studio.render.pdf_print import PDFX_VERSION, PrintGeometry, output_intents
from campaign_studio.resources import fonts_dir

#: images are stored at no more than this resolution (downsampled with LANCZOS above 1.5x)
MAX_IMAGE_PPI = 300.0
_KAPPA = 0.5522847498  # Bézier circle approximation


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


def _actual_text_spans(run: GlyphRun) -> dict[int, str] | None:
    """For right-to-left runs, the /ActualText of each glyph: {glyph index: text}.

    None for left-to-right runs: they get one /ActualText for the whole run.

    Text extractors (poppler's pdftotext among them) take the glyphs of a line in
    visual order and turn right-to-left stretches around into logical order, and
    they do the same with an /ActualText span: its characters are laid out left to
    right over the span's box and then reversed with the rest. A run-wide span in
    logical order therefore comes out backwards. So a right-to-left run gets one
    span per HarfBuzz cluster, whose characters are given in visual order (reversed)
    so that the extractor's reversal restores them; a cluster's text goes on its
    widest glyph and its other glyphs (zero-width marks drawn over it) get an empty
    span, so the span's box is the cluster's advance and no false word gap appears
    (a mark's box would be narrower than the letter). Verified with pdftotext on
    lam-alef ligatures, tanween and shadda + fatha stacks.
    """
    if run.direction != "rtl":
        return None
    glyphs = run.glyphs
    starts = sorted({g.cluster for g in glyphs})
    end_of = {c: (starts[k + 1] if k + 1 < len(starts) else len(run.text)) for k, c in enumerate(starts)}
    spans: dict[int, str] = {}
    i = 0
    while i < len(glyphs):
        cluster = glyphs[i].cluster
        j = i
        while j < len(glyphs) and glyphs[j].cluster == cluster:
            j += 1
        text = run.text[cluster : end_of[cluster]]
        carrier = max(range(i, j), key=lambda k: glyphs[k].x_advance)
        for k in range(i, j):
            spans[k] = text[::-1] if k == carrier else ""
        i = j
    return spans


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
    def __init__(self, page: Page, *, print_ready: bool = False) -> None:
        super().__init__(page)
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
        c = self.canvas
        c.setTitle(page.title)
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
        self._emit(f"{self._fill_colour(color)} {box} f")

    def draw_fill(self, fill: Fill) -> None:
        box = self.geometry.extend_to_bleed(fill.box) if self.geometry is not None else fill.box
        if box.w <= 0 or box.h <= 0:
            return
        path = self._rounded_path(box, fill.radius) if fill.radius > 0 else self._rect_path(box)
        self._emit(f"{self._fill_colour(fill.color)} {path} f")

    def draw_path(self, path: PathItem) -> None:
        ops = []
        for op, c in path.ops:
            if op == "Z":
                ops.append("h")
                continue
            pts = " ".join(f"{_num(self._x(x))} {_num(self._y(y))}" for x, y in zip(c[0::2], c[1::2], strict=True))
            ops.append(f"{pts} {op.lower()}")
        geometry = " ".join(ops)
        if path.fill is not None:
            paint = "f*" if path.fill_rule == "evenodd" else "f"
            self._emit(f"{self._fill_colour(path.fill)} {geometry} {paint}")
        if path.stroke is not None and path.stroke_width > 0:
            # round joins and caps: what the raster renderer's stroke draws
            self._emit(f"q {self._stroke_colour(path.stroke)} {_num(path.stroke_width)} w 1 j 1 J {geometry} S Q")

    def _stroke_colour(self, color: Color) -> str:
        values, op = self._fill_colour(color).rsplit(" ", 1)
        return f"{values} {op.upper()}"  # "rg" -> "RG", "k" -> "K"

    def draw_glyph_run(self, run: GlyphRun, block: TextBlock) -> None:
        if not run.glyphs:
            return
        font = registered_font(run.font.path)
        codes = glyph_codes(font, [g.gid for g in run.glyphs])
        doc = self.canvas._doc
        size = run.size
        # which subset (and byte in it) shows each glyph
        placed: list[tuple[int, int]] = []
        for subset, data in font.splitString("".join(map(chr, codes)), doc):
            placed.extend((subset, byte) for byte in data)
        spans = _actual_text_spans(run)
        props = f"/ActualText {_hex_text(run.text)}" if spans is None else ""
        if run.language and run.language != self.page.language:
            props = f"/Lang {_hex_text(run.language)} {props}".rstrip()
        ops = [f"/Span <<{props}>> BDC"] if props else []
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

        for i, glyph in enumerate(run.glyphs):
            if spans is not None and i in spans:
                flush()
                if i > 0:
                    ops.append("EMC")
                ops.append(f"/Span <</ActualText {_hex_text(spans[i])}>> BDC")
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
        if props:
            ops.append("EMC")
        self._emit("\n".join(ops))

    def draw_qr(self, qr: QRCode) -> None:
        self._emit(f"{self._fill_colour(qr.light)} {self._rect_path(qr.box)} f")
        n = len(qr.modules)
        if n == 0:
            return
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
            self._emit(self._fill_colour(qr.dark, small=True) + "\n" + "\n".join(rects) + "\nf")

    def draw_image(self, item: ImageItem) -> None:
        box = item.box
        if box.w <= 0 or box.h <= 0:
            return
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

    def finish(self) -> bytes:
        c = self.canvas
        doc = c._doc
        page = self.page
        date = pdf_meta.page_date(page.metadata)
        pdfx = PDFX_VERSION if self.print_ready else None
        if self.geometry is not None:
            self._emit("Q")  # end of the BleedBox clip
            self._emit(self.geometry.crop_mark_ops())
        content = c.getCurrentPageContent()
        doc_id = pdf_meta.document_id(content, page.title, page.language, str(self.print_ready))
        doc.info = pdf_meta.Info(
            page.title,
            author=page.metadata.get("author", ""),
            subject=page.metadata.get("subject", ""),
            keywords=page.metadata.get("keywords", ""),
            date=date[0] if date else None,
            pdfx=pdfx,
        )
        xmp = pdf_meta.xmp_packet(
            title=page.title,
            language=page.language,
            doc_id=doc_id,
            author=page.metadata.get("author", ""),
            subject=page.metadata.get("subject", ""),
            date=date[1] if date else None,
            pdfx=pdfx,
        )
        meta = PDFStream(content=xmp, filters=[])
        meta.dictionary["Type"] = PDFName("Metadata")
        meta.dictionary["Subtype"] = PDFName("XML")
        _set_catalog(doc.Catalog, "Metadata", meta)
        if self.print_ready:
            _set_catalog(doc.Catalog, "OutputIntents", output_intents(doc))
        c.showPage()
        c.save()
        return self._out.getvalue()


def _set_catalog(catalog: PDFCatalog, key: str, value: Any) -> None:
    """Set a catalog entry, also ones ReportLab's PDFCatalog does not list (OutputIntents)."""
    if key not in catalog.__NoDefault__:
        catalog.__NoDefault__ = [*catalog.__NoDefault__, key]  # instance attribute; class list untouched
    setattr(catalog, key, value)


def render_pdf(page: Page, *, print_ready: bool = False) -> bytes:
    """The page as PDF bytes: screen (RGB, trim size) or print (PDF/X-4, CMYK, bleed and marks)."""
    return PdfRenderer(page, print_ready=print_ready).render()
