"""The design survey over the whole matrix: every template × format × shipped language × shipped brand.

Per design: the optional slots left out, the largest empty vertical band inside a
column (in slot gaps; the bound is 3) and the type scale layout settled on; then
totals. Run with: make survey   (or .venv/bin/python bench/survey.py [--all] [--brand ID])
"""

from __future__ import annotations

import argparse
import functools
import time

from campaign_studio import pipeline
from campaign_studio.content.design_loader import brand_ids, load_brand, load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.translations import available_languages
from campaign_studio.layout.engine import Design
from campaign_studio.layout.survey import HOLE_GAPS, Surveyed, survey_matrix, totals
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.pagetree import Page


def run_survey(campaign: Campaign, *, templates: list[str] | None = None, formats: list[str] | None = None,
               languages: list[str] | None = None, brands: list[str] | None = None) -> list[Surveyed]:
    """The survey of the built-in matrix (or a part of it); templates and brands are read once."""
    cached_templates = functools.cache(load_templates)
    cached_brand = functools.cache(load_brand)
    original = pipeline.load_templates, pipeline.load_brand
    pipeline.load_templates, pipeline.load_brand = cached_templates, cached_brand  # type: ignore[assignment]
    try:
        def resolve(template: str, fmt: str, language: str, brand: str) -> Design:
            return pipeline.resolve_design(campaign, template, fmt, language, brand=brand)

        def lay_out(design: Design) -> Page | None:
            return pipeline.layout(design)[0]

        return survey_matrix(templates or list(cached_templates()), formats or list(load_formats()),
                             languages or [campaign.source_language, *available_languages(campaign.translations_folder)],
                             brands or brand_ids(), resolve, lay_out,
                             lambda template, fmt: cached_templates()[template].made_for(fmt))
    finally:
        pipeline.load_templates, pipeline.load_brand = original  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true", help="print every design, not only those with a finding")
    parser.add_argument("--brand", action="append", help="only this brand (repeatable)")
    parser.add_argument("--lang", action="append", help="only this language (repeatable)")
    parser.add_argument("--template", action="append", help="only this template (repeatable)")
    parser.add_argument("--format", action="append", help="only this format (repeatable)")
    args = parser.parse_args()
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    start = time.perf_counter()
    done = run_survey(campaign, templates=args.template, formats=args.format, languages=args.lang, brands=args.brand)
    seconds = time.perf_counter() - start
    print(f"{'design':58} {'scale':>5} {'hole':>6} {'where':>12}  dropped")
    for s in (d.survey for d in done):
        if not (args.all or s.dropped or s.too_empty or not s.page):
            continue
        if not s.page:
            print(f"{s.key:58} refused (overflow)")
            continue
        where = f"{s.hole.where} c{s.hole.column}" if s.hole else ""
        print(f"{s.key:58} {s.scale:5.2f} {s.hole_ratio:6.2f} {where:>12}  {','.join(s.dropped)}")
    t = totals([d.survey for d in done])
    print(f"\n{t.designs} designs in {seconds:.1f} s; {t.refused} refused (overflow)")
    print(f"designs leaving out optional slots: {t.designs_dropping}  "
          f"({', '.join(f'{k} {v}' for k, v in sorted(t.dropped.items())) or 'none'})")
    print(f"designs with a hole over {HOLE_GAPS} slot gaps: {t.too_empty}  (worst {t.worst_ratio:.1f} gaps)")
    print(f"type scale: mean {t.mean_scale:.3f}; "
          + ", ".join(f"{k:g}: {v}" for k, v in sorted(t.scales.items(), reverse=True)))


if __name__ == "__main__":
    main()
