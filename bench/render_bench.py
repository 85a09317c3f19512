"""Rendering speed: every template in every social format as PNG, A3 print PDFs, and their PDF/UA tagging.

For each PNG the script reports the median time of the whole job (layout + drawing +
encoding) and its ratio to the encode floor: the time Pillow alone needs to encode
the same finished image with the same settings (render.raster.encode_png).
Run with: make bench   (or .venv/bin/python bench/render_bench.py [--repeat N])
With --carousel: a 10-slide carousel (layout, checks left out, and ten PNGs; and as one PDF)
against one statistic card of the same format, and their ratio (issue 9: under 10×).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from campaign_studio import pipeline
from campaign_studio.content.design_loader import load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.layout.engine import Design
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.pagetree import Page
from campaign_studio.render.pdf import PdfRenderer
from campaign_studio.render.raster import encode_png, render_image


class UntaggedPdfRenderer(PdfRenderer):
    """The PDF renderer without PDF/UA tagging: no MCIDs, artifacts or structure tree.

    Lines still carry /ActualText, as they did before tagging; the baseline of the tagging cost.
    """

    def __init__(self, page: Page, *, print_ready: bool = False) -> None:
        super().__init__(page, print_ready=print_ready)
        self._quiet = 1  # as inside a figure: items are drawn without tags of their own

    def _add_structure(self) -> None:
        pass


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    return paired_medians([fn], repeat)[0]


def paired_medians(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """Median times of several jobs measured in turn, so a busy moment hits all of them alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, bucket in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            bucket.append((time.perf_counter() - start) * 1000)
    return [statistics.median(t) for t in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--carousel", action="store_true", help="only the carousel against one card")
    args = parser.parse_args()
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    if args.carousel:
        carousel_bench(campaign, args.repeat)
        return
    single = {t for t, tt in load_templates().items() if tt.document is None}
    social = [f for f in load_formats().values() if f.kind == "social"]
    print(f"{'template':22} {'format':12} {'card ms':>8} {'encode ms':>9} {'ratio':>6}")
    ratios = []
    templates = load_templates()
    for template in sorted(single):
        for fmt in (f for f in social if templates[template].made_for(f.id)):
            design = pipeline.resolve_design(campaign, template, fmt.id, "nl")

            def card(design: Design = design) -> bytes:
                page, _ = pipeline.layout(design)
                assert page is not None
                return pipeline.render_bytes(page, "png", fmt=design.format)

            card()  # warm: fonts loaded, dictionaries read
            page, _ = pipeline.layout(design)
            assert page is not None
            image = render_image(page)
            total, floor = paired_medians([card, lambda image=image: encode_png(image)], args.repeat)
            ratios.append(total / floor)
            print(f"{template:22} {fmt.id:12} {total:8.1f} {floor:9.1f} {total / floor:6.2f}")
    print(f"PNG: median ratio to the encode floor {statistics.median(ratios):.2f}, worst {max(ratios):.2f}")
    for template in (t for t in sorted(single) if load_templates()[t].made_for("a3")):
        design = pipeline.resolve_design(campaign, template, "a3", "nl")

        def poster(design: Design = design) -> bytes:
            page, _ = pipeline.layout(design)
            assert page is not None
            return pipeline.render_bytes(page, "pdf", print_ready=True)

        poster()
        page, _ = pipeline.layout(design)
        assert page is not None
        layout_ms = median_ms(lambda design=design: pipeline.layout(design), args.repeat)
        pdf_ms = median_ms(lambda page=page: pipeline.render_bytes(page, "pdf", print_ready=True), args.repeat)
        total = median_ms(poster, args.repeat)
        print(f"A3 print PDF {template:22} total {total:6.1f} ms (layout {layout_ms:5.1f}, PDF {pdf_ms:5.1f})")
    print("PDF/UA tagging of A3 print PDFs (limit: +30 %)")
    added = []
    for template in (t for t in sorted(single) if load_templates()[t].made_for("a3")):
        for lang in ("nl", "ar"):
            page, _ = pipeline.layout(pipeline.resolve_design(campaign, template, "a3", lang))
            assert page is not None
            tagged, untagged = paired_medians(
                [lambda page=page: PdfRenderer(page, print_ready=True).render(),
                 lambda page=page: UntaggedPdfRenderer(page, print_ready=True).render()],
                args.repeat,
            )
            added.append(tagged / untagged - 1)
            print(f"  {template:22} {lang}  tagged {tagged:6.1f} ms  untagged {untagged:6.1f} ms  "
                  f"{100 * (tagged / untagged - 1):+5.1f} %")
    print(f"PDF tagging adds a median {100 * statistics.median(added):+.1f} %, at most {100 * max(added):+.1f} %")


def carousel_bench(campaign: Campaign, repeat: int) -> None:
    """Ten slides (the four figures, two of them twice) against one statistic card, both 1080 × 1350."""
    stats = [s.id for s in campaign.statistics]
    ten = [*stats, *stats][:6]  # title + 6 figures + 2 action lines + help = 10 slides
    for lang in ("nl", "ar"):
        card_design = pipeline.resolve_design(campaign, "statistic-spotlight", "post-4x5", lang)
        design = pipeline.resolve_design(campaign, "carousel", "post-4x5", lang)

        def card(card_design: Design = card_design) -> bytes:
            page, _ = pipeline.layout(card_design)
            assert page is not None
            return pipeline.render_bytes(page, "png", fmt=card_design.format)

        def slides_png(design: Design = design) -> list[bytes]:
            doc, _ = pipeline.layout_document(design, ten)
            assert doc is not None and len(doc.pages) == 10
            return pipeline.render_document_bytes(doc, "png", fmt=design.format)

        def slides_pdf(design: Design = design) -> list[bytes]:
            doc, _ = pipeline.layout_document(design, ten)
            assert doc is not None
            return pipeline.render_document_bytes(doc, "pdf")

        def layout_only(design: Design = design) -> object:
            return pipeline.layout_document(design, ten)

        card(), slides_png(), slides_pdf()  # warm
        one, png, pdf, lay = paired_medians([card, slides_png, slides_pdf, layout_only], repeat)
        print(f"carousel {lang}: one card {one:6.1f} ms; 10 slides as PNGs {png:7.1f} ms ({png / one:4.2f}x), "
              f"as one PDF {pdf:7.1f} ms ({pdf / one:4.2f}x); their layout {lay:6.1f} ms")


if __name__ == "__main__":
    main()
