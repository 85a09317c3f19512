"""The export dialog: many designs at once, through the command line's export engine and manifest.

    dialog = ExportDialog(campaign_folder, CurrentDesign(template="women-men", format="post-1x1",
                          language="tr", edition="national", stat="women-vs-men"), parent=window)
    dialog.open()   # or exec()

`campaign_folder` is the campaign the window shows (None: the built-in one); `current` is the
design the window shows: it is what the dialog chooses at first (None: every template and
format, the source language). The choices become an export job (export/job.py) exactly as
`campaign-studio export` options would; the run is export_run.ExportThread. At the end the
findings are summed up by rule and by edition as the command line's summary does, and
"Open review page" opens OUTDIR/index.html.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from campaign_studio import pipeline
from campaign_studio.checks import rules as _rules  # noqa: F401  (registers the rules: their names and fixes)
from campaign_studio.checks.registry import RULES
from campaign_studio.content.design_loader import brand_ids, load_templates
from campaign_studio.content.edition_loader import LoadedEdition
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.translations import available_languages
from campaign_studio.export import job, matrix, runner
from campaign_studio.export.names import KINDS
from campaign_studio.gui.export_run import ExportRequest, ExportThread
from campaign_studio.gui.i18n import language_label
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import InputError
from campaign_studio.model.edition import EDITION_FILE

FOLDER_KEY = "export/folder"  # QSettings: the last destination
RECOUNT_AFTER_MS = 150  # the matrix is counted again this long after the last change of a choice


def _number(n: int) -> str:
    """A count in the interface's digits (Arabic-Indic in Arabic), as Qt's own progress bar shows them."""
    return QLocale().toString(n)


@dataclass(frozen=True)
class CurrentDesign:
    """The design the main window shows; every field may be None (then the dialog's default)."""

    template: str | None = None
    format: str | None = None
    language: str | None = None
    edition: str | None = None  # a shipped brand id, a brand-kit folder or an edition folder
    editions: tuple[str, ...] = ()  # every brand and edition the window offers (folders opened from disk too)
    stat: str | None = None
    message: str | None = None
    statement: str | None = None


class CheckList(QGroupBox):
    """A titled list of names to tick, with All and None buttons; keyboard: Space ticks."""

    def __init__(self, title: str, items: list[tuple[str, str]], checked: set[str], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        self.list.setAccessibleDescription(self.tr("Space ticks or unticks the item with the focus"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for label, name in items:
            self.add(label, name, name in checked)
        self.all_button = QPushButton(self.tr("All"))
        self.all_button.setAccessibleName(self.tr("Tick every item of %1").replace("%1", title))
        self.none_button = QPushButton(self.tr("None"))
        self.none_button.setAccessibleName(self.tr("Untick every item of %1").replace("%1", title))
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def add(self, label: str, name: str, checked: bool) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def names(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.items()]

    def checked(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.items()
                if item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, names: set[str]) -> None:
        for item in self.items():
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in names
                               else Qt.CheckState.Unchecked)

    def set_all(self, on: bool) -> None:
        self.set_checked(set(self.names()) if on else set())


class ExportDialog(QDialog):
    """Choose what to export and where, run it with progress and cancel, and see its findings."""

    def __init__(self, campaign_folder: Path | None, current: CurrentDesign | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setAccessibleName(self.tr("Export designs"))
        self.campaign_folder = campaign_folder
        self.current = current or CurrentDesign()
        loaded = pipeline.open_campaign(campaign_folder)
        if loaded.campaign is None:
            raise InputError(loaded.diagnostics.errors[0])
        self.campaign: Campaign = loaded.campaign
        self.thread: ExportThread | None = None
        self.summary: runner.Summary | None = None
        self.outdir: Path | None = None
        self._close_when_stopped = False
        self._build()
        self._recount_timer = QTimer(self, singleShot=True, interval=RECOUNT_AFTER_MS)
        self._recount_timer.timeout.connect(self.recount)
        for box in self._lists():
            box.list.itemChanged.connect(self._recount_timer.start)
        for radio in (self.content_current, self.content_default, self.content_all):
            radio.toggled.connect(self._recount_timer.start)
        self.recount()

    # --- building -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        cur = self.current
        templates = load_templates()  # one-page and multi-page designs (carousel, handout) alike
        formats = load_formats()
        languages = list(dict.fromkeys([self.campaign.source_language,
                                        *available_languages(self.campaign.translations_folder)]))
        editions = list(dict.fromkeys([*brand_ids(), *cur.editions]))
        if cur.edition and cur.edition not in editions:
            editions.append(cur.edition)  # a brand kit or edition opened from a folder
        self._edition_names: dict[str, str] = {}
        for edition in editions:
            loaded = self._edition(edition)
            if loaded is not None and loaded.edition is not None:  # an edition's own languages can be chosen too
                self._edition_names[edition] = loaded.edition.name
                languages = list(dict.fromkeys([*languages, *loaded.edition.languages]))
        self.templates = CheckList(self.tr("Templates"), [(t.name, t.id) for t in templates.values()],
                                   {cur.template} if cur.template in templates else set(templates))
        self.formats = CheckList(self.tr("Formats"), [(f"{f.name} ({f.size_label})", f.id) for f in formats.values()],
                                 {cur.format} if cur.format in formats else set(formats))
        self.languages = CheckList(self.tr("Languages"), [(language_label(c), c) for c in languages],
                                   {cur.language} if cur.language in languages else {self.campaign.source_language})
        self.kinds = CheckList(self.tr("Kinds of file"), [(self._kind_label(k), k) for k in KINDS],
                               set(job.DEFAULT_KINDS))
        self.editions = CheckList(self.tr("Editions"), [(self._edition_label(e), e) for e in editions],
                                  {cur.edition} if cur.edition in editions else {"national"})

        content = QGroupBox(self.tr("Content"))
        subject = cur.stat or cur.message or cur.statement
        self.content_current = QRadioButton(self.tr("Only the content shown now (%1)").replace("%1", subject or "-"))
        self.content_current.setEnabled(subject is not None)
        self.content_default = QRadioButton(self.tr("Each template's own content"))
        self.content_all = QRadioButton(self.tr("Every statistic, message and statement"))
        (self.content_current if subject else self.content_default).setChecked(True)
        content_layout = QVBoxLayout(content)
        for radio in (self.content_current, self.content_default, self.content_all):
            radio.setAccessibleName(radio.text())
            content_layout.addWidget(radio)
        content_layout.addStretch(1)

        self.folder = QLineEdit(self._default_folder())
        self.folder.setAccessibleName(self.tr("Destination folder"))
        self.folder.setAccessibleDescription(self.tr("The folder the files, manifest.json and the review page go into"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setAccessibleName(self.tr("Choose the destination folder"))
        self.browse.clicked.connect(self._choose_folder)
        folder_label = QLabel(self.tr("&Destination:"))
        folder_label.setBuddy(self.folder)
        self.allow_findings = QCheckBox(self.tr("Write designs with error findings too"))
        self.allow_findings.setAccessibleName(self.allow_findings.text())
        self.allow_findings.setAccessibleDescription(self.tr("Without it, a design with an accessibility error is not written"))
        self.force = QCheckBox(self.tr("Make every file again, also unchanged ones"))
        self.force.setAccessibleName(self.force.text())

        self.count = QLabel()
        self.count.setWordWrap(True)
        self.count.setAccessibleName(self.tr("What the export makes"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setFormat(self.tr("%v of %m files"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Export status"))

        self.by_rule = QTableWidget(0, 3)
        self.by_rule.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Designs with errors"),
                                                self.tr("Designs with warnings")])
        self.by_rule.setAccessibleName(self.tr("Findings by rule"))
        self.by_rule.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.by_rule.verticalHeader().setVisible(False)
        self.by_rule.setCornerButtonEnabled(False)
        self.by_rule.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.by_rule.horizontalHeader().setStretchLastSection(True)
        self.errors = QPlainTextEdit(readOnly=True)
        self.errors.setAccessibleName(self.tr("Error findings"))
        self.errors.setPlaceholderText(self.tr("No error findings"))
        self.errors.setTabChangesFocus(True)
        results = QGroupBox(self.tr("Findings"))
        results_layout = QHBoxLayout(results)
        results_layout.addWidget(self.by_rule, 1)
        results_layout.addWidget(self.errors, 1)

        self.review_button = QPushButton(self.tr("Open review page"))
        self.review_button.setAccessibleName(self.tr("Open the review page in the browser"))
        self.review_button.setEnabled(False)
        self.review_button.clicked.connect(self.open_review)
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setAccessibleName(self.tr("Start the export"))
        self.export_button.setAccessibleDescription(self.tr("Makes the files ticked above in the destination folder"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Stop the export"))
        self.cancel_button.setAccessibleDescription(self.tr("Stops after the design being written; the files made so far stay"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the export dialog"))
        self.close_button.clicked.connect(self.reject)

        grid = QGridLayout()
        grid.addWidget(self.templates, 0, 0)
        grid.addWidget(self.formats, 0, 1)
        grid.addWidget(self.languages, 0, 2)
        grid.addWidget(content, 1, 0)
        grid.addWidget(self.kinds, 1, 1)
        grid.addWidget(self.editions, 1, 2)
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        options_row = QHBoxLayout()
        options_row.addWidget(self.allow_findings)
        options_row.addWidget(self.force)
        options_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 3)
        layout.addLayout(folder_row)
        layout.addLayout(options_row)
        layout.addWidget(self.count)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(results, 2)
        layout.addLayout(buttons)

    def _kind_label(self, kind: str) -> str:
        return {"png": self.tr("PNG image (social formats)"), "pdf": self.tr("Screen PDF (print formats)"),
                "print-pdf": self.tr("Print PDF with bleed and marks"), "alt": self.tr("Alternative text"),
                "data": self.tr("Data table (CSV)")}.get(kind, kind)

    def _edition_label(self, edition: str) -> str:
        if edition in self._edition_names:
            return self.tr("%1 (edition)").replace("%1", self._edition_names[edition])
        return Path(edition).name if "/" in edition or "\\" in edition else edition

    @staticmethod
    def _edition(edition: str) -> LoadedEdition | None:
        """An edition folder's edition, or None for a brand (or a folder that is no edition)."""
        if not (Path(edition) / EDITION_FILE).is_file():
            return None
        try:
            return pipeline.open_edition(Path(edition))
        except InputError:
            return None

    def _lists(self) -> list[CheckList]:
        return [self.templates, self.formats, self.languages, self.kinds, self.editions]

    def _default_folder(self) -> str:
        saved = QSettings().value(FOLDER_KEY, "")
        if isinstance(saved, str) and saved:
            return saved
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return str(Path(documents) / "Campaign Studio export")

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Destination folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    # --- the job ------------------------------------------------------------------------------------------

    def export_job(self) -> job.ExportJob:
        """The choices as an export job, the same one `campaign-studio export` options would make."""
        options: dict[str, list[str] | None] = {
            "templates": self.templates.checked(), "formats": self.formats.checked(),
            "languages": self.languages.checked(), "kinds": self.kinds.checked(), "editions": self.editions.checked()}
        cur = self.current
        if self.content_current.isChecked():
            options.update(stats=[cur.stat] if cur.stat else None, messages=[cur.message] if cur.message else None,
                           statements=[cur.statement] if cur.statement else None)
        elif self.content_all.isChecked():
            options.update(stats=[job.ALL], messages=[job.ALL], statements=[job.ALL])
        return job.with_options(job.ExportJob(campaign=self.campaign_folder), options)

    def _missing_choice(self) -> str | None:
        for box in self._lists():
            if not box.checked():
                return self.tr("Tick at least one item under %1.").replace("%1", box.title())
        return None

    def recount(self) -> None:
        """Say what the choices make (or why they make nothing); Export is possible only when they make something."""
        if self.thread is not None:
            return
        problem = self._missing_choice()
        if problem is None:
            try:
                made = matrix.expand(self.export_job(), self.campaign)
            except InputError as exc:
                problem = exc.diagnostic.message + (f" ({exc.diagnostic.hint})" if exc.diagnostic.hint else "")
            else:
                files = self.tr("%Ln file(s)", "", len(made.all_outputs()))
                designs = self.tr("%Ln design(s)", "", len(made.outputs))
                self.count.setText(self.tr("This export makes %1 from %2.").replace("%1", files).replace("%2", designs))
        if problem is not None:
            self.count.setText(problem)
        self.export_button.setEnabled(problem is None)

    # --- running ------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self.thread is not None:
            return
        self._recount_timer.stop()
        self.recount()
        if not self.export_button.isEnabled():
            return
        text = self.folder.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a destination folder."))
            return
        self.outdir = Path(text).expanduser()
        QSettings().setValue(FOLDER_KEY, str(self.outdir))
        request = ExportRequest(self.export_job(), self.outdir, runner.RunOptions(
            force=self.force.isChecked(), allow_findings=self.allow_findings.isChecked()))
        self.summary = None
        self.by_rule.setRowCount(0)
        self.errors.clear()
        self.review_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the engine knows what is unchanged
        self.status.setText(self.tr("Exporting…"))
        self.thread = ExportThread(request, self.campaign_folder, self)
        self.thread.progressed.connect(self._progressed)
        self.thread.succeeded.connect(self._succeeded)
        self.thread.cancelled.connect(self._cancelled)
        self.thread.failed.connect(self._failed)
        self.thread.finished.connect(self._finished)
        self._set_running(True)
        self.thread.start()

    def cancel(self) -> None:
        """Stop the export after the design being written; the files written so far stay, whole, in the manifest."""
        if self.thread is not None:
            self.thread.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping after the design being written…"))

    @property
    def running(self) -> bool:
        return self.thread is not None

    def _set_running(self, running: bool) -> None:
        for widget in (*self._lists(), self.content_current.parentWidget(), self.folder, self.browse,
                       self.allow_findings, self.force, self.export_button, self.close_button):
            widget.setEnabled(not running)
        if not running:
            self.content_current.setEnabled(bool(self.current.stat or self.current.message or self.current.statement))
        self.cancel_button.setEnabled(running)
        (self.cancel_button if running else self.export_button).setFocus()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _succeeded(self, summary: runner.Summary) -> None:
        self.summary = summary
        self.progress.setValue(self.progress.maximum())
        lines = [self.tr("Files in this export: %1. Made: %2, unchanged: %3, not written: %4, in %5 s.")
                 .replace("%1", _number(summary.outputs)).replace("%2", _number(summary.made))
                 .replace("%3", _number(summary.skipped)).replace("%4", _number(summary.blocked))
                 .replace("%5", QLocale().toString(summary.seconds, "f", 1))]
        if summary.repaired:
            lines.append(self.tr("Files that were missing or changed were made again: %1.")
                         .replace("%1", _number(summary.repaired)))
        if summary.blocked and not self.allow_findings.isChecked():
            lines.append(self.tr("Designs with error findings were not written: fix them, or tick "
                                 "\"Write designs with error findings too\"."))
        self.status.setText("\n".join(lines))
        self._show_findings(summary)
        self.review_button.setEnabled(self.review_page() is not None)

    def _show_findings(self, summary: runner.Summary) -> None:
        rows = sorted(summary.by_rule.items())
        self.by_rule.setRowCount(len(rows))
        for row, (rule, counts) in enumerate(rows):
            known = RULES.get(rule)
            name = QTableWidgetItem(f"{rule} {known.name}" if known else rule)
            name.setData(Qt.ItemDataRole.UserRole, rule)
            if known:  # what the rule asks and how to meet it, in the words of the command line
                name.setToolTip(f"{known.reference}\n{known.fix}")
            self.by_rule.setItem(row, 0, name)
            for column, severity in ((1, "error"), (2, "warning")):
                item = QTableWidgetItem(_number(counts[severity]))
                item.setData(Qt.ItemDataRole.UserRole, counts[severity])
                item.setTextAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
                self.by_rule.setItem(row, column, item)
        self.errors.setPlainText("\n".join(
            f"{label}: {d['rule'] + ' ' if d['rule'] else ''}{d['message']}" + (f" ({d['hint']})" if d["hint"] else "")
            for label, d in summary.errors))

    def _cancelled(self, done: int) -> None:
        self.status.setText(self.tr("Export stopped. Files written so far: %1, each whole and listed in the manifest; "
                                    "export again to make the rest.").replace("%1", _number(done)))

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(message)

    def _finished(self) -> None:
        if self.thread is not None:
            self.thread.wait()
            self.thread.deleteLater()
        self.thread = None
        self._set_running(False)
        self.recount()
        if self._close_when_stopped:
            super().reject()

    def review_page(self) -> Path | None:
        page = self.outdir / "index.html" if self.outdir else None
        return page if page is not None and page.is_file() else None

    def open_review(self) -> None:
        page = self.review_page()
        if page is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(page)))

    def reject(self) -> None:
        """Closing (Escape) while exporting stops the export first, then closes."""
        if self.thread is not None:
            self._close_when_stopped = True
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self.thread is not None:  # never leave a running thread behind a closed dialog
            self._close_when_stopped = True
            self.cancel()
            return
        super().done(result)
