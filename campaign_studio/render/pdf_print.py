"""Print-specific PDF parts: bleed, slug and crop marks, page boxes, PDF/X-4 output intent.

The page of a print PDF is the trim plus, on every side, the bleed and a slug that
holds the crop marks:

    MediaBox  = trim + 2 x (bleed + slug)
    BleedBox  = trim + 2 x bleed
    TrimBox   = trim (at (bleed + slug, bleed + slug))

The background and every Fill that touches a trim edge are extended into the bleed
(and 1 pt beyond it, so rounding never leaves a hairline of paper at the bleed edge);
the artwork is clipped to the BleedBox so nothing reaches the marks. Crop marks are
0.25 pt registration-black (C=M=Y=K=100 %) lines on the extension of the trim edges,
starting 2 pt outside the bleed so they never print into it.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString

from campaign_studio.model.pagetree import Page, Rect
from campaign_studio.resources import cmyk_profile_path

MM = 72.0 / 25.4
DEFAULT_BLEED = 3 * MM
SLUG = 10 * MM
MARK_WIDTH = 0.25
MARK_GAP = 2.0  # between the bleed edge and the start of a mark
MARK_LENGTH = 6 * MM
_EDGE_TOLERANCE = 0.01
_OVERSHOOT = 1.0  # beyond the bleed edge; the BleedBox clip trims it

PDFX_VERSION = "PDF/X-4"
OUTPUT_CONDITION_IDENTIFIER = "FOGRA39"
OUTPUT_CONDITION = "Offset printing, coated paper (ISO 12647-2:2004/Amd 1, FOGRA39)"
REGISTRY_NAME = "http://www.color.org"


def _num(v: float) -> str:
    s = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


@dataclass(frozen=True)
class PrintGeometry:
    width: float  # trim
    height: float
    bleed: float
    slug: float = SLUG

    @classmethod
    def for_page(cls, page: Page) -> PrintGeometry:
        return cls(page.width, page.height, page.bleed if page.bleed > 0 else DEFAULT_BLEED)

    @property
    def margin(self) -> float:
        """Distance from the media edge to the trim edge."""
        return self.bleed + self.slug

    @property
    def media_size(self) -> tuple[float, float]:
        return self.width + 2 * self.margin, self.height + 2 * self.margin

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        m = self.margin
        return m, m, m + self.width, m + self.height

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.trim_box
        b = self.bleed
        return x0 - b, y0 - b, x1 + b, y1 + b

    def extend_to_bleed(self, box: Rect) -> Rect:
        """`box` (page coordinates) grown into the bleed on every side where it touches the trim edge."""
        x0, y0, x1, y1 = box.x, box.y, box.right, box.bottom
        t = _EDGE_TOLERANCE
        out = self.bleed + _OVERSHOOT
        if x0 <= t:
            x0 = min(x0, -out)
        if y0 <= t:
            y0 = min(y0, -out)
        if x1 >= self.width - t:
            x1 = max(x1, self.width + out)
        if y1 >= self.height - t:
            y1 = max(y1, self.height + out)
        return Rect(x0, y0, x1 - x0, y1 - y0)

    def background_box(self) -> Rect:
        """The page background in page coordinates: the trim grown into the bleed on all sides."""
        return self.extend_to_bleed(Rect(0, 0, self.width, self.height))

    def clip_ops(self) -> str:
        """Begin a graphics state clipped to the BleedBox (close it with 'Q')."""
        x0, y0, x1, y1 = self.bleed_box
        return f"q {_num(x0)} {_num(y0)} {_num(x1 - x0)} {_num(y1 - y0)} re W n"

    def crop_mark_ops(self) -> str:
        """Eight registration-black lines marking the trim corners, outside the bleed."""
        x0, y0, x1, y1 = self.trim_box
        start = self.bleed + MARK_GAP
        end = start + MARK_LENGTH
        segs: list[tuple[float, float, float, float]] = []
        for cx, sx in ((x0, -1), (x1, 1)):
            for cy, sy in ((y0, -1), (y1, 1)):
                segs.append((cx + sx * start, cy, cx + sx * end, cy))  # horizontal, on the trim line
                segs.append((cx, cy + sy * start, cx, cy + sy * end))  # vertical
        ops = ["q", "1 1 1 1 K", f"{_num(MARK_WIDTH)} w", "0 J"]
        ops += [f"{_num(a)} {_num(b)} m {_num(c)} {_num(d)} l" for a, b, c, d in segs]
        ops += ["S", "Q"]
        return "\n".join(ops)


@cache
def _icc_compressed() -> bytes:
    return zlib.compress(cmyk_profile_path().read_bytes(), 9)


def output_intent(doc: Any) -> PDFDictionary:
    """The /GTS_PDFX output intent with the FOGRA39 profile (registered in `doc`)."""
    icc = PDFStream(
        PDFDictionary({"N": 4, "Filter": PDFName("FlateDecode")}),
        content=_icc_compressed(),
        filters=[],
    )
    return PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFX"),
            "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION_IDENTIFIER),
            "OutputCondition": PDFString(OUTPUT_CONDITION),
            "RegistryName": PDFString(REGISTRY_NAME),
            "Info": PDFString("FOGRA39L coated"),
            "DestOutputProfile": doc.Reference(icc, "CS_FOGRA39_ICC"),
        }
    )


def output_intents(doc: Any) -> PDFArray:
    return PDFArray([output_intent(doc)])
