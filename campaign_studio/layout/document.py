"""Multi-page designs (a carousel's slides, a handout's pages): each page laid out by the engine.

The template's `document:` block names the kinds of page in reading order; `plan_slides`
turns them into slides with their subjects (one per chosen figure, one per action line),
and `layout_document` lays each out with `engine.layout_page`. The pages of a document
look like one family: the help band is the same on every page (built once, at the scale
the tightest page allows), and the pages of one kind (the figures) set their text at one
scale, the largest at which all of them fit; their bars share one scale from 0 to the
document's largest value (a reader compares them from slide to slide). A figure's slide
holds its definition and source: they are slots of the same page, never moved to another.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from campaign_studio.layout.blocks import PageLimits, Subject
from campaign_studio.layout.engine import Design, layout_page
from campaign_studio.layout.scales import SCALES
from campaign_studio.model.campaign import Campaign, Message, Statistic
from campaign_studio.model.diagnostics import Diagnostics
from campaign_studio.model.pagetree import Document, Page
from campaign_studio.model.template import DocumentSpec, PageSpec, TextRole


@dataclass(frozen=True)
class Slide:
    """One page of a document: its kind (template page spec) and what it is about."""

    kind: PageSpec
    subject: Subject

    def label(self) -> str:
        about = self.subject.statistic or self.subject.message
        return f"{self.kind.name} {about.id}" if about else self.kind.name


def help_message(campaign: Campaign) -> Message | None:
    """The campaign's message about help: the first whose text names the contact it refers people to."""
    for msg in campaign.messages:
        name = campaign.help_contact(msg.help).name.source if msg.help else ""
        if name and name in f"{msg.body.source} {msg.call_to_action.source}":
            return msg
    return None


def plan_slides(campaign: Campaign, spec: DocumentSpec, statistics: list[Statistic]) -> list[Slide]:
    """The document's slides in reading order: each kind once, per chosen statistic or per action line.

    The message a help page shows is not repeated as an action-line page. A page shown once that
    shows statistics (a handout's front) holds every chosen figure: none gives way (an overflow instead).
    """
    helps = help_message(campaign) if any(k.repeat == "once" and k.shows == "message" for k in spec.pages) else None
    lines = {a.id: a.number for a in campaign.action_lines}
    with_line = sorted((m for m in campaign.messages if m.action_line and m is not helps),
                       key=lambda m: lines.get(m.action_line or "", 0))
    slides: list[Slide] = []
    for kind in spec.pages:
        if kind.repeat == "statistics":
            slides += [Slide(kind, Subject(statistic=s)) for s in statistics]
        elif kind.repeat == "action-lines":
            slides += [Slide(kind, Subject(message=m)) for m in with_line]
        elif kind.shows == "statistics":
            slides.append(Slide(kind, Subject(statistics=tuple(statistics), chosen=True)))
        elif kind.shows == "message":
            if helps is not None:
                slides.append(Slide(kind, Subject(message=helps)))
        else:
            slides.append(Slide(kind, Subject()))
    return slides


def _page_design(design: Design, slide: Slide) -> Design:
    return dataclasses.replace(design, template=design.template.for_page(slide.kind), subject=slide.subject)


def _scale(page: Page) -> float:
    return float(page.metadata["scale"])


def layout_document(design: Design, slides: list[Slide], roles: dict[str, TextRole],
                    diagnostics: Diagnostics) -> Document | None:
    """The document's pages, or None with the errors of the pages that cannot fit.

    Each diagnostic names its slide ("slide 4 of 9 (figure victim-sexual-violence): ...").
    The pages are fitted one by one, each at most at the scale of the band and of its kind
    found so far; a page fitted before the band or its kind had to come down further is laid
    out once more at the final scales (a smaller scale always fits). The last pages (help,
    action lines) carry the most text, so they are fitted first: the band's scale is then
    known before most pages use it, and few are laid out twice.
    """
    if not slides:
        raise ValueError("a document has at least one page")
    found = [Diagnostics() for _ in slides]
    pages: list[Page | None] = [None] * len(slides)
    used: list[tuple[float | None, float | None]] = [(None, None)] * len(slides)  # (band, cap) each was fitted with
    shared = PageLimits(bar_max=_bar_max(slides))  # its bands dict: one band per scale, for all pages
    caps: dict[str, float] = {}
    for i in reversed(range(len(slides))):
        slide = slides[i]
        cap = caps.get(slide.kind.name)
        limits = dataclasses.replace(shared, max_scale=cap)
        page = layout_page(_page_design(design, slide), roles, found[i], limits)
        if page is None:
            _report(slides, found, diagnostics)
            return None
        pages[i], used[i] = page, (shared.band_scale, cap)
        shared.band_scale = min(shared.band_scale or 9.0, _scale(page))
        caps[slide.kind.name] = min(cap or 9.0, _scale(page))
    for i, slide in enumerate(slides):
        page = pages[i]
        assert page is not None
        band, cap = shared.band_scale, caps[slide.kind.name]
        same_band = used[i][0] == band or (used[i][0] is None and _scale(page) == band)
        if same_band and _scale(page) <= cap:
            continue  # already at the document's scales
        again = Diagnostics()
        redone = layout_page(_page_design(design, slide), roles, again, dataclasses.replace(shared, max_scale=cap))
        if redone is not None:
            pages[i], found[i] = redone, again
    _same_text_sizes(design, slides, pages, found, shared, caps, roles)
    _report(slides, found, diagnostics)
    done = [p for p in pages if p is not None]
    return Document(tuple(done), done[0].title, done[0].language)


def _same_text_sizes(design: Design, slides: list[Slide], pages: list[Page | None], found: list[Diagnostics],
                     shared: PageLimits, caps: dict[str, float], roles: dict[str, TextRole]) -> None:
    """Pages of one kind at one scale may still differ where a long text had to shrink to fit its
    slot (a headline of five lines set smaller). The kind comes down once more by that ratio,
    so its texts are set alike: the long one then fits at the size the others take."""
    text_slots = {n for n, slot in design.template.slots.items() if slot.kind == "text"}
    for kind, cap in caps.items():
        members = [i for i, s in enumerate(slides) if s.kind.name == kind]
        ratio = _size_ratio([p for i in members if (p := pages[i]) is not None], text_slots)
        if len(members) < 2 or ratio >= 0.99:
            continue
        lower = [s for s in SCALES if s <= cap * ratio + 1e-9]
        if not lower:
            continue
        again = [Diagnostics() for _ in members]
        limits = dataclasses.replace(shared, max_scale=lower[0])
        redone = [layout_page(_page_design(design, slides[i]), roles, d, limits)
                  for i, d in zip(members, again, strict=True)]
        if all(p is not None for p in redone):
            for i, page, d in zip(members, redone, again, strict=True):
                pages[i], found[i] = page, d


def _size_ratio(pages: list[Page], slots: set[str]) -> float:
    """The smallest ratio, over the text slots every page shows, of a slot's smallest size to its largest."""
    sizes: dict[str, list[float]] = {}
    for page in pages:
        shown = {b.slot: b.size for b in page.text_blocks() if b.slot in slots}
        for slot, size in shown.items():
            sizes.setdefault(slot, []).append(size)
    common = [v for v in sizes.values() if len(v) == len(pages)]
    return min((min(v) / max(v) for v in common), default=1.0)


def _bar_max(slides: list[Slide]) -> dict[str, float]:
    """Per unit, the largest value any slide shows: bars on every slide are drawn to that one scale."""
    found: dict[str, float] = {}
    for slide in slides:
        stat = slide.subject.statistic
        if stat is not None:
            found[stat.unit] = max([found.get(stat.unit, 0.0), *(v.value for v in stat.values)])
    return {unit: value for unit, value in found.items() if value > 0}


def _report(slides: list[Slide], found: list[Diagnostics], diagnostics: Diagnostics) -> None:
    """Each page's findings, its slide named in front of the message."""
    count = len(slides)
    for i, (slide, diags) in enumerate(zip(slides, found, strict=True), start=1):
        for d in diags:
            diagnostics.append(dataclasses.replace(d, message=f"slide {i} of {count} ({slide.label()}): {d.message}"))
