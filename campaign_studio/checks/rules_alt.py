"""CS106: every chart, icon, logo and QR code (and the page as an image) has an alternative text within limits."""

from __future__ import annotations

import re
from collections.abc import Iterator

from campaign_studio.checks.registry import CheckContext, Finding, rule
from campaign_studio.model.pagetree import FigureGroup, ImageItem, Page, QRCode

SHORT_MAX = 150
LONG_MAX = 1000


def _length(text: str, what: str, limit: int, slot: str) -> Iterator[Finding]:
    if len(text) > limit:
        yield Finding(f"{what} is {len(text)} characters, at most {limit} fit every platform", slot,
                      hint=f"shorten it by {len(text) - limit} characters; put detail in the long description")


def _bare(url: str) -> str:
    return re.sub(r"^(https?://)?(www\.)?", "", url.strip().lower()).rstrip("/")


@rule("CS106", "alt-text", "WCAG 2.1 SC 1.1.1, PDF/UA-1 7.3",
      "give the figure an alternative text (charts: a sentence stating what the chart shows and its numbers)")
def alt_text(page: Page, ctx: CheckContext) -> Iterator[Finding]:
    yield from _length(page.alt, "the image's alternative text", SHORT_MAX, "")
    yield from _length(page.long_alt, "the image's long description", LONG_MAX, "")
    shown = " ".join(b.text for b in page.text_blocks()).lower()
    for item in page.walk():
        if isinstance(item, FigureGroup) and item.role in ("chart", "icon"):
            if not item.alt.strip():
                yield Finding(f"{item.role} without an alternative text", item.slot)
            yield from _length(item.alt, f"the {item.role}'s alternative text", SHORT_MAX, item.slot)
            yield from _length(item.long_alt, f"the {item.role}'s long description", LONG_MAX, item.slot)
        elif isinstance(item, ImageItem) and item.role != "decoration":
            if not item.alt.strip():
                yield Finding(f"logo {item.path.name} without an alternative text",
                              hint="set logo_alt (or partner_alt) in the brand kit, e.g. 'Logo van Gemeente X'")
            yield from _length(item.alt, f"logo {item.path.name}'s alternative text", SHORT_MAX, "")
        elif isinstance(item, QRCode) and item.role != "decoration":
            # a QR code's text alternative is its destination written out next to it
            if not item.data.strip():
                yield Finding("QR code without data")
            elif _bare(item.data) not in shown:
                yield Finding(f"QR code leads to {item.data!r}, which is not written out on the page",
                              hint="show the address as text next to the QR code, for people who cannot scan it")
