"""What the accessibility checks add to a social card's render time (budget: at most 15%).

For every template in every social format (nl), the median time of the render job without
checks (layout + drawing + PNG encoding) and of the checks alone (pipeline.check: the brand
kit and every CS1xx rule), measured in turn so a busy moment hits both alike.
Run with: .venv/bin/python bench/check_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics

from render_bench import paired_medians

from campaign_studio import pipeline
from campaign_studio.content.design_loader import load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.layout.engine import Design


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    loaded = pipeline.open_campaign(None)
    assert loaded.campaign is not None
    ratios = []
    print(f"{'design':40} {'render ms':>10} {'checks ms':>10} {'added':>7}")
    for template, spec in load_templates().items():
        for fmt in (f for f in load_formats().values() if f.kind == "social" and spec.made_for(f.id)):
            design = pipeline.resolve_design(loaded.campaign, template, fmt.id, "nl")

            def render(design: Design = design) -> bytes:
                page, _ = pipeline.layout(design)
                assert page is not None
                return pipeline.render_bytes(page, "png", fmt=design.format)

            page, _ = pipeline.layout(design)
            assert page is not None
            render_ms, check_ms = paired_medians([render, lambda d=design, p=page: pipeline.check(p, d)], args.repeat)
            ratios.append(check_ms / render_ms)
            print(f"{template + ' / ' + fmt.id:40} {render_ms:10.1f} {check_ms:10.2f} {check_ms / render_ms:7.1%}")
    print(f"checks add {statistics.median(ratios):.1%} (median), {max(ratios):.1%} (worst) to a social card's render")


if __name__ == "__main__":
    main()
