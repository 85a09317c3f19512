"""The shipped matrix, laid out once per test session and shared by every test that reads it.

Every template × format × shipped language × shipped brand of the built-in campaign:
about two thousand designs. The survey (issue 7), the typesetting rules and the
accessibility checks each ran their own pass over it; one pass serves them all now.
While a design is resolved, the pipeline's template and brand loaders are swapped for
cached versions of themselves (resolve_design re-reads every template YAML otherwise);
nothing else changes, and the page is what `campaign-studio render` would draw.

A pass over many designs not laid out yet lays them out in worker processes, one per CPU
(layout is nearly all of the matrix's cost, and the test run itself uses one core); the
pages come back pickled and are the same the test process would make.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import pytest

from campaign_studio import pipeline
from campaign_studio.content.design_loader import brand_ids, load_brand, load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.translations import available_languages
from campaign_studio.layout.engine import Design
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostics
from campaign_studio.model.pagetree import Page
from campaign_studio.resources import builtin_campaign_dir

Key = tuple[str, str, str, str]  # template, format, language, brand
PARALLEL_FROM = 200  # designs to lay out before worker processes pay for their start
CHUNK = 40  # designs per task handed to a worker


@dataclass(frozen=True)
class Shipped:
    design: Design
    page: Page | None
    diagnostics: Diagnostics


class ShippedMatrix:
    """lay(template, format, language, brand) -> Shipped, each design laid out at most once."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        self._templates = functools.cache(load_templates)
        self._brands = functools.cache(load_brand)
        # single-page templates only (multi-page ones have their own tests); each in the formats it is made for
        self.templates = tuple(t for t, spec in self._templates().items() if spec.document is None)
        self.formats = tuple(load_formats())
        self.languages = (campaign.source_language, *(c for c in available_languages(campaign.translations_folder)
                                                      if c != campaign.source_language))
        self.brands = tuple(brand_ids())
        self._done: dict[tuple[str, str, str, str], Shipped] = {}

    def _design(self, key: Key) -> Design:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(pipeline, "load_templates", self._templates)
            mp.setattr(pipeline, "load_brand", self._brands)
            template, fmt, language, brand = key
            return pipeline.resolve_design(self.campaign, template, fmt, language, brand=brand)

    def lay(self, template: str, fmt: str, language: str, brand: str) -> Shipped:
        key = (template, fmt, language, brand)
        if key not in self._done:
            design = self._design(key)
            page, diagnostics = pipeline.layout(design)
            self._done[key] = Shipped(design, page, diagnostics)
        return self._done[key]

    def _prefill(self, keys: list[Key]) -> None:
        """Lay out the designs of `keys` not done yet, in worker processes when there are many."""
        missing = [k for k in dict.fromkeys(keys) if k not in self._done]
        workers = min(os.cpu_count() or 1, 8)
        builtin = self.campaign.folder.resolve() == builtin_campaign_dir().resolve()
        if len(missing) < PARALLEL_FROM or workers < 2 or not builtin:
            return  # lay() does them one by one
        chunks = [missing[i:i + CHUNK] for i in range(0, len(missing), CHUNK)]
        # spawn: the test process may hold threads (Qt, thread pools) that fork would copy mid-flight
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            for done in pool.map(_lay_builtin, chunks):
                for key, page, diagnostics in done:
                    self._done[key] = Shipped(self._design(key), page, diagnostics)

    def made_for(self, template: str) -> tuple[str, ...]:
        """The shipped formats a template is made for."""
        made = self._templates()[template]
        return tuple(f for f in self.formats if made.made_for(f))

    def every(self, *, languages: tuple[str, ...] | None = None,
              brands: tuple[str, ...] | None = None) -> Iterator[Shipped]:
        """Template by template, format by format, then language and brand (the survey's order);
        only the formats each template is made for (its `formats:`)."""
        self._prefill([(t, f, lang, b) for t in self.templates for f in self.made_for(t)
                       for lang in languages or self.languages for b in brands or self.brands])
        for template in self.templates:
            for fmt in self.made_for(template):
                for language in languages or self.languages:
                    for brand in brands or self.brands:
                        yield self.lay(template, fmt, language, brand)


_worker_matrix: ShippedMatrix | None = None


def _lay_builtin(keys: list[Key]) -> list[tuple[Key, Page | None, Diagnostics]]:
    """In a worker process: lay out designs of the built-in campaign."""
    global _worker_matrix
    if _worker_matrix is None:
        loaded = pipeline.open_campaign(None)
        assert loaded.campaign is not None
        _worker_matrix = ShippedMatrix(loaded.campaign)
    out = []
    for key in keys:
        one = _worker_matrix.lay(*key)
        out.append((key, one.page, one.diagnostics))
    return out

