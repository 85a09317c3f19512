"""The desktop app's main window: pick a design, see the export's own preview, check it, export it.

The preview is the raster renderer's output (render_worker.py), rendered off the interface
thread at the zoom's resolution, so what you see is what you export. The window holds one
editing session (editing/session.py: the opened campaign with its unsaved edits, which the
preview shows) and the undo stack the content panel pushes its commands on; a click on a text
in the preview puts the cursor in that text's editor. Start it with
`campaign-studio gui [FOLDER] [--ui-lang CODE] [--screenshot FILE.png]` or `python main.py [FOLDER]`.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFontDatabase, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from campaign_studio import pipeline
from campaign_studio.checks.cvd import DEFICIENCIES
from campaign_studio.content.design_loader import brand_ids, load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.translations import available_languages
from campaign_studio.editing.session import EditingSession
from campaign_studio.gui import file_actions, i18n
from campaign_studio.gui.content_panel import ContentPanel
from campaign_studio.gui.findings_panel import FindingsPanel, shown_path
from campaign_studio.gui.gallery import TemplateGallery
from campaign_studio.gui.preview import PreviewWidget
from campaign_studio.gui.render_worker import PreviewRenderer, PreviewRequest, PreviewResult
from campaign_studio.gui.undo import EditCommand
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostic, InputError
from campaign_studio.resources import fonts_dir

DEFAULT_TEMPLATE = "women-men"
DEFAULT_FORMAT = "post-1x1"
DEFAULT_BRAND = "national"
EDITION = "edition:"  # brand selector data of an edition folder: "edition:" + its absolute path


def open_campaign_folder(folder: Path | None) -> EditingSession:
    """An editing session on a folder's campaign (None: the built-in one); a bad folder is an InputError
    with its first error."""
    return EditingSession(folder)


class MainWindow(QMainWindow):
    preview_shown = Signal()  # after each render that reached the screen

    def __init__(self, campaign_dir: Path | None = None) -> None:
        super().__init__()
        self.campaign_dir = campaign_dir
        self.session = open_campaign_folder(campaign_dir)
        self.templates = load_templates()
        self.formats = load_formats()
        self.undo_stack = QUndoStack(self)
        self.current_image: Image.Image | None = None
        self.last_result: PreviewResult | None = None
        self.simulate: str | None = None

        self.renderer = PreviewRenderer(self)
        self.renderer.finished.connect(self._show_result)
        self.preview = PreviewWidget()
        self.preview.zoom_changed.connect(lambda _z: self.refresh())
        self.findings = FindingsPanel()
        self.findings.slot_chosen.connect(self.preview.highlight_slot)
        self.gallery = TemplateGallery()
        self.content = ContentPanel(self.session, self.undo_stack)
        self.content.edited.connect(self.content_edited)
        self.preview.slot_clicked.connect(self.edit_slot)
        self.recent = file_actions.RecentFolders()
        self.autosave = file_actions.Autosave(lambda: self.session, parent=self)

        self.template_box = QComboBox()
        self.subject_box = QComboBox()
        self.format_box = QComboBox()
        self.language_box = QComboBox()
        self.brand_box = QComboBox()
        for t in self.templates.values():
            self.template_box.addItem(t.name, t.id)
        for f in self.formats.values():
            self.format_box.addItem(f"{f.name} ({f.size_label})", f.id)
        for b in brand_ids():
            self.brand_box.addItem(b, b)
        self._select(self.template_box, DEFAULT_TEMPLATE)
        self._select(self.format_box, DEFAULT_FORMAT)
        self._select(self.brand_box, DEFAULT_BRAND)
        self._fill_languages()

        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(5)]
        for label, box in zip(self.form_labels, (self.template_box, self.subject_box, self.format_box,
                                                 self.language_box, self.brand_box), strict=True):
            label.setBuddy(box)
            self.form.addRow(label, box)
        self.tabs = QTabWidget()  # the gallery to pick a template, the texts to edit the design's words
        self.tabs.addTab(self.gallery, "")
        self.tabs.addTab(self.content, "")
        side = QVBoxLayout()
        side.addLayout(self.form)
        side.addWidget(self.tabs, 1)
        panel = QWidget()
        panel.setLayout(side)
        panel.setMinimumWidth(300)
        panel.setMaximumWidth(460)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        right.addWidget(self.findings)
        right.setStretchFactor(0, 4)
        right.setStretchFactor(1, 1)
        right.setSizes([700, 180])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(panel)
        body.addWidget(right)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        self.setCentralWidget(body)

        self._make_actions()
        self._make_menus()
        self.retranslate()

        self._fill_subjects()
        self._fill_gallery()
        self.template_box.currentIndexChanged.connect(self._template_changed)
        self.gallery.template_chosen.connect(lambda t: self._select(self.template_box, t))
        self.subject_box.currentIndexChanged.connect(self._show_texts)
        for box in (self.subject_box, self.format_box):
            box.currentIndexChanged.connect(self.refresh)
        self.brand_box.currentIndexChanged.connect(self._brand_changed)
        for box in (self.language_box, self.brand_box):
            box.currentIndexChanged.connect(self._fill_gallery)
            box.currentIndexChanged.connect(self.refresh)
        self.language_box.currentIndexChanged.connect(self._show_texts)
        self._show_title()
        self.refresh()

    @property
    def campaign(self) -> Campaign:
        """The campaign the window shows: the opened one with its unsaved edits, or as the chosen edition
        makes it (its contacts, replaced texts and translations; read again when its files change)."""
        edition = self.edition_folder()
        if edition is not None:
            return pipeline.edition_campaign(edition)
        return self.session.campaign

    def edition_folder(self) -> Path | None:
        """The edition chosen in the brand selector, or None for a brand."""
        data = self.brand_box.currentData()
        return Path(data.removeprefix(EDITION)) if isinstance(data, str) and data.startswith(EDITION) else None

    # --- menus, toolbar, shortcuts ---------------------------------------------------------------------

    def _action(self, slot, shortcut: QKeySequence.StandardKey | str | None = None, *,
                checkable: bool = False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.open_action = self._action(self.choose_folder, keys.Open)
        self.open_brand_action = self._action(self.choose_brand_kit, "Ctrl+Shift+B")
        self.open_edition_action = self._action(self.choose_edition, "Ctrl+Shift+D")
        self.save_action = self._action(self.save, keys.Save)
        self.save_as_action = self._action(self.save_as, keys.SaveAs)
        self.save_as_action.setShortcuts([QKeySequence(keys.SaveAs), QKeySequence("Ctrl+Shift+S")])
        self.export_action = self._action(self.export, "Ctrl+E")
        self.quit_action = self._action(self.close, keys.Quit)
        self.quit_action.setShortcuts([QKeySequence(keys.Quit), QKeySequence("Ctrl+Q")])
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence(keys.Redo))
        self.fit_action = self._action(self.preview.zoom_to_fit, "Ctrl+0")
        self.actual_size_action = self._action(self.preview.zoom_actual, "Ctrl+1")
        self.zoom_in_action = self._action(self.preview.zoom_in, keys.ZoomIn)
        self.zoom_in_action.setShortcuts([QKeySequence(keys.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(self.preview.zoom_out, keys.ZoomOut)
        self.safe_area_action = self._action(self._toggle_safe_area, checkable=True)
        self.safe_area_action.setChecked(True)
        self.about_action = self._action(self.about, keys.HelpContents)
        self.cvd_group = QActionGroup(self)
        self.cvd_actions: dict[str | None, QAction] = {}
        for deficiency in (None, *DEFICIENCIES):
            action = self._action(lambda _c=False, d=deficiency: self.set_simulation(d), checkable=True)
            action.setChecked(deficiency is None)
            self.cvd_group.addAction(action)
            self.cvd_actions[deficiency] = action
        self.ui_group = QActionGroup(self)
        self.ui_actions: dict[str, QAction] = {}
        for code in i18n.ui_language_codes():
            action = self._action(lambda _c=False, c=code: self.set_ui_language(c), checkable=True)
            self.ui_group.addAction(action)
            self.ui_actions[code] = action

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.open_action, self.open_brand_action, self.open_edition_action])
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([self.fit_action, self.actual_size_action, self.zoom_in_action, self.zoom_out_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.safe_area_action)
        self.cvd_menu = QMenu(self)
        self.cvd_menu.addActions(list(self.cvd_actions.values()))
        self.view_menu.addMenu(self.cvd_menu)
        self.ui_menu = QMenu(self)
        self.ui_menu.addActions(list(self.ui_actions.values()))
        self.view_menu.addMenu(self.ui_menu)
        self.export_menu = bar.addMenu("")
        self.export_menu.addAction(self.export_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.addActions([self.open_action, self.save_action, self.export_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.fit_action, self.actual_size_action, self.zoom_in_action, self.zoom_out_action])
        self.addToolBar(self.toolbar)

    def retranslate(self) -> None:
        """Every interface text in the current interface language (again after a LanguageChange)."""
        self._show_title()
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.export_menu.setTitle(self.tr("E&xport"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.cvd_menu.setTitle(self.tr("Simulate &colour vision"))
        self.ui_menu.setTitle(self.tr("Interface &language"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        texts = {self.open_action: self.tr("&Open folder…"), self.open_brand_action: self.tr("Open &brand kit…"),
                 self.open_edition_action: self.tr("Open e&dition…"),
                 self.save_action: self.tr("&Save"), self.save_as_action: self.tr("Save &as…"),
                 self.export_action: self.tr("&Export…"), self.quit_action: self.tr("&Quit"),
                 self.fit_action: self.tr("&Fit to window"), self.actual_size_action: self.tr("&Actual size (100%)"),
                 self.zoom_in_action: self.tr("Zoom &in"), self.zoom_out_action: self.tr("Zoom &out"),
                 self.safe_area_action: self.tr("Show the &safe area of stories"),
                 self.about_action: self.tr("&About Campaign Studio")}
        for action, text in texts.items():
            action.setText(text)
        cvd_names = {None: self.tr("&Normal vision"), "protanopia": self.tr("&Protanopia (no red cones)"),
                     "deuteranopia": self.tr("&Deuteranopia (no green cones)"),
                     "tritanopia": self.tr("&Tritanopia (no blue cones)"),
                     "achromatopsia": self.tr("&Achromatopsia (no colour)")}
        for deficiency, action in self.cvd_actions.items():
            action.setText(cvd_names.get(deficiency, str(deficiency)))
        current = i18n.current_ui_language()
        for ui in i18n.available_ui_languages(current):
            self.ui_actions[ui.code].setText(ui.label)
            self.ui_actions[ui.code].setChecked(ui.code == current)
        for label, text in zip(self.form_labels, (self.tr("&Template"), self.tr("&Content"), self.tr("F&ormat"),
                                                  self.tr("&Language"), self.tr("&Brand or edition")), strict=True):
            label.setText(text)
        self.tabs.setTabText(0, self.tr("&Gallery"))
        self.tabs.setTabText(1, self.tr("&Texts"))
        names = {self.template_box: (self.tr("Template"), self.tr("The kind of design")),
                 self.subject_box: (self.tr("Content"), self.tr("The statistic, message or statement the design shows")),
                 self.format_box: (self.tr("Format"), self.tr("The size and platform of the design")),
                 self.language_box: (self.tr("Language"), self.tr("The language of the design")),
                 self.brand_box: (self.tr("Brand or edition"),
                                  self.tr("The brand kit the design is in, or a municipality's edition")),
                 self.gallery: (self.tr("Template gallery"), self.tr("Thumbnails of every template")),
                 self.tabs.tabBar(): (self.tr("Gallery or texts"),
                                      self.tr("Show the template gallery or the texts of the design to edit")),
                 self.preview: (self.tr("Preview of the design"),
                                self.tr("The design as it is exported; click a text to edit it"))}
        for widget, (name, description) in names.items():
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)
        self.findings.retranslate()
        self._fill_languages()
        self._show_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "help_menu"):
            self.retranslate()
        super().changeEvent(event)

    # --- selectors --------------------------------------------------------------------------------------

    @staticmethod
    def _select(box: QComboBox, data: object) -> None:
        index = box.findData(data)
        if index >= 0:
            box.setCurrentIndex(index)

    def _fill_languages(self) -> None:
        """The campaign's languages (an edition's own) by name in the interface language, with their own name beside it."""
        campaign = self.campaign
        current = self.language_box.currentData() or campaign.source_language
        codes = dict.fromkeys([campaign.source_language, *(campaign.edition.languages if campaign.edition else
                                                           available_languages(campaign.translations_folder))])
        self.language_box.blockSignals(True)
        self.language_box.clear()
        for code in codes:
            self.language_box.addItem(i18n.language_label(code), code)
        self._select(self.language_box, current)
        self.language_box.blockSignals(False)

    def _template_changed(self) -> None:
        self.gallery.blockSignals(True)
        self.gallery.select(self.template_box.currentData())
        self.gallery.blockSignals(False)
        self._fill_subjects()

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
        elif template.document is None:
            for m in self.campaign.messages:
                if template.id != "action-line" or m.action_line:
                    self.subject_box.addItem(m.headline.source, f"message:{m.id}")
        self._select(self.subject_box, self._default_subject(template.id))
        self.subject_box.blockSignals(False)
        self._show_texts()
        self.refresh()

    def _default_subject(self, template_id: str) -> str | None:
        """The content `campaign-studio render` shows for the template when none is named (the help template:
        the message about help), as the subject selector's data."""
        try:
            subject = pipeline.resolve_design(self.campaign, template_id, self.format_box.currentData()).subject
        except InputError:
            return None
        if subject.message is not None:
            return f"message:{subject.message.id}"
        return None

    def _subject(self) -> tuple[str | None, str | None]:
        """(kind, id) of the chosen content: ("stat", ...), ("message", ...), ("statement", ...) or (None, None)."""
        kind, _, subject_id = (self.subject_box.currentData() or "").partition(":")
        return (kind, subject_id) if kind and subject_id else (None, None)

    def _show_texts(self) -> None:
        """The content panel shows the editors of the current design's texts in its language."""
        kind, subject_id = self._subject()
        names = {"stat": "statistic", "message": "message", "statement": "statement"}
        language = self.language_box.currentData() or self.session.source_language
        if language not in self.session.languages:
            language = self.session.source_language
        self.content.set_design(self.template_box.currentData(), names.get(kind or ""), subject_id, language)

    def _show_title(self) -> None:
        where = self.tr("built-in campaign") if self.session.is_builtin else str(self.session.folder)
        self.setWindowTitle(self.tr("%1[*] — Campaign Studio").replace("%1", where))
        self.setWindowModified(self.session.is_modified)

    def _fill_gallery(self) -> None:
        self.gallery.fill(self.templates, self.campaign, [self.format_box.currentData(), *self.formats],
                          self.language_box.currentData(), self._brand(), current=self.template_box.currentData())

    def _brand(self) -> str | Path | None:
        """What the design is drawn in: a shipped brand's id, a brand-kit folder, or None for an edition (its own)."""
        data = self.brand_box.currentData()
        if isinstance(data, str) and data.startswith(EDITION):
            return None
        return Path(data) if isinstance(data, str) and data not in brand_ids() else data

    def _brand_changed(self) -> None:
        """A brand or an edition chosen: an edition brings its languages and contacts; its texts are its own."""
        edition = self.edition_folder() is not None
        self.content.setEnabled(not edition)
        self.content.setToolTip(self.tr("An edition's texts are changed in its edition.yaml; choose a brand to edit "
                                        "the campaign's texts") if edition else "")
        self._fill_languages()
        self._show_texts()
        self.renderer.forget_layouts()

    # --- the preview ------------------------------------------------------------------------------------

    def request(self) -> PreviewRequest:
        kind, _, subject_id = (self.subject_box.currentData() or "").partition(":")
        return PreviewRequest(
            self.campaign, self.template_box.currentData(), self.format_box.currentData(),
            self.language_box.currentData(), self._brand(), stats=(subject_id,) if kind == "stat" else (),
            message=subject_id if kind == "message" else None, statement=subject_id if kind == "statement" else None,
            scale=self.preview.render_scale(), simulate=self.simulate)

    def refresh(self) -> None:
        """Render the design again once the changes stop (debounced, off the interface thread)."""
        if hasattr(self, "renderer"):
            self.renderer.request(self.request())

    def content_edited(self) -> None:
        """The campaign's content changed (an edit, an undo): lay it out again."""
        self.renderer.forget_layouts()
        self.setWindowModified(self.session.is_modified)
        self.refresh()

    def edit_slot(self, slot_id: str) -> None:
        """A click on a text in the preview: its editor, with the cursor in it."""
        if self.content.focus_slot(slot_id):
            self.tabs.setCurrentWidget(self.content)
            self.content.focus_slot(slot_id)  # again: the tab was hidden, its editor could not take focus

    def _show_result(self, result: PreviewResult) -> None:
        self.last_result = result
        self.current_image = result.image
        self.preview.show_pages(result.laid.pages, result.image, result.request.scale)
        self.findings.show_findings(result.diagnostics, self.campaign.folder)
        self.preview_shown.emit()

    def _toggle_safe_area(self, on: bool) -> None:
        self.preview.canvas.show_safe_area = on
        self.preview.canvas.update()

    def set_simulation(self, deficiency: str | None) -> None:
        self.simulate = deficiency
        self.cvd_actions[deficiency].setChecked(True)
        self.refresh()

    # --- commands ---------------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a campaign folder"))
        if folder:
            self.open_folder(Path(folder))

    def open_folder(self, folder: Path, *, recover: bool = True) -> bool:
        """Open a campaign folder (after asking about unsaved edits); recover: offer a crash's unsaved edits."""
        if not file_actions.confirm_unsaved(self, self.session):
            return False
        try:
            session = open_campaign_folder(folder)
        except InputError as exc:
            self._refuse(self.tr("This folder cannot be opened"), exc.diagnostic, folder)
            return False
        self._use_session(session)
        self.recent.add(folder)
        if recover:
            self.offer_recovery()
        return True

    def _use_session(self, session: EditingSession) -> None:
        self.campaign_dir, self.session = session.folder, session
        self.undo_stack.clear()
        self.content.set_session(session)
        self._fill_languages()
        self._fill_subjects()
        self._fill_gallery()
        self._show_title()
        self.content_edited()

    def offer_recovery(self) -> None:
        """Unsaved edits a crash left for this campaign: restored as one undoable step when the user agrees."""
        edit = file_actions.offer_recovery(self, self.session)
        if edit is not None:
            self.undo_stack.push(EditCommand(edit, applied=True))
            self.content.refresh()
            self.content_edited()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        folders = [f for f in self.recent.folders() if f.is_dir()]
        for folder in folders:
            action = self.recent_menu.addAction(str(folder))
            action.triggered.connect(lambda _c=False, f=folder: self.open_folder(f))
        if not folders:
            self.recent_menu.addAction(self.tr("No recent folders")).setEnabled(False)

    def save(self) -> bool:
        """Save the edits into the campaign's files (the built-in campaign: into a new folder)."""
        builtin = self.session.is_builtin
        saved = file_actions.save(self, self.session, self._choose_new_folder)
        if saved:
            self._after_save(reopen=builtin)
        return saved

    def save_as(self) -> bool:
        saved = file_actions.save_as(self, self.session, self._choose_new_folder)
        if saved:
            self._after_save(reopen=True)
        return saved

    def _choose_new_folder(self, parent: QWidget | None) -> Path | None:
        return file_actions.choose_new_folder(parent)

    def _after_save(self, *, reopen: bool) -> None:
        if reopen and self.session.folder is not None:  # save as: the window now works on the new folder
            self.campaign_dir = self.session.folder
            self.recent.add(self.session.folder)
        self.autosave.write_now()  # nothing unsaved is left: the recovery file goes
        self._show_title()
        self.content.refresh()
        self.content_edited()

    def closeEvent(self, event: QCloseEvent) -> None:
        if file_actions.confirm_unsaved(self, self.session):
            self.autosave.stop()
            from campaign_studio.editing import recovery

            recovery.clear_recovery(self.session.folder)
            event.accept()
        else:
            event.ignore()

    def choose_brand_kit(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a brand-kit folder"))
        if folder:
            self.open_brand_kit(Path(folder))

    def open_brand_kit(self, folder: Path) -> bool:
        """Add a brand-kit folder to the brand selector and choose it; a broken kit is refused with its error."""
        found = pipeline.check_brand_kit(folder)
        broken = [d for d in found if d.is_error and not d.code]  # a kit that cannot be read, not a finding
        if broken:
            self._refuse(self.tr("This brand kit cannot be opened"), broken[0], folder)
            return False
        data = str(folder.resolve())
        if self.brand_box.findData(data) < 0:
            self.brand_box.addItem(self.tr("%1 (folder)").replace("%1", folder.name), data)
        self._select(self.brand_box, data)
        return True

    def choose_edition(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open an edition folder (with edition.yaml)"))
        if folder:
            self.open_edition(Path(folder))

    def open_edition(self, folder: Path) -> bool:
        """Add an edition folder to the brand selector and choose it; an edition with an error is refused with it."""
        try:
            loaded = pipeline.open_edition(folder)
        except InputError as exc:
            self._refuse(self.tr("This edition cannot be opened"), exc.diagnostic, folder)
            return False
        if loaded.edition is None:
            self._refuse(self.tr("This edition cannot be opened"), loaded.diagnostics.errors[0], folder)
            return False
        data = EDITION + str(loaded.edition.folder)
        if self.brand_box.findData(data) < 0:
            self.brand_box.addItem(self.tr("%1 (edition)").replace("%1", loaded.edition.name), data)
        self._select(self.brand_box, data)
        return True

    def opened_editions(self) -> list[str]:
        """Every brand or edition in the selector as the export takes it: ids, brand-kit and edition folders."""
        found = []
        for i in range(self.brand_box.count()):
            data = self.brand_box.itemData(i)
            if isinstance(data, str):
                found.append(data.removeprefix(EDITION))
        return found

    def _refuse(self, title: str, diagnostic: Diagnostic, near: Path) -> None:
        where = shown_path(diagnostic.location.file, near.parent) if diagnostic.location else ""
        line = f":{diagnostic.location.line}" if diagnostic.location and diagnostic.location.line else ""
        text = f"{where}{line}: {diagnostic.message}" if where else diagnostic.message
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        if diagnostic.hint:
            box.setInformativeText(diagnostic.hint)
        box.open()

    def export(self) -> None:
        """The export dialog on the saved campaign: unsaved edits are saved first (the export reads the files,
        as `campaign-studio export` does, so the manifest's hashes are of what is on disk)."""
        from campaign_studio.gui.export_dialog import CurrentDesign, ExportDialog

        if self.session.is_modified:
            answer = QMessageBox.question(
                self, self.tr("Save before exporting"),
                self.tr("The export is made from the saved campaign. Save your changes first?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer != QMessageBox.StandardButton.Save or not self.save():
                return
        kind, _, subject_id = (self.subject_box.currentData() or "").partition(":")
        edition = self.edition_folder()
        current = CurrentDesign(template=self.template_box.currentData(), format=self.format_box.currentData(),
                                language=self.language_box.currentData(),
                                edition=str(edition or self._brand()), editions=tuple(self.opened_editions()),
                                stat=subject_id if kind == "stat" else None,
                                message=subject_id if kind == "message" else None,
                                statement=subject_id if kind == "statement" else None)
        self.export_dialog = ExportDialog(self.campaign_dir, current, parent=self)
        self.export_dialog.open()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Campaign Studio"),
                          self.tr("Campaign Studio makes accessible posters, social cards and infographics "
                                  "from a campaign's statistics and messages, in many languages, offline."))

    def set_ui_language(self, code: str) -> None:
        """Put the interface in another language now, and keep the choice for the next start."""
        app = QApplication.instance()
        if app is None:
            return
        i18n.install_ui_language(app, code)
        i18n.save_ui_language(code)
        self.retranslate()
        self._fill_gallery()


def register_fonts() -> None:
    for font in sorted(fonts_dir().glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))


SCREENSHOT_WAIT_MS = 20000  # the gallery's thumbnails get this long to arrive before the screenshot


def start(folder: Path | None = None, ui_lang: str | None = None, screenshot: Path | None = None,
          size: tuple[int, int] = (1400, 900), *, edition: Path | None = None) -> int:
    """Open the window (on the built-in campaign or `folder`); with `screenshot`, save a grab after the
    first preview (and the gallery) is shown, and quit. Exit code 2 for a folder that cannot be opened."""
    import sys

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from campaign_studio.gui.gc_guard import MainThreadCollector

    collector = MainThreadCollector(app)  # garbage is collected on this thread only, never in a worker
    app.setApplicationName("Campaign Studio")
    app.setOrganizationName("Campaign Studio")
    register_fonts()
    i18n.build_translations()  # the .qm files when missing or older than their .ts
    i18n.install_ui_language(app, ui_lang)
    window = MainWindow(folder)
    if edition is not None:
        window.open_edition(edition)
    window.resize(*size)
    window.show()
    if screenshot is None:
        QTimer.singleShot(0, window.offer_recovery)  # a crash's unsaved edits, once the window is up
    if screenshot is not None:
        waited = [0]

        def shoot() -> None:
            waited[0] += 100
            ready = window.last_result is not None and not window.renderer.busy()
            if not ready or (window.gallery.pending and waited[0] < SCREENSHOT_WAIT_MS):
                QTimer.singleShot(100, shoot)
                return
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(screenshot)):
                print(f"{screenshot}: the screenshot could not be written", file=sys.stderr)
                app.exit(1)
                return
            print(f"{screenshot}: screenshot of the main window")
            app.quit()

        QTimer.singleShot(100, shoot)
    code = app.exec()
    collector.stop()
    return code
