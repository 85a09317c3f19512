"""The design survey: how well each laid-out design uses its page, read from the page tree.

For one design it reports the optional slots layout left out, the type scale it settled
on, and the largest empty vertical band inside each column of the content area (above
the first block, between blocks, below the last). The bench script (bench/survey.py)
runs it over every template × format × language × brand and prints totals; the matrix
tests assert on the same numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from campaign_studio.content.languages import language_info
from campaign_studio.layout.engine import HOLE_BOUND_GAPS as HOLE_GAPS
from campaign_studio.layout.engine import SLOT_GAP, Design, arrangements_for, column_areas
from campaign_studio.layout.grid import make_grid
from campaign_studio.layout.holes import Hole, largest_hole
from campaign_studio.model.pagetree import Page


@dataclass(frozen=True)
class DesignSurvey:
    template: str
    format: str
    language: str
    brand: str
    page: bool  # False when layout refused the design (overflow)
    scale: float
    dropped: tuple[str, ...]
    hole: Hole | None  # the largest empty band of any column
    bound: float  # the largest band allowed, in pt

    @property
    def key(self) -> str:
        return f"{self.template} / {self.format} / {self.language} / {self.brand}"

    @property
    def hole_height(self) -> float:
        return self.hole.height if self.hole else 0.0

    @property
    def hole_ratio(self) -> float:
        """The largest hole in slot gaps (the bound is HOLE_GAPS)."""
        return self.hole_height / (self.bound / HOLE_GAPS) if self.bound else 0.0

    @property
    def too_empty(self) -> bool:
        return self.hole_height > self.bound + 0.5


def survey_design(design: Design, page: Page | None) -> DesignSurvey:
    base = dict(template=design.template.id, format=design.format.id, language=design.language, brand=design.brand.id)
    if page is None:
        return DesignSurvey(**base, page=False, scale=0.0, dropped=(), hole=None, bound=0.0)
    scale = float(page.metadata["scale"])
    dropped = tuple(n for n in page.metadata["dropped"].split(",") if n)
    grid = make_grid(design.format)
    bound = HOLE_GAPS * grid.size(SLOT_GAP) * scale
    return DesignSurvey(**base, page=True, scale=scale, dropped=dropped, hole=design_hole(design, page), bound=bound)


def design_hole(design: Design, page: Page) -> Hole | None:
    """The tallest empty vertical band inside any column of the design's content area."""
    grid = make_grid(design.format)
    arrangement = arrangements_for(design.template, grid.wide)[int(page.metadata["arrangement"])]
    rtl = language_info(design.language).direction == "rtl"
    return largest_hole(page.items, grid, column_areas(grid, arrangement, rtl, grid.content.bottom))


@dataclass(frozen=True)
class Totals:
    designs: int
    refused: int
    dropped: Counter[str]  # slot -> designs that left it out
    designs_dropping: int
    too_empty: int
    worst_ratio: float
    mean_scale: float
    scales: Counter[float]


def totals(surveys: list[DesignSurvey]) -> Totals:
    laid = [s for s in surveys if s.page]
    return Totals(
        designs=len(surveys),
        refused=len(surveys) - len(laid),
        dropped=Counter(slot for s in laid for slot in s.dropped),
        designs_dropping=sum(1 for s in laid if s.dropped),
        too_empty=sum(1 for s in laid if s.too_empty),
        worst_ratio=max((s.hole_ratio for s in laid), default=0.0),
        mean_scale=sum(s.scale for s in laid) / len(laid) if laid else 0.0,
        scales=Counter(s.scale for s in laid),
    )


@dataclass(frozen=True)
class Surveyed:
    design: Design
    page: Page | None
    survey: DesignSurvey


def survey_matrix(templates: Iterable[str], formats: Iterable[str], languages: Iterable[str], brands: Iterable[str],
                  resolve: Callable[[str, str, str, str], Design],
                  lay_out: Callable[[Design], Page | None],
                  made: Callable[[str, str], bool] = lambda template, fmt: True) -> list[Surveyed]:
    """Every template × format (that the template is made for: `made`) × language × brand, laid
    out once each (the pipeline passes its own resolve_design and layout, which this layer may not import)."""
    done = []
    for template in templates:
        for fmt in (f for f in formats if made(template, f)):
            for language in languages:
                for brand in brands:
                    design = resolve(template, fmt, language, brand)
                    page = lay_out(design)
                    done.append(Surveyed(design, page, survey_design(design, page)))
    return done
