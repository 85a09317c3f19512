"""Fixtures for the layout tests: a cached `lay_out(template, format, lang)`.

`pipeline.resolve_design` re-reads and re-validates every template YAML on each call
(about 0.1 s); over the ~90 designs of the geometry matrix that would dominate the
run time. While a design is resolved here, the pipeline's template and brand loaders
are swapped for cached versions of themselves; nothing else changes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from layoutkit import Laid
from matrixkit import ShippedMatrix

from campaign_studio import pipeline
from campaign_studio.content.design_loader import load_brand, load_templates
from campaign_studio.layout.grid import make_grid
from campaign_studio.model.campaign import Campaign

LayOut = Callable[..., Laid]


@pytest.fixture(scope="session")
def lay_out(builtin: Campaign, shipped: ShippedMatrix) -> LayOut:
    """lay_out(template, format, lang, campaign=None, **resolve_design_options) -> Laid.

    Designs of the built-in campaign without extra options come from the shared matrix
    (national brand), laid out once per session.
    """
    templates = functools.cache(load_templates)
    brands = functools.cache(load_brand)
    done: dict[tuple[str, str, str], Laid] = {}

    def call(template: str, fmt: str, lang: str, campaign: Campaign | None = None, **options: object) -> Laid:
        key = (template, fmt, lang)
        cacheable = campaign is None and not options
        if cacheable and key in done:
            return done[key]
        if cacheable:
            one = shipped.lay(template, fmt, lang, "national")
            done[key] = Laid(one.design, one.page, one.diagnostics, make_grid(one.design.format))
            return done[key]
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(pipeline, "load_templates", templates)
            mp.setattr(pipeline, "load_brand", brands)
            design = pipeline.resolve_design(campaign or builtin, template, fmt, lang, **options)  # type: ignore[arg-type]
        page, diagnostics = pipeline.layout(design)
        laid = Laid(design, page, diagnostics, make_grid(design.format))
        if cacheable:
            done[key] = laid
        return laid

    return call
