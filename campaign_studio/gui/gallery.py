"""The template gallery: one thumbnail per template, made by the real renderer in the background.

Thumbnails are rendered on a QThreadPool (the interface stays free) and kept in memory by
(template, format, language, brand), so switching back to a brand or language shows them at once.
Choosing a thumbnail emits `template_chosen(template_id)`.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from campaign_studio.gui.preview import _qimage
from campaign_studio.gui.render_worker import PreviewRequest, lay_out, render_strip
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.template import Template

THUMB = 96  # px, the longer side
ID_ROLE = Qt.ItemDataRole.UserRole

_cache: dict[tuple[object, ...], Image.Image | None] = {}  # in memory, for the process's life


def thumbnail(req: PreviewRequest) -> Image.Image | None:
    """The first page of a design, THUMB px on its longer side; None when it cannot be laid out."""
    key = req.design_key()
    if key not in _cache:
        laid = lay_out(req)
        if not laid.pages:
            _cache[key] = None
        else:
            first = laid.pages[-1] if laid.rtl else laid.pages[0]  # the first page in reading order
            scale = THUMB / max(first.width, first.height)
            _cache[key] = render_strip([first], scale)
    return _cache[key]


class _Signals(QObject):
    done = Signal(str, object, int)  # template id, image or None, gallery generation


class _Thumb(QRunnable):
    def __init__(self, template_id: str, req: PreviewRequest, generation: int, signals: _Signals) -> None:
        super().__init__()
        self.template_id, self.req, self.generation, self.signals = template_id, req, generation, signals

    def run(self) -> None:
        try:
            image = thumbnail(self.req)
        except Exception:  # a thumbnail that fails shows the template name only
            image = None
        self.signals.done.emit(self.template_id, image, self.generation)


class TemplateGallery(QListWidget):
    template_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 34, THUMB + 44))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # the preview has the other core
        self.generation = 0
        self.pending = 0
        self._signals = _Signals(self)
        self._signals.done.connect(self._thumb_done)
        self.currentItemChanged.connect(self._chosen)

    def fill(self, templates: dict[str, Template], campaign: Campaign, formats: list[str], language: str,
             brand: str | Path | None, current: str | None = None) -> None:
        """One item per template; thumbnails in `language` and `brand` at each template's first fitting format."""
        self.generation += 1
        self.pool.clear()
        self.blockSignals(True)
        self.clear()
        self.pending = 0
        for template in templates.values():
            item = QListWidgetItem(template.name)
            item.setData(ID_ROLE, template.id)
            item.setToolTip(template.name)
            self.addItem(item)
            fmt = next((f for f in formats if template.made_for(f)), formats[0])
            req = PreviewRequest(campaign, template.id, fmt, language, brand)
            cached = _cache.get(req.design_key(), False)
            if cached is not False:
                self._set_icon(item, cached)
            else:
                self.pending += 1
                self.pool.start(_Thumb(template.id, req, self.generation, self._signals))
            if template.id == current:
                self.setCurrentItem(item)
        self.blockSignals(False)

    def select(self, template_id: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(ID_ROLE) == template_id:
                self.setCurrentRow(i)
                return

    def current_template(self) -> str | None:
        item = self.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _set_icon(self, item: QListWidgetItem, image: Image.Image | None) -> None:
        if image is not None:
            item.setIcon(QIcon(QPixmap.fromImage(_qimage(image))))

    def _thumb_done(self, template_id: str, image: Image.Image | None, generation: int) -> None:
        if generation != self.generation:
            return
        self.pending -= 1
        for i in range(self.count()):
            if self.item(i).data(ID_ROLE) == template_id:
                self._set_icon(self.item(i), image)

    def _chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.template_chosen.emit(current.data(ID_ROLE))
