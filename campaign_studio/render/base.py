"""The renderer interface: a page tree in, one output out.

Like matplotlib's ``RendererBase``, the walk over the tree lives here once and an
output format implements a handful of drawing primitives. Renderers draw what
layout decided: positions, line breaks and glyphs come from the page tree and are
never measured again. A new output format is one module with one subclass::

    class SvgRenderer(Renderer[str]):
        def draw_background(self, color): ...
        def draw_fill(self, fill): ...
        def draw_glyph_run(self, run, block): ...
        def draw_qr(self, qr): ...
        def draw_image(self, item): ...
        def finish(self) -> str: ...

    svg = SvgRenderer(page).render()
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Generic, TypeVar

from campaign_studio.model.pagetree import Color, Fill, GlyphRun, ImageItem, Page, QRCode, TextBlock

T = TypeVar("T")


class Renderer(ABC, Generic[T]):
    """Draws one `Page`; `render()` walks the items in reading order and returns the output."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def render(self) -> T:
        self.draw_background(self.page.background)
        for item in self.page.items:
            if isinstance(item, Fill):
                self.draw_fill(item)
            elif isinstance(item, TextBlock):
                self.begin_text_block(item)
                for line in item.lines:
                    for run in line.runs:
                        self.draw_glyph_run(run, item)
                self.end_text_block(item)
            elif isinstance(item, QRCode):
                self.draw_qr(item)
            elif isinstance(item, ImageItem):
                self.draw_image(item)
            else:  # pragma: no cover - the Item union is closed
                raise TypeError(f"cannot render {type(item).__name__}")
        return self.finish()

    @abstractmethod
    def draw_background(self, color: Color) -> None:
        """Paint the whole page (and, for print, the bleed)."""

    @abstractmethod
    def draw_fill(self, fill: Fill) -> None:
        """A filled rectangle, rounded when `fill.radius` > 0."""

    def begin_text_block(self, block: TextBlock) -> None:
        """Called before the runs of a block (for grouping, tagging); does nothing by default."""

    def end_text_block(self, block: TextBlock) -> None:
        """Called after the runs of a block."""

    @abstractmethod
    def draw_glyph_run(self, run: GlyphRun, block: TextBlock) -> None:
        """One shaped run, left edge at run.x, baseline at run.y."""

    @abstractmethod
    def draw_qr(self, qr: QRCode) -> None:
        """A QR code: light box (with the quiet zone) and dark modules."""

    @abstractmethod
    def draw_image(self, item: ImageItem) -> None:
        """A raster image scaled into item.box."""

    @abstractmethod
    def finish(self) -> T:
        """Return the finished output; the renderer is not used afterwards."""
