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


def test_a_carousel_is_previewed_as_its_slides_side_by_side(qtbot):
    from campaign_studio.gui.app import PAGE_GAP, PAGE_PREVIEW_HEIGHT, side_by_side

    window = MainWindow()
    qtbot.addWidget(window)
    _select(window.format_box, "post-4x5")
    _select(window.language_box, "ar")
    _select(window.template_box, "carousel")
    assert window.subject_box.currentData() == "document:"
    campaign = pipeline.open_campaign(None).campaign
    doc, _ = pipeline.layout_document(pipeline.resolve_design(campaign, "carousel", "post-4x5", "ar"))
    slides = [render_image(p, dpi=72.0 * PAGE_PREVIEW_HEIGHT / p.height).convert("RGB") for p in doc.pages]
    pixmap = window.preview.pixmap()
    assert pixmap.height() == PAGE_PREVIEW_HEIGHT == slides[0].height
    assert pixmap.width() == len(doc.pages) * slides[0].width + (len(doc.pages) - 1) * PAGE_GAP
    # right to left: the first slide on the right, the help slide on the left
    assert window.current_image.tobytes() == side_by_side(slides, rtl=True).tobytes()
    assert window.current_image.crop((pixmap.width() - slides[0].width, 0, pixmap.width(), pixmap.height())
                                     ).tobytes() == slides[0].tobytes()
    _select(window.format_box, "a4")  # not made for print: said in the findings, no stale preview
    assert "made for the format(s) post-4x5, post-1x1" in window.findings.toPlainText()
    assert window.current_image is None
