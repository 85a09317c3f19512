"""The desktop window, driven with pytest-qt offscreen: menus, preview, zoom, findings, selectors, start."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from uikit import english, own_settings  # noqa: F401  (fixtures)
from uikit import settled as _settled

from campaign_studio.gui.app import MainWindow
from campaign_studio.gui.preview import slot_boxes
from campaign_studio.gui.render_worker import lay_out
from campaign_studio.resources import brands_dir

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, english, own_settings) -> MainWindow:  # noqa: F811
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    _settled(qtbot, w)
    return w


def test_menus_and_standard_shortcuts(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "E&xport", "&Help"]
    keys = QKeySequence.StandardKey
    assert window.open_action.shortcut() == QKeySequence(keys.Open)
    assert window.undo_action.shortcut() == QKeySequence(keys.Undo)
    assert window.redo_action.shortcut() == QKeySequence(keys.Redo)
    assert window.zoom_in_action.shortcut() == QKeySequence(keys.ZoomIn)
    assert window.zoom_out_action.shortcut() == QKeySequence(keys.ZoomOut)
    assert window.fit_action.shortcut() == QKeySequence("Ctrl+0")
    assert window.export_action.shortcut() == QKeySequence("Ctrl+E")
    assert window.about_action.shortcut() == QKeySequence(keys.HelpContents)
    assert window.toolbar.actions()
    assert {a.text() for a in window.cvd_menu.actions()} >= {"&Protanopia (no red cones)"}
    assert {a.text() for a in window.ui_menu.actions()} == {"English", "Dutch — Nederlands", "Arabic — العربية"}


def test_undo_labels_show_the_command(window):
    from PySide6.QtGui import QUndoCommand

    window.undo_stack.push(QUndoCommand("edit headline"))
    assert "edit headline" in window.undo_action.text()
    window.undo_stack.undo()
    assert "edit headline" in window.redo_action.text()


def test_picking_a_template_changes_the_preview(qtbot, window):
    before = window.current_image.tobytes()
    window.gallery.select("statistic-spotlight")
    assert window.template_box.currentData() == "statistic-spotlight"
    _settled(qtbot, window)
    assert window.last_result.request.template == "statistic-spotlight"
    assert window.current_image.tobytes() != before


def test_preview_is_the_raster_renderer_at_the_zoom(window):
    from campaign_studio.render import render_image

    req = window.last_result.request
    page = lay_out(req).pages[0]
    assert req.scale == pytest.approx(window.preview.render_scale())
    expected = render_image(page, dpi=72.0 * req.scale).convert("RGB")
    assert window.current_image.tobytes() == expected.tobytes()


def test_zoom_fit_actual_and_in(qtbot, window):
    fit = window.preview.zoom
    view = window.preview.viewport().size()
    page = window.last_result.laid.pages[0]
    assert min(view.width() / page.width, view.height() / page.height) > fit > 0.5 * min(
        view.width() / page.width, view.height() / page.height)
    window.actual_size_action.trigger()
    assert window.preview.zoom == 1.0
    _settled(qtbot, window)
    assert window.current_image.size == (round(page.width), round(page.height))
    window.zoom_in_action.trigger()
    assert window.preview.zoom == pytest.approx(1.25)
    window.fit_action.trigger()
    assert window.preview.zoom == pytest.approx(fit)


def test_preview_scales_with_the_window(qtbot, window):
    window.resize(700, 500)
    qtbot.waitUntil(lambda: window.preview.viewport().width() < 500)
    small = window.preview.zoom
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.preview.zoom > small * 1.3)
    _settled(qtbot, window)
    canvas = window.preview.canvas.content_size()
    view = window.preview.viewport().size()
    assert canvas.width() <= view.width() and canvas.height() <= view.height()
    assert window.current_image.height == pytest.approx(window.last_result.laid.pages[0].height * window.preview.zoom, abs=1)


def test_click_on_the_headline_emits_its_slot(qtbot, window):
    page = window.preview.canvas.pages[0]
    heading = next(b for b in page.text_blocks() if b.role == "heading")
    centre = window.preview.canvas.page_rect(0, heading.box).center().toPoint()
    with qtbot.waitSignal(window.preview.slot_clicked) as blocker:
        qtbot.mouseClick(window.preview.canvas, Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [heading.slot]
    with qtbot.assertNotEmitted(window.preview.slot_clicked):  # off the page: nothing
        qtbot.mouseClick(window.preview.canvas, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def _poor_contrast_kit(tmp_path: Path) -> Path:
    kit = tmp_path / "grey-kit"
    shutil.copytree(brands_dir() / "national", kit)
    yaml = kit / "brand.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace('text: "#154273"', 'text: "#C8C8C8"'), encoding="utf-8")
    return kit


def test_a_poor_contrast_brand_kit_is_a_finding_that_highlights(qtbot, window, tmp_path):
    kit = _poor_contrast_kit(tmp_path)
    assert window.open_brand_kit(kit)
    assert window.brand_box.currentData() == str(kit.resolve())
    _settled(qtbot, window)
    texts = window.findings.texts()
    assert any("CS101" in t and "contrast" in t for t in texts), texts
    assert not any(str(tmp_path) in t for t in texts)  # never an absolute path
    row = next(i for i in range(window.findings.topLevelItemCount())
               if window.findings.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole))
    item = window.findings.topLevelItem(row)
    window.findings.setCurrentItem(item)
    slot = item.data(0, Qt.ItemDataRole.UserRole)
    boxes = slot_boxes(window.preview.canvas.pages[0], slot)
    assert boxes and window.preview.canvas.highlight == [(0, b) for b in boxes]


def test_languages_by_name_with_their_own_name(window):
    labels = {window.language_box.itemData(i): window.language_box.itemText(i) for i in range(window.language_box.count())}
    assert labels["ar"] == "Arabic — العربية"
    assert labels["en"] == "English"


def test_arabic_interface_is_right_to_left(qtbot, window):
    window.set_ui_language("ar")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    labels = {window.language_box.itemData(i): window.language_box.itemText(i) for i in range(window.language_box.count())}
    assert labels["nl"].endswith("— Nederlands") and labels["nl"] != "Dutch — Nederlands"
    window.set_ui_language("en")
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_every_focusable_widget_has_an_accessible_name(window):
    nameless = [type(w).__name__ for w in window.findChildren(QWidget)
                if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(window) and not w.accessibleName()
                and w.focusProxy() is None]
    assert nameless == []


def test_gallery_thumbnails_come_from_the_renderer(qtbot, window):
    qtbot.waitUntil(lambda: window.gallery.pending == 0, timeout=60000)
    icons = [window.gallery.item(i).icon() for i in range(window.gallery.count())]
    assert window.gallery.count() == len(window.templates)
    assert sum(not i.isNull() for i in icons) >= len(icons) - 1


def test_screenshot_and_a_bad_folder(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    shot = tmp_path / "window.png"
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(shot)], env=env,
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    with Image.open(shot) as image:
        assert image.width >= 1000 and image.height >= 700
        assert len(image.convert("RGB").resize((64, 64)).getcolors(4096) or []) > 20  # a window, not a blank
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), str(tmp_path / "nowhere")], env=env,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert "nowhere: error: no such folder" in bad.stderr and bad.stderr.count("\n") == 1


def test_garbage_is_collected_on_the_interface_thread_only(qtbot):
    import gc
    import threading

    from PySide6.QtWidgets import QApplication

    from campaign_studio.gui.gc_guard import MainThreadCollector

    collector = MainThreadCollector(QApplication.instance(), interval_ms=10)
    assert not gc.isenabled()  # no collection can start in a worker thread
    seen: list[str] = []
    gc.callbacks.append(lambda phase, _info: seen.append(threading.current_thread().name) if phase == "start" else None)
    try:
        for _ in range(20000):
            a: list[object] = []
            a.append(a)  # cyclic garbage the timer must collect
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        assert set(seen) == {threading.main_thread().name}
    finally:
        gc.callbacks.pop()
        collector.stop()
    assert gc.isenabled()
