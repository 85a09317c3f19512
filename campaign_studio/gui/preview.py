"""The zoomable preview: the raster renderer's image of the design, the stories' safe area, a highlight.

    preview.show_pages(pages, image, scale)   # pages in display order, image at `scale` px per pt
    preview.zoom_changed -> render again at preview.render_scale()
    preview.slot_clicked(slot_id)              # a click on a text block (or a figure with a slot)

Zoom is "fit" (the whole design in the window, rescaled with it) until the user asks for
100 % or zooms in or out (Ctrl+plus/minus, Ctrl+wheel). The image shown is rendered at the
zoom's resolution; while a new render is on its way the old one is scaled to the new size.
"""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QWidget

from campaign_studio.gui.render_worker import page_offsets, strip_size
from campaign_studio.model.pagetree import FigureGroup, Page, Rect, TextBlock

MARGIN = 16  # px around the design in the window
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
SAFE_AREA_PEN = QColor(0, 160, 255)
HIGHLIGHT_PEN = QColor(230, 0, 120)


def _qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGB")
    return QImage(rgb.tobytes(), rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


class PageCanvas(QWidget):
    """Paints the pages at the current zoom; knows where each page and item is on screen."""

    clicked = Signal(QPointF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[Page] = []
        self.image: QImage | None = None
        self.zoom = 1.0  # screen px per pt
        self.highlight: list[tuple[int, Rect]] = []  # (page index, box in pt)
        self.show_safe_area = True
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def content_size(self) -> QSize:
        w, h = strip_size(self.pages)
        return QSize(round(w * self.zoom) + 2 * MARGIN, round(h * self.zoom) + 2 * MARGIN)

    def sizeHint(self) -> QSize:
        return self.content_size()

    def page_rect(self, index: int, box: Rect | None = None) -> QRectF:
        """A page (or a box on it, in pt) in this widget's px."""
        page = self.pages[index]
        x0 = page_offsets(self.pages)[index]
        r = box or Rect(0, 0, page.width, page.height)
        z = self.zoom
        return QRectF(MARGIN + (x0 + r.x) * z, MARGIN + r.y * z, r.w * z, r.h * z)

    def to_page(self, pos: QPointF) -> tuple[int, float, float] | None:
        """The page under a widget point and the point on it in pt; None off the pages."""
        for i in range(len(self.pages)):
            rect = self.page_rect(i)
            if rect.contains(pos):
                return i, (pos.x() - rect.x()) / self.zoom, (pos.y() - rect.y()) / self.zoom
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.image is not None and self.pages:
            w, h = strip_size(self.pages)
            target = QRectF(MARGIN, MARGIN, w * self.zoom, h * self.zoom)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self.image)
            if self.show_safe_area:
                pen = QPen(SAFE_AREA_PEN, 1.5, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                for i, page in enumerate(self.pages):
                    if page.safe_area is not None and page.safe_area != Rect(0, 0, page.width, page.height):
                        painter.drawRect(self.page_rect(i, page.safe_area))
            painter.setPen(QPen(HIGHLIGHT_PEN, 3))
            for i, box in self.highlight:
                if i < len(self.pages):
                    painter.drawRect(self.page_rect(i, box).adjusted(-2, -2, 2, 2))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(event.position())
        super().mousePressEvent(event)


def slot_at(page: Page, x: float, y: float) -> str | None:
    """The slot of the innermost text block (or slotted figure) whose box holds the point (pt)."""
    found = None
    for item in page.walk():
        box = item.box if isinstance(item, TextBlock | FigureGroup) else None
        slot = getattr(item, "slot", "")
        if box is not None and slot and box.x <= x <= box.x + box.w and box.y <= y <= box.y + box.h:
            found = slot  # later items are drawn over earlier ones, and a group's items come after it
    return found


def slot_boxes(page: Page, slot: str) -> list[Rect]:
    """The boxes of the items that show a slot."""
    return [i.box for i in page.walk() if isinstance(i, TextBlock | FigureGroup) and i.slot == slot]


class PreviewWidget(QScrollArea):
    """The preview in a scroll area: fit by default, 100 %, zoom in and out."""

    slot_clicked = Signal(str)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = PageCanvas()
        self.canvas.clicked.connect(self._clicked)
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fit = True
        self.image_scale = 1.0  # px per pt of the image shown

    # --- what is shown ----------------------------------------------------------------------------------

    def show_pages(self, pages: list[Page], image: Image.Image | None, scale: float) -> None:
        self.canvas.pages = pages
        self.canvas.image = _qimage(image) if image is not None else None
        self.image_scale = scale
        self.canvas.highlight = [h for h in self.canvas.highlight if h[0] < len(pages)]
        self._apply_zoom(self.fit_zoom() if self.fit else self.canvas.zoom)

    def set_highlight(self, boxes: list[tuple[int, Rect]]) -> None:
        self.canvas.highlight = boxes
        self.canvas.update()
        if boxes and boxes[0][0] < len(self.canvas.pages):
            self.ensureVisible(round(self.canvas.page_rect(*boxes[0]).center().x()),
                               round(self.canvas.page_rect(*boxes[0]).center().y()))

    def highlight_slot(self, slot: str) -> None:
        self.set_highlight([(i, box) for i, page in enumerate(self.canvas.pages) for box in slot_boxes(page, slot)])

    @property
    def zoom(self) -> float:
        return self.canvas.zoom

    def render_scale(self) -> float:
        """The resolution (device px per pt) a render for the current zoom should have."""
        return self.canvas.zoom * self.devicePixelRatioF()

    # --- zoom --------------------------------------------------------------------------------------------

    def fit_zoom(self) -> float:
        w, h = strip_size(self.canvas.pages)
        if not w or not h:
            return self.canvas.zoom
        view = self.maximumViewportSize()  # as without scroll bars: a fitted design needs none
        return max(MIN_ZOOM, min((view.width() - 2 * MARGIN) / w, (view.height() - 2 * MARGIN) / h))

    def zoom_to_fit(self) -> None:
        self.fit = True
        self._apply_zoom(self.fit_zoom())

    def zoom_actual(self) -> None:
        """100 %: one pt of the design is one px of the screen (the export's PNG at 72 dpi)."""
        self.fit = False
        self._apply_zoom(1.0)

    def zoom_in(self) -> None:
        self.fit = False
        self._apply_zoom(self.canvas.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.fit = False
        self._apply_zoom(self.canvas.zoom / ZOOM_STEP)

    def _apply_zoom(self, zoom: float) -> None:
        """Show the image at `zoom`; ask for a new render when the image shown has another resolution."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        changed = abs(zoom - self.canvas.zoom) > 1e-6
        self.canvas.zoom = zoom
        self.canvas.resize(self.canvas.content_size())
        self.canvas.update()
        if changed or abs(zoom * self.devicePixelRatioF() - self.image_scale) > 1e-6:
            self.zoom_changed.emit(zoom)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fit:
            self._apply_zoom(self.fit_zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def _clicked(self, pos: QPointF) -> None:
        hit = self.canvas.to_page(pos)
        if hit is None:
            return
        index, x, y = hit
        slot = slot_at(self.canvas.pages[index], x, y)
        if slot:
            self.slot_clicked.emit(slot)
