"""Each chart template draws alike as PNG and as rasterised PDF, within test_render_cross's bounds."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_render_cross import compare, rasterise_pdf

from campaign_studio import pipeline
from campaign_studio.model.pagetree import FigureGroup, PathItem
from campaign_studio.render import render_image, render_pdf


@pytest.mark.parametrize(
    ("template", "fmt", "lang"),
    [("paired-bars", "post-4x5", "nl"), ("icon-array", "post-4x5", "ar"), ("share-ring", "wide-16x9", "tr"),
     ("statement", "post-1x1", "en"), ("icon-array", "a3", "nl"), ("paired-bars", "a3", "ar"),
     ("infographic", "long-1080x2700", "nl"), ("infographic", "a3", "ar"), ("infographic", "story-9x16", "tr")],
)
def test_chart_templates_agree_as_png_and_pdf(template: str, fmt: str, lang: str, tmp_path: Path) -> None:
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    page, diagnostics = pipeline.layout(pipeline.resolve_design(campaign, template, fmt, lang))
    assert page is not None, diagnostics
    if template != "statement":  # the charts' own paths are part of what is compared
        assert any(isinstance(i, FigureGroup) for i in page.items)
        # bars are filled boxes; an infographic that shows only its first figure shows its comparison (bars)
        bars_only = template == "paired-bars" or "figures-rest" in page.metadata["dropped"]
        assert bars_only or any(isinstance(i, PathItem) for i in page.walk())
    assert compare(render_image(page), rasterise_pdf(render_pdf(page), tmp_path), page) == []
