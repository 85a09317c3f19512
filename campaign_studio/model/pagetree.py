"""The page tree: what layout decided, as positioned, immutable items.

Renderers draw these items and never measure text again. Coordinates are in
points (1/72 inch) with the origin at the top-left corner of the *trim* box and
y growing downwards; social formats are defined so that 1 pt = 1 px at 72 dpi.
Every item carries its role (for tagging and checks) and, for text, its
language and logical text (for /ActualText and screen readers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Direction = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class Color:
    """An sRGB colour (0-255 per channel); cmyk (0-1) when the brand fixed it for print."""

    r: int
    g: int
    b: int
    cmyk: tuple[float, float, float, float] | None = None

    @classmethod
    def from_hex(cls, value: str) -> Color:
        v = value.lstrip("#")
        return cls(int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16))

    @property
    def hex(self) -> str:
        return f"#{self.r:02X}{self.g:02X}{self.b:02X}"

    @property
    def rgb(self) -> tuple[int, int, int]:
        return (self.r, self.g, self.b)


@dataclass(frozen=True)
class FontRef:
    """One font file; `key` is unique per face (e.g. 'NotoSans-Bold')."""

    key: str
    path: Path


@dataclass(frozen=True)
class Glyph:
    """One shaped glyph: HarfBuzz glyph id, cluster (index into the run text), advance and offsets in pt."""

    gid: int
    cluster: int
    x_advance: float
    x_offset: float = 0.0
    y_offset: float = 0.0


@dataclass(frozen=True)
class GlyphRun:
    """A run of text in one font, one size, one direction, drawn from its baseline origin.

    `x` is the left edge of the run's advance box on the page (also for right-to-left
    runs), `y` is its baseline. `text` is the run's characters in logical order;
    `glyphs` are in visual (left-to-right) order as HarfBuzz returned them.
    """

    x: float
    y: float
    text: str
    font: FontRef
    size: float
    direction: Direction
    script: str  # ISO 15924, e.g. 'Latn', 'Arab', 'Ethi'
    language: str  # BCP 47, e.g. 'nl', 'ar'
    width: float
    glyphs: tuple[Glyph, ...]
    color: Color


@dataclass(frozen=True)
class TextLine:
    runs: tuple[GlyphRun, ...]
    baseline: float
    left: float
    width: float
    ascent: float
    descent: float


@dataclass(frozen=True)
class TextBlock:
    """A paragraph placed in its slot's box; lines in reading order."""

    slot: str
    role: str  # 'heading', 'figure', 'paragraph', 'footnote', 'label', 'contact', ...
    language: str
    text: str  # logical text of the whole block
    box: Rect
    lines: tuple[TextLine, ...]
    size: float  # font size actually used after fitting


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, other: Rect, tolerance: float = 0.01) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )


@dataclass(frozen=True)
class Fill:
    """A filled rectangle (panels, bars, backgrounds); decoration unless a role says otherwise."""

    box: Rect
    color: Color
    role: str = "decoration"
    radius: float = 0.0


@dataclass(frozen=True)
class QRCode:
    """A QR code as its module matrix; renderers draw modules as squares."""

    box: Rect  # includes the quiet zone
    modules: tuple[tuple[bool, ...], ...]  # without quiet zone
    quiet_zone: int  # in modules
    data: str
    dark: Color
    light: Color
    role: str = "figure"


@dataclass(frozen=True)
class ImageItem:
    """A raster or vector image (a logo, a picture) placed in a box.

    crop None: the whole image, its aspect ratio kept by layout. Else the part of the image the box
    shows, as (x, y, width, height) fractions of the image: a picture cropped to a format's shape.
    """

    box: Rect
    path: Path
    alt: str
    role: str = "figure"
    crop: tuple[float, float, float, float] | None = None


PathOp = tuple[str, tuple[float, ...]]  # ("M", (x, y)), ("L", (x, y)), ("C", (x1, y1, x2, y2, x, y)), ("Z", ())
PATH_OPS = {"M": 2, "L": 2, "C": 6, "Z": 0}  # coordinates each operator takes


@dataclass(frozen=True)
class PathItem:
    """A vector shape: subpaths of lines and cubic curves, filled and/or stroked.

    Coordinates are page points like every other item. `fill_rule` decides which
    regions of overlapping subpaths are inside ("evenodd" cuts holes, e.g. a ring).
    """

    ops: tuple[PathOp, ...]
    fill: Color | None = None
    stroke: Color | None = None
    stroke_width: float = 0.0
    fill_rule: Literal["nonzero", "evenodd"] = "nonzero"
    role: str = "decoration"

    def __post_init__(self) -> None:
        for op, coords in self.ops:
            if PATH_OPS.get(op) != len(coords):
                raise ValueError(f"path operator {op!r} takes {PATH_OPS.get(op)} coordinates, not {len(coords)}")
        if self.ops and self.ops[0][0] != "M":
            raise ValueError("a path starts with a move ('M')")

    @property
    def box(self) -> Rect:
        """Bounds of the control points (a curve lies inside them), stroke included."""
        xs = [c for _, coords in self.ops for c in coords[0::2]]
        ys = [c for _, coords in self.ops for c in coords[1::2]]
        if not xs:
            return Rect(0, 0, 0, 0)
        half = self.stroke_width / 2 if self.stroke is not None else 0.0
        return Rect(min(xs) - half, min(ys) - half, max(xs) - min(xs) + 2 * half, max(ys) - min(ys) + 2 * half)


@dataclass(frozen=True)
class FigureGroup:
    """Items that together are one figure: a chart, an icon, or decoration.

    The PDF tagging turns a chart or icon group into one `Figure` with `/Alt`; checks
    read a chart group as a chart. `alt` is the short alternative text (at most 150
    characters), `long_alt` the long description stating every number shown.
    """

    role: Literal["chart", "icon", "decoration"]
    box: Rect
    items: tuple[Item, ...]
    alt: str = ""
    long_alt: str = ""
    slot: str = ""
    language: str = ""
    # A chart whose labels are its data table (a comparison: statistics by groups): rows of
    # cells (index among the group's text blocks, "TH" or "TD", columns spanned). The PDF
    # tags it as a Table of those visible texts, its marks as artifacts, instead of a Figure.
    table: tuple[tuple[tuple[int, str, int], ...], ...] = ()


Item = Fill | TextBlock | QRCode | ImageItem | PathItem | FigureGroup


def walk(items: tuple[Item, ...] | list[Item]) -> list[Item]:
    """Every item in reading order, the items inside figure groups after their group."""
    out: list[Item] = []
    for item in items:
        out.append(item)
        if isinstance(item, FigureGroup):
            out += walk(item.items)
    return out


@dataclass(frozen=True)
class Page:
    """One page: trim size in pt, bleed in pt (0 for screen output), items in reading order."""

    width: float
    height: float
    background: Color
    items: tuple[Item, ...]
    language: str
    title: str
    bleed: float = 0.0
    # The screen area the platform leaves visible (stories); equal to the page otherwise.
    safe_area: Rect | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    # The design's text alternative: short (at most 150 characters) and long (every number shown).
    alt: str = ""
    long_alt: str = ""

    def walk(self) -> list[Item]:
        """All items, those inside figure groups included (after their group), in reading order."""
        return walk(self.items)

    def text_blocks(self) -> list[TextBlock]:
        return [i for i in self.walk() if isinstance(i, TextBlock)]


@dataclass(frozen=True)
class Document:
    """Pages read in order (a carousel's slides, a two-page handout), with the document's title and language.

    A design of one page stays a `Page`; a Document of one page renders exactly as that page.
    """

    pages: tuple[Page, ...]
    title: str
    language: str

    def __post_init__(self) -> None:
        if not self.pages:
            raise ValueError("a document has at least one page")

    @classmethod
    def of(cls, page: Page) -> Document:
        return cls((page,), page.title, page.language)

    @property
    def metadata(self) -> dict[str, str]:
        """The first page's metadata: the design and the document properties all pages share."""
        return self.pages[0].metadata
