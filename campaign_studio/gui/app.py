"""The desktop app (first version): pick a design and see the exact export preview.

The preview is the raster renderer's output, so what you see is what you export.
The full editor (gallery, editing, undo, export dialog) comes in a later issue.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from campaign_studio import pipeline
from campaign_studio.content.design_loader import brand_ids, load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.languages import language_info
from campaign_studio.content.translations import available_languages
from campaign_studio.layout.engine import Design
from campaign_studio.model.diagnostics import InputError
from campaign_studio.render import render_image
from campaign_studio.resources import fonts_dir

PREVIEW_HEIGHT = 720
# A design of several pages (carousel) is previewed as its pages side by side, each this high.
PAGE_PREVIEW_HEIGHT = 360
PAGE_GAP = 12  # px between the pages, on the window's grey
GAP_GREY = (200, 200, 200)


class MainWindow(QMainWindow):
    def __init__(self, campaign_dir: Path | None = None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Campaign Studio"))
        loaded = pipeline.open_campaign(campaign_dir)
        if loaded.campaign is None:
            raise InputError(loaded.diagnostics.errors[0])
        self.campaign = loaded.campaign
        self.templates = load_templates()
        self.formats = load_formats()

        self.template_box = self._combo([(t.name, t.id) for t in self.templates.values()])
        self.format_box = self._combo([(f"{f.name} ({f.size_label})", f.id) for f in self.formats.values()])
        langs = [self.campaign.source_language, *available_languages(self.campaign.translations_folder)]
        self.language_box = self._combo([(code, code) for code in dict.fromkeys(langs)])
        self.brand_box = self._combo([(b, b) for b in brand_ids()])
        self.brand_box.setCurrentIndex(max(self.brand_box.findData("national"), 0))
        self.subject_box = QComboBox()
        self.template_box.currentIndexChanged.connect(self._fill_subjects)

        form = QFormLayout()
        form.addRow(self.tr("Template"), self.template_box)
        form.addRow(self.tr("Content"), self.subject_box)
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(self.tr("Brand"), self.brand_box)
        self.findings = QPlainTextEdit(readOnly=True)
        self.findings.setPlaceholderText(self.tr("No findings"))
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(QLabel(self.tr("Findings")))
        side.addWidget(self.findings)

        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Preview of the design"))
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.preview)

        body = QHBoxLayout()
        panel = QWidget()
        panel.setLayout(side)
        panel.setMaximumWidth(420)
        body.addWidget(panel)
        body.addWidget(scroll, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)

        self._fill_subjects()
        for box in (self.subject_box, self.format_box, self.language_box, self.brand_box):
            box.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def _combo(self, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox()
        for label, data in items:
            box.addItem(label, data)
        return box

    def _fill_subjects(self) -> None:
        template = self.templates[self.template_box.currentData()]
        self.subject_box.blockSignals(True)
        self.subject_box.clear()
        if template.document is not None:
            self.subject_box.addItem(self.tr("The template's figures"), "document:")
        if template.shows == "statistic":
            for s in self.campaign.statistics:
                if template.id != "women-men" or len(s.values) > 1:
                    self.subject_box.addItem(s.label.source, f"stat:{s.id}")
        elif template.shows == "statement":
            for st in self.campaign.statements:
                self.subject_box.addItem(st.text.source, f"statement:{st.id}")
        else:
            for m in self.campaign.messages:
                if template.id != "action-line" or m.action_line:
                    self.subject_box.addItem(m.headline.source, f"message:{m.id}")
        self.subject_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        kind, _, subject_id = (self.subject_box.currentData() or "").partition(":")
        try:
            design = pipeline.resolve_design(
                self.campaign, self.template_box.currentData(), self.format_box.currentData(),
                self.language_box.currentData(), stats=[subject_id] if kind == "stat" else [],
                message_id=subject_id if kind == "message" else None,
                statement_id=subject_id if kind == "statement" else None, brand=self.brand_box.currentData())
            if design.template.document is not None:
                return self._show_document(design, [subject_id] if kind == "stat" else None)
            page, diagnostics = pipeline.layout(design)
        except InputError as exc:  # a brand, template or font the user's data folder got wrong
            self.findings.setPlainText(exc.diagnostic.format())
            self.preview.setText(self.tr("This design cannot be shown: see the findings."))
            self.current_image = None
            return
        self.findings.setPlainText("\n".join(d.format() for d in diagnostics))
        if page is None:
            self.preview.setText(self.tr("This design cannot be shown: see the findings."))
            self.current_image = None
            return
        self._show_image(render_image(page, dpi=72.0 * PREVIEW_HEIGHT / page.height).convert("RGB"))

    def _show_document(self, design: Design, stat_ids: list[str] | None) -> None:
        """Every page of a multi-page design, side by side in reading order (right to left in Arabic)."""
        doc, diagnostics = pipeline.layout_document(design, stat_ids)
        self.findings.setPlainText("\n".join(d.format() for d in diagnostics))
        if doc is None:
            self.preview.setText(self.tr("This design cannot be shown: see the findings."))
            self.current_image = None
            return
        self._show_image(side_by_side([render_image(p, dpi=72.0 * PAGE_PREVIEW_HEIGHT / p.height).convert("RGB")
                                       for p in doc.pages], rtl=language_info(design.language).direction == "rtl"))

    def _show_image(self, image: Image.Image) -> None:
        self.current_image = image
        qimage = QImage(image.tobytes(), image.width, image.height, image.width * 3, QImage.Format.Format_RGB888)
        self.preview.setPixmap(QPixmap.fromImage(qimage.copy()))


def side_by_side(images: list[Image.Image], *, rtl: bool = False) -> Image.Image:
    """The pages in a row, PAGE_GAP apart; the first page on the right for a right-to-left language."""
    ordered = list(reversed(images)) if rtl else images
    width = sum(i.width for i in ordered) + PAGE_GAP * (len(ordered) - 1)
    strip = Image.new("RGB", (width, max(i.height for i in ordered)), GAP_GREY)
    x = 0
    for image in ordered:
        strip.paste(image, (x, 0))
        x += image.width + PAGE_GAP
    return strip


def register_fonts() -> None:
    for font in sorted(fonts_dir().glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))


def main(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv)
    register_fonts()
    window = MainWindow()
    window.resize(1280, 860)
    window.show()
    return app.exec()
