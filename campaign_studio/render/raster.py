"""Page tree → RGB image / PNG with Pillow (social cards, previews, poster proofs).

Coordinates are points; at `dpi` one point is dpi/72 pixels (social formats are
1 pt = 1 px at 72 dpi). Rectangles are snapped to whole pixels so that adjoining
fills share an edge exactly; rounded corners are anti-aliased.

Text: each GlyphRun is drawn by Pillow's raqm layout (HarfBuzz + FriBiDi, the same
shaper layout used) with the run's direction and language, anchored at its left
baseline. Pillow's raqm advances are unhinted HarfBuzz advances, so the drawn
width equals GlyphRun.width (tested to within 1 px + 1 %).

Glyphs are rasterised unhinted, like poppler rasterises the PDF, so PNG and PDF
agree. Pillow has no switch for that (it always loads glyphs with FreeType's
default hinting), so fonts are loaded from memory with their 'prep' program
replaced by ``PUSHB 1 1; INSTCTRL``: the TrueType way for a font to say "do not
run glyph instructions", which FreeType honours by loading the glyphs unhinted.
Besides matching the PDF this makes drawing text 5-7x faster (running the hinting
bytecode was most of the drawing time of a card). Advances are unhinted either way.
Pillow places a run's origin on the nearest whole pixel.
"""

from __future__ import annotations

import html
import io
import json
import math
import struct
import zlib
from functools import cache, lru_cache

from PIL import Image, ImageDraw, ImageFont, PngImagePlugin, features

from campaign_studio.content.logos import Logo, logo_info
from campaign_studio.model.pagetree import Color, Fill, GlyphRun, ImageItem, Page, PathItem, QRCode, Rect, TextBlock
from campaign_studio.render import path_raster, vector_logo
from campaign_studio.render.base import Renderer
from campaign_studio.render.images import load_rgba

#: PNG image data: rows unfiltered (PNG filter type 0), deflated at this zlib level. Chosen by
#: measurement (bench/png_settings.py; bench/results/png-settings.txt): Pillow tries all five
#: filters on every row and keeps one, and that choice was most of its encode time; flat colour
#: and anti-aliased text compress better unfiltered. Level 3 is as fast as level 1 here and
#: smaller; level 6 and above cost 1.5-10x the time for 10-20 % fewer bytes.
PNG_COMPRESS_LEVEL = 3

#: rounded corners are drawn on a mask this many times larger, then reduced (anti-aliasing)
_ROUND_SUPERSAMPLE = 4


class RaqmUnavailableError(RuntimeError):
    """Pillow has no raqm layout (libfribidi missing): complex scripts would be drawn wrongly."""


@cache
def _check_raqm() -> None:
    if not features.check("raqm"):
        raise RaqmUnavailableError(
            "Pillow's raqm text layout is not available (install libfribidi0); "
            "refusing to draw text that would come out unshaped"
        )


#: draw glyphs unhinted (see the module docstring)
UNHINTED = True

# PUSHB[1] 1 1; INSTCTRL[]: instruction control selector 1 = inhibit glyph programs
_PREP_NO_HINTING = bytes([0xB1, 0x01, 0x01, 0x8E])


def without_hinting(data: bytes) -> bytes:
    """TrueType font bytes whose control program switches glyph hinting off.

    The new 'prep' is written over the start of the old one (its length shrinks to
    4 in the table directory); nothing else moves. Fonts without a 'prep' of at
    least 4 bytes, CFF fonts and collections are returned unchanged.
    """
    if len(data) < 12 or data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return data
    for i in range(int.from_bytes(data[4:6], "big")):
        at = 12 + 16 * i
        if data[at : at + 4] == b"prep":
            offset = int.from_bytes(data[at + 8 : at + 12], "big")
            length = int.from_bytes(data[at + 12 : at + 16], "big")
            if length < len(_PREP_NO_HINTING) or offset + length > len(data):
                return data
            out = bytearray(data)
            out[offset : offset + len(_PREP_NO_HINTING)] = _PREP_NO_HINTING
            out[at + 12 : at + 16] = len(_PREP_NO_HINTING).to_bytes(4, "big")
            return bytes(out)
    return data


@cache
def _font_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        data = f.read()
    return without_hinting(data) if UNHINTED else data


@lru_cache(maxsize=64)
def _font(path: str, pixel_size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(_font_bytes(path)), pixel_size, layout_engine=ImageFont.Layout.RAQM)


@lru_cache(maxsize=1024)  # a card has some 20-40 runs; a big heading's mask is ~150 kB
def _run_mask(path: str, pixel_size: float, text: str, direction: str, language: str, start: tuple[float, float],
              ink: int) -> tuple[object, tuple[int, int]]:
    """The coverage mask of one run and its offset from the run's whole-pixel origin.

    What ImageDraw.text computes for one line at anchor "ls" (Pillow shapes with raqm and
    rasterises on every call), kept per process: a design drawn again (a batch of the same
    card, the GUI preview after an edit elsewhere, `check` redrawing it) draws a repeated run
    from here. The mask depends only on these arguments, so the pixels are the same.
    """
    return _font(path, pixel_size).getmask2(text, "L", direction, None, language, 0, "ls", ink, start,
                                            stroke_filled=True)


def font_for_run(run: GlyphRun, scale: float) -> ImageFont.FreeTypeFont:
    """The (cached) Pillow font that draws `run` at `scale` pixels per point."""
    _check_raqm()
    return _font(str(run.font.path), run.size * scale)


def pixel_size(page: Page, dpi: float) -> tuple[int, int]:
    """The image size for `page` at `dpi`: round(width*dpi/72) x round(height*dpi/72)."""
    return round(page.width * dpi / 72.0), round(page.height * dpi / 72.0)


@lru_cache(maxsize=64)
def _rounded_mask(w: int, h: int, r: float) -> Image.Image:
    """An anti-aliased mask of a w x h rectangle with corner radius r (pixels)."""
    s = _ROUND_SUPERSAMPLE
    big = Image.new("L", (w * s, h * s), 0)
    ImageDraw.Draw(big).rounded_rectangle((0, 0, w * s - 1, h * s - 1), radius=r * s, fill=255)
    return big.reduce(s)


class RasterRenderer(Renderer[Image.Image]):
    def __init__(self, page: Page, dpi: float = 72.0) -> None:
        super().__init__(page)
        if dpi <= 0:
            raise ValueError(f"dpi must be positive, got {dpi}")
        self.scale = dpi / 72.0
        self.image = Image.new("RGB", pixel_size(page, dpi), page.background.rgb)
        self.draw = ImageDraw.Draw(self.image)

    # -- geometry -------------------------------------------------------------
    def _px_box(self, box: Rect) -> tuple[int, int, int, int]:
        """Left, top, right, bottom pixel edges (right/bottom exclusive)."""
        s = self.scale
        return round(box.x * s), round(box.y * s), round(box.right * s), round(box.bottom * s)

    # -- primitives -----------------------------------------------------------
    def draw_background(self, color: Color) -> None:
        pass  # the image was created filled with the background colour

    def draw_fill(self, fill: Fill) -> None:
        x0, y0, x1, y1 = self._px_box(fill.box)
        if x1 <= x0 or y1 <= y0:
            return
        w, h = x1 - x0, y1 - y0
        r = min(fill.radius * self.scale, w / 2, h / 2)
        colour = fill.color.rgb
        if r < 0.5:
            self.draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=colour)
            return
        c = math.ceil(r)
        if 2 * c >= w or 2 * c >= h:  # a pill or a disc: blend the whole box
            self.image.paste(colour, (x0, y0, x1, y1), _rounded_mask(w, h, r))
            return
        # solid cross, then only the four corner squares blended through the mask
        self.draw.rectangle((x0 + c, y0, x1 - c - 1, y1 - 1), fill=colour)
        self.draw.rectangle((x0, y0 + c, x0 + c - 1, y1 - c - 1), fill=colour)
        self.draw.rectangle((x1 - c, y0 + c, x1 - 1, y1 - c - 1), fill=colour)
        corners = _rounded_mask(2 * c, 2 * c, r)
        for cx, cy in ((0, 0), (c, 0), (0, c), (c, c)):
            px, py = (x0 if cx == 0 else x1 - c), (y0 if cy == 0 else y1 - c)
            self.image.paste(colour, (px, py, px + c, py + c), corners.crop((cx, cy, cx + c, cy + c)))

    def draw_glyph_run(self, run: GlyphRun, block: TextBlock) -> None:
        if not run.text:
            return
        _check_raqm()
        x, y = run.x * self.scale, run.y * self.scale
        ink = self._ink(run.color)
        mask, (dx, dy) = _run_mask(str(run.font.path), run.size * self.scale, run.text, run.direction, run.language,
                                   (math.modf(x)[0], math.modf(y)[0]), ink)
        self.draw.draw.draw_bitmap((int(x) + dx, int(y) + dy), mask, ink)  # as ImageDraw.text does with that mask

    def _ink(self, color: Color) -> int:
        ink, _ = self.draw._getink(color.rgb)
        assert ink is not None
        return int(ink)

    def draw_qr(self, qr: QRCode) -> None:
        x0, y0, x1, y1 = self._px_box(qr.box)
        if x1 <= x0 or y1 <= y0:
            return
        self.draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=qr.light.rgb)
        n = len(qr.modules)
        if n == 0:
            return
        total_modules = n + 2 * qr.quiet_zone
        # whole pixels per module keep every module edge crisp (and scannable)
        module = max(1, math.floor(min(x1 - x0, y1 - y0) / total_modules))
        side = module * total_modules
        ox = x0 + (x1 - x0 - side) // 2 + module * qr.quiet_zone
        oy = y0 + (y1 - y0 - side) // 2 + module * qr.quiet_zone
        bits = Image.frombytes("L", (n, n), bytes(255 if dark else 0 for row in qr.modules for dark in row))
        mask = bits.resize((n * module, n * module), Image.Resampling.NEAREST)
        self.image.paste(qr.dark.rgb, (ox, oy, ox + n * module, oy + n * module), mask)

    def draw_image(self, item: ImageItem) -> None:
        x0, y0, x1, y1 = self._px_box(item.box)
        if x1 <= x0 or y1 <= y0:
            return
        logo = logo_info(item.path)
        size = (x1 - x0, y1 - y0)
        if item.crop is not None:
            img = self._cropped(item, logo, size)
        elif logo.vector:  # rasterised at the box's own pixel size: crisp at any format
            img = vector_logo.raster(logo, *size)
        else:
            src = load_rgba(item.path)
            img = src if src.size == size else src.resize(size, Image.Resampling.LANCZOS)
        self.image.paste(img, (x0, y0), img)

    @staticmethod
    def _cropped(item: ImageItem, logo: Logo, size: tuple[int, int]) -> Image.Image:
        """The part of the image the box shows, at the box's pixel size."""
        assert item.crop is not None
        cx, cy, cw, ch = item.crop
        if logo.vector:  # the whole drawing at the scale the box shows it, then the box's part of it
            full_w, full_h = max(1, round(size[0] / cw)), max(1, round(size[1] / ch))
            left, top = round(cx * full_w), round(cy * full_h)
            return vector_logo.raster(logo, full_w, full_h).crop((left, top, left + size[0], top + size[1]))
        src = load_rgba(item.path)
        w, h = src.size
        return src.resize(size, Image.Resampling.LANCZOS, box=(cx * w, cy * h, (cx + cw) * w, (cy + ch) * h))

    def draw_path(self, path: PathItem) -> None:
        lines = path_raster.subpaths(path.ops, self.scale * path_raster.SUPERSAMPLE)
        if not lines:
            return
        x0, y0, x1, y1 = self._px_box(path.box)
        x0, y0 = max(0, x0 - 1), max(0, y0 - 1)
        x1, y1 = min(self.image.width, x1 + 1), min(self.image.height, y1 + 1)
        if x1 <= x0 or y1 <= y0:
            return
        origin, size = (x0, y0), (x1 - x0, y1 - y0)
        if path.fill is not None:
            mask = path_raster.fill_mask([pts for pts, _ in lines], origin, size, path.fill_rule == "evenodd")
            self.image.paste(path.fill.rgb, (x0, y0, x1, y1), mask)
        if path.stroke is not None and path.stroke_width > 0:
            mask = path_raster.stroke_mask(lines, path.stroke_width * self.scale, origin, size)
            self.image.paste(path.stroke.rgb, (x0, y0, x1, y1), mask)

    def finish(self) -> Image.Image:
        return self.image


def render_image(page: Page, *, dpi: float = 72.0) -> Image.Image:
    """The page as an sRGB `RGB` image of round(w*dpi/72) x round(h*dpi/72) pixels."""
    return RasterRenderer(page, dpi).render()


XMP_KEYWORD = "XML:com.adobe.xmp"  # where XMP lives in a PNG (XMP Specification Part 3, 1.1.5)
ALT_KEYWORD = "Description"  # PNG's registered keyword for a description of the image
DESIGN_KEYWORD = "campaign-studio:design"  # which design made the file, so `check` can lay it out again
SOFTWARE = "Campaign Studio"


def _xml(text: str) -> str:
    return html.escape(text, quote=True)


def xmp_packet(alt: str, language: str, title: str) -> str:
    """XMP with dc:description and the IPTC accessibility alt text (both the short alt), dc:language, dc:title."""
    lang = _xml(language or "x-default")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(title)}</rdf:li></rdf:Alt></dc:title>'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_xml(alt)}</rdf:li>'
        f'<rdf:li xml:lang="{lang}">{_xml(alt)}</rdf:li></rdf:Alt></dc:description>'
        f'<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">{_xml(alt)}</rdf:li>'
        '</rdf:Alt></Iptc4xmpCore:AltTextAccessibility>'
        f'<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>'
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
    )


def _png_info(page: Page | None = None) -> PngImagePlugin.PngInfo:
    info = PngImagePlugin.PngInfo()
    # sRGB, perceptual intent; gAMA and cHRM as the PNG spec recommends for older decoders.
    # No ICC profile: lcms stamps a creation time into profiles it builds.
    info.add(b"sRGB", b"\x00")
    info.add(b"gAMA", (45455).to_bytes(4, "big"))
    chrm = (31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000)
    info.add(b"cHRM", b"".join(v.to_bytes(4, "big") for v in chrm))
    if page is not None:
        # the alternative text travels with the image: iTXt in the page's language, and XMP
        info.add_itxt(ALT_KEYWORD, page.alt, lang=page.language, tkey="")
        info.add_itxt("Title", page.title, lang=page.language, tkey="")
        info.add_text("Software", SOFTWARE)
        info.add_itxt(XMP_KEYWORD, xmp_packet(page.alt, page.language, page.title), lang="", tkey="")
        design = {k: v for k, v in sorted(page.metadata.items()) if k.startswith("design.")}
        if design:
            info.add_itxt(DESIGN_KEYWORD, json.dumps(design, ensure_ascii=False, sort_keys=True), lang="", tkey="")
    return info


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _unfiltered_idat(image: Image.Image) -> bytes:
    """The deflated image data of an 8-bit RGB image: each row behind a filter-type byte 0."""
    raw, stride = image.tobytes(), 3 * image.width
    view = memoryview(raw)
    z = zlib.compressobj(PNG_COMPRESS_LEVEL, zlib.DEFLATED, 15, 9)
    parts = []
    for at in range(0, len(raw), stride):
        parts.append(z.compress(b"\x00"))
        parts.append(z.compress(view[at : at + stride]))
    parts.append(z.flush())
    return b"".join(parts)


def encode_png(image: Image.Image, dpi: float | None = None, page: Page | None = None) -> bytes:
    """PNG bytes with sRGB chunks and no time chunk (identical input, identical bytes).

    With dpi (posters), the pHYs chunk records the resolution so print tools size it right.
    With the page, its alternative text, language and title go into iTXt chunks and XMP.
    Pillow writes the header and every metadata chunk, for a 1 x 1 stand-in so it filters no
    rows; the real size goes into IHDR and the image data is ours (see PNG_COMPRESS_LEVEL).
    """
    out = io.BytesIO()
    extra = {"dpi": (dpi, dpi)} if dpi else {}
    if image.mode != "RGB":  # not drawn by this renderer: Pillow's own encoder
        image.save(out, "PNG", compress_level=PNG_COMPRESS_LEVEL, pnginfo=_png_info(page), **extra)
        return out.getvalue()
    Image.new("RGB", (1, 1)).save(out, "PNG", compress_level=0, pnginfo=_png_info(page), **extra)
    stand_in, at, parts = out.getvalue(), 8, [out.getvalue()[:8]]
    while at < len(stand_in):
        (length,) = struct.unpack(">I", stand_in[at : at + 4])
        kind, data = stand_in[at + 4 : at + 8], stand_in[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            parts.append(_png_chunk(kind, struct.pack(">II", image.width, image.height) + data[8:]))
        elif kind == b"IDAT":
            if parts[-1][4:8] != b"IDAT":
                parts.append(_png_chunk(kind, _unfiltered_idat(image)))
        else:
            parts.append(stand_in[at : at + 12 + length])
        at += 12 + length
    return b"".join(parts)


def render_png(page: Page, *, dpi: float = 72.0) -> bytes:
    """The page as PNG bytes; dpi=72 gives social formats their exact pixel size."""
    return encode_png(render_image(page, dpi=dpi), dpi=None if dpi == 72.0 else dpi, page=page)
