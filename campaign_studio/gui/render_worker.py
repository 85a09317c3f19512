"""Rendering off the interface thread: debounced, numbered, and a stale result never shown.

    renderer = PreviewRenderer(parent)
    renderer.finished.connect(show)          # show(result: PreviewResult)
    renderer.request(PreviewRequest(...))    # debounced: a burst of changes makes one render

Every request gets a generation number; a result whose generation is not the newest is
dropped, so a slow render started before a fast one never overwrites it. The layout of a
design (the slow part for a poster) is kept while only the zoom changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from campaign_studio import pipeline
from campaign_studio.content.languages import language_info
from campaign_studio.layout.engine import Design
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError
from campaign_studio.model.pagetree import Page
from campaign_studio.render import render_image

DEBOUNCE_MS = 120
PAGE_GAP_PT = 12.0  # between the pages of a multi-page design, on the window's grey
GAP_GREY = (200, 200, 200)


@dataclass(frozen=True)
class PreviewRequest:
    """What to show: the design's choices, and the scale (device pixels per pt) to render it at."""

    campaign: Campaign
    template: str
    format: str
    language: str
    brand: str | Path | None
    stats: tuple[str, ...] = ()
    message: str | None = None
    statement: str | None = None
    scale: float = 1.0
    simulate: str | None = None  # a colour-vision deficiency (checks/cvd.py), None: as it is

    def design_key(self) -> tuple[object, ...]:
        return (id(self.campaign), self.template, self.format, self.language, str(self.brand), self.stats,
                self.message, self.statement)


@dataclass
class Laid:
    """A design laid out and checked: its pages in display order (right to left: first page on the right)."""

    design: Design | None
    pages: list[Page]
    diagnostics: Diagnostics
    rtl: bool = False  # pages reversed: the first page is the rightmost


@dataclass
class PreviewResult:
    generation: int
    request: PreviewRequest
    laid: Laid
    image: Image.Image | None  # RGB, the pages side by side at request.scale
    diagnostics: Diagnostics = field(default_factory=Diagnostics)


def lay_out(req: PreviewRequest) -> Laid:
    """Resolve, lay out and check a design, as `campaign-studio render` would; refusals become findings."""
    diags = Diagnostics()
    try:
        design = pipeline.resolve_design(req.campaign, req.template, req.format, req.language, stats=list(req.stats),
                                         message_id=req.message, statement_id=req.statement, brand=req.brand)
        if design.template.document is not None:
            doc, found = pipeline.layout_document(design, list(req.stats) or None)
            diags.extend(found)
            if doc is None:
                return Laid(design, [], diags)
            diags.extend(d for d in pipeline.check_document(doc, design) if d not in diags)
            rtl = language_info(design.language).direction == "rtl"
            pages = list(reversed(doc.pages)) if rtl else list(doc.pages)
            return Laid(design, pages, diags, rtl)
        page, found = pipeline.layout(design)
        diags.extend(found)
        if page is None:
            return Laid(design, [], diags)
        diags.extend(pipeline.check(page, design))
        return Laid(design, [page], diags)
    except InputError as exc:  # a brand, template or font the user's folder got wrong
        diags.append(exc.diagnostic)
        return Laid(None, [], diags)


def strip_size(pages: list[Page]) -> tuple[float, float]:
    """The size in pt of the pages side by side."""
    if not pages:
        return 0.0, 0.0
    return sum(p.width for p in pages) + PAGE_GAP_PT * (len(pages) - 1), max(p.height for p in pages)


def page_offsets(pages: list[Page]) -> list[float]:
    """Each page's left edge in the strip, in pt."""
    out, x = [], 0.0
    for page in pages:
        out.append(x)
        x += page.width + PAGE_GAP_PT
    return out


def render_strip(pages: list[Page], scale: float, simulate: str | None = None) -> Image.Image:
    """The pages side by side at `scale` px per pt, by the raster renderer (the export's PNG)."""
    images = [render_image(p, dpi=72.0 * scale).convert("RGB") for p in pages]
    if len(images) == 1:
        strip = images[0]
    else:
        w, h = strip_size(pages)
        strip = Image.new("RGB", (round(w * scale), round(h * scale)), GAP_GREY)
        for image, x in zip(images, page_offsets(pages), strict=True):
            strip.paste(image, (round(x * scale), 0))
    if simulate:
        from campaign_studio.checks.cvd import simulate_array

        seen = simulate_array(np.asarray(strip), simulate)  # type: ignore[arg-type]
        strip = Image.fromarray(np.rint(seen).astype(np.uint8), "RGB")
    return strip


class _Signals(QObject):
    done = Signal(object)


class _Job(QRunnable):
    def __init__(self, generation: int, req: PreviewRequest, laid: Laid | None, signals: _Signals) -> None:
        super().__init__()
        self.generation, self.req, self.laid, self.signals = generation, req, laid, signals

    def run(self) -> None:
        try:
            laid = self.laid or lay_out(self.req)
            image = render_strip(laid.pages, self.req.scale, self.req.simulate) if laid.pages else None
        except Exception as exc:  # a bug of ours: shown as a finding rather than a dead preview
            laid = Laid(None, [], Diagnostics([Diagnostic("error", f"internal error: {type(exc).__name__}: {exc}",
                                                          hint="this is a bug in Campaign Studio; please report it")]))
            image = None
        self.signals.done.emit(PreviewResult(self.generation, self.req, laid, image, laid.diagnostics))


class PreviewRenderer(QObject):
    """One preview's renders: the newest request wins."""

    finished = Signal(object)  # PreviewResult, on the interface thread

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # a queue: the newest request replaces any not yet started
        self.generation = 0
        self._pending: PreviewRequest | None = None
        self._cached: tuple[tuple[object, ...], Laid] | None = None
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self.start_now)

    def request(self, req: PreviewRequest) -> None:
        """Render `req` once the changes have stopped for the debounce time."""
        self._pending = req
        self._timer.start()

    def start_now(self) -> None:
        self._timer.stop()
        if self._pending is None:
            return
        req, self._pending = self._pending, None
        self.generation += 1
        laid = self._cached[1] if self._cached and self._cached[0] == req.design_key() else None
        self.pool.clear()  # jobs queued and not started are stale already
        self.pool.start(_Job(self.generation, req, laid, self._signals))

    def busy(self) -> bool:
        return self._pending is not None or self._timer.isActive() or self.pool.activeThreadCount() > 0

    def _done(self, result: PreviewResult) -> None:
        if result.laid.design is not None:
            self._cached = (result.request.design_key(), result.laid)
        if result.generation != self.generation:
            return  # a newer request is on its way
        self.finished.emit(result)

    def forget_layouts(self) -> None:
        """After an edit of the content: lay out again even when the choices are the same."""
        self._cached = None
