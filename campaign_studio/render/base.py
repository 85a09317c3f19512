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
        def draw_path(self, path): ...
        def finish(self) -> str: ...

    svg = SvgRenderer(page).render()

An output that holds several pages (PDF) also implements `next_page`, and
`render_pages` draws a document's pages into one output.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Generic, TypeVar

from campaign_studio.model.pagetree import Color, FigureGroup, Fill, GlyphRun, ImageItem, Item, Page, PathItem, QRCode, TextBlock

T = TypeVar("T")


class Renderer(ABC, Generic[T]):
    """Draws one `Page`; `render()` walks the items in reading order and returns the output."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def render(self) -> T:
        return self.render_pages((self.page,))

    def render_pages(self, pages: Sequence[Page]) -> T:
        """Draw pages in order into one output (the first is the page the renderer was made with)."""
        for number, page in enumerate(pages):
            if number:
                self.next_page(page)
            self.draw_background(page.background)
            self.draw_items(page.items)
        return self.finish()

    def next_page(self, page: Page) -> None:
        """End the current page and begin `page` (then `self.page`); an output of one page refuses."""
        raise NotImplementedError(f"{type(self).__name__} draws one page: render each page by itself")

    def draw_items(self, items: tuple[Item, ...]) -> None:
        for item in items:
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
            elif isinstance(item, PathItem):
                self.draw_path(item)
            elif isinstance(item, FigureGroup):
                self.begin_group(item)
                self.draw_items(item.items)
                self.end_group(item)
            else:  # pragma: no cover - the Item union is closed
                raise TypeError(f"cannot render {type(item).__name__}")

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
    def draw_path(self, path: PathItem) -> None:
        """A vector path: filled by its fill rule, then stroked (round joins), both anti-aliased alike."""

    def begin_group(self, group: FigureGroup) -> None:
        """Called before the items of a figure group (for tagging); does nothing by default."""

    def end_group(self, group: FigureGroup) -> None:
        """Called after the items of a figure group."""

    @abstractmethod
    def finish(self) -> T:
        """Return the finished output; the renderer is not used afterwards."""
