"""The desktop window, driven with pytest-qt: its preview is the raster renderer's output."""

from campaign_studio import pipeline
from campaign_studio.gui.app import MainWindow
from campaign_studio.render import render_image


def _select(box, data):
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def test_preview_is_the_raster_renderer_output(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.brand_box.currentData() == "national"
    _select(window.template_box, "women-men")
    _select(window.format_box, "post-1x1")
    _select(window.language_box, "en")
    pixmap = window.preview.pixmap()
    assert not pixmap.isNull()
    assert pixmap.height() == 720 and pixmap.width() == 720
    campaign = pipeline.open_campaign(None).campaign
    design = pipeline.resolve_design(campaign, "women-men", "post-1x1", "en",
                                     stats=[window.subject_box.currentData().split(":")[1]],
                                     brand=window.brand_box.currentData())
    page, _ = pipeline.layout(design)
    expected = render_image(page, dpi=72.0 * 720 / page.height).convert("RGB")
    assert window.current_image.tobytes() == expected.tobytes()


def test_findings_show_unverified_statistic(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    _select(window.template_box, "statistic-spotlight")
    _select(window.subject_box, "stat:consequences-forced")
    assert "not verified" in window.findings.toPlainText()


def test_message_templates_list_messages(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    _select(window.template_box, "action-line")
    kinds = {window.subject_box.itemData(i).split(":")[0] for i in range(window.subject_box.count())}
    assert kinds == {"message"}
