"""What runs in a worker: lay out one design, check it, draw the kinds asked for, hand the bytes back.

A worker process keeps what it loaded (the campaign, brand kits; fonts, templates and
catalogs are cached below) for every later design, so a worker reads them once and
renders many outputs. The worker writes nothing: the process that owns OUTDIR writes every
file atomically, so the same task runs in a local process pool or on a Dask worker.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import resource
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from campaign_studio import pipeline
from campaign_studio.content.design_loader import load_brand
from campaign_studio.export.matrix import DesignSpec
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location
from campaign_studio.model.pagetree import Page
from campaign_studio.model.template import Brand

if TYPE_CHECKING:
    from campaign_studio.layout.engine import Design


@dataclass(frozen=True)
class Task:
    campaign: Path | None  # None: the built-in campaign
    design: DesignSpec
    kinds: tuple[str, ...]
    level: str = "AA"
    allow_findings: bool = False
    fallback: bool = True
    # Digests of the campaign file and the brand kit: a worker that lives on (this process with --jobs 1,
    # a Dask worker) loads them again when they changed since it last did.
    stamps: tuple[str, str] = ("", "")


@dataclass
class Rendered:
    data: bytes
    sha256: str


@dataclass
class DesignResult:
    design: DesignSpec
    files: dict[str, Rendered] = field(default_factory=dict)  # by kind
    diagnostics: list[Diagnostic] = field(default_factory=list)
    alt: str = ""
    thumbnail: Rendered | None = None  # a small JPEG for the review page, also of a design that was not written
    laid_out: bool = False  # False: the design could not be laid out (overflow, missing translation)
    blocked: bool = False  # laid out, but not drawn: error findings and no --allow-findings
    internal_error: str = ""  # a bug of ours: the traceback
    worker: tuple[int, int, float] = (0, 0, 0.0)  # (process id, peak resident KiB, CPU seconds so far) after this design


_campaigns: dict[Path | None, tuple[str, Campaign]] = {}
_brands: dict[str, tuple[str, Brand]] = {}


def _campaign(folder: Path | None, stamp: str) -> Campaign:
    known = _campaigns.get(folder)
    if known is None or known[0] != stamp:
        loaded = pipeline.open_campaign(folder)
        if loaded.campaign is None:
            raise InputError(loaded.diagnostics.errors[0])
        known = _campaigns[folder] = (stamp, loaded.campaign)
    return known[1]


def edition_campaign(source: tuple[str, ...], job_campaign: Campaign) -> Campaign:
    """The campaign of an edition a DesignSpec names: an edition folder's, or a row of an editions CSV."""
    if source[0] == "folder":
        return pipeline.edition_campaign(Path(source[1]))
    for loaded in pipeline.csv_editions(Path(source[1]), job_campaign):
        if loaded.edition is not None and loaded.edition.id == source[2] and loaded.campaign is not None:
            return loaded.campaign
    raise InputError(Diagnostic("error", f"the editions CSV has no edition {source[2]!r} any more", Location(Path(
        source[1])), hint="run the export again: the file changed while it ran"))


def _brand(name: str, stamp: str) -> Brand:
    known = _brands.get(name)
    if known is None or known[0] != stamp:
        known = _brands[name] = (stamp, load_brand(name))
    return known[1]


def _sha(data: bytes) -> Rendered:
    return Rendered(data, hashlib.sha256(data).hexdigest())


THUMBNAIL_WIDTH = 320  # pixels: two columns of them on a phone, five on a laptop


def thumbnail(page: Page) -> bytes:
    """A small picture of the page for the review page, drawn from the page tree (the same for PNG and PDF designs)."""
    from campaign_studio.render.raster import render_image

    image = render_image(page, dpi=72.0 * THUMBNAIL_WIDTH / page.width)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def render_design(task: Task) -> DesignResult:
    """Lay out, check and draw one design. Never raises: a bug comes back as internal_error."""
    result = DesignResult(task.design)
    try:
        _render(task, result)
    except InputError as exc:
        result.diagnostics.append(exc.diagnostic)
    except Exception:
        result.internal_error = traceback.format_exc()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result.worker = (os.getpid(), usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
    return result


def _render(task: Task, result: DesignResult) -> None:
    spec = task.design
    campaign = _campaign(task.campaign, task.stamps[0])
    if spec.edition_source is not None:  # the campaign as the edition makes it (read again when its files change)
        campaign = edition_campaign(spec.edition_source, campaign)
    design = pipeline.resolve_design(campaign, spec.template, spec.format, spec.language,
                                     stats=(spec.stat,) if spec.stat else (),
                                     message_id=spec.message, statement_id=spec.statement,
                                     fallback=campaign.source_language if task.fallback else None)
    if campaign.edition is None:  # an edition's brand (its logo, too) came with resolve_design
        design = dataclasses.replace(design, brand=_brand(spec.brand, task.stamps[1]))
    if design.template.document is not None:
        _render_document(task, design, result)
        return
    page, diags = pipeline.layout(design)
    result.diagnostics = list(diags)
    if page is None or diags.has_errors:
        return
    if not _checked(task, result, pipeline.check(page, design, task.level), page):  # type: ignore[arg-type]
        return

    def draw(kind: str) -> dict[str, bytes]:
        if kind == "png":
            return {kind: pipeline.render_bytes(page, "png", fmt=design.format)}
        return {kind: pipeline.render_bytes(page, "pdf", print_ready=kind == "print-pdf")}

    _draw(task, result, pipeline.sidecars(design, page, alt="alt" in task.kinds, data="data" in task.kinds), draw)


def _render_document(task: Task, design: Design, result: DesignResult) -> None:
    """A multi-page design (carousel, handout): every page checked; a PNG per page, one PDF of them all."""
    doc, diags = pipeline.layout_document(design)
    result.diagnostics = list(diags)
    if doc is None or diags.has_errors:
        return
    if not _checked(task, result, pipeline.check_document(doc, design, task.level), doc.pages[0]):  # type: ignore[arg-type]
        return

    def draw(kind: str) -> dict[str, bytes]:
        if kind != "png":
            return {kind: pipeline.render_document_bytes(doc, "pdf", print_ready=kind == "print-pdf")[0]}
        pngs = pipeline.render_document_bytes(doc, "png", fmt=design.format)
        return {kind: pngs[0]} if len(pngs) == 1 else {f"png:{n}": data for n, data in enumerate(pngs, start=1)}

    sidecars = pipeline.document_sidecars(design, doc, alt="alt" in task.kinds, data="data" in task.kinds)
    _draw(task, result, sidecars, draw)


def _checked(task: Task, result: DesignResult, found: Diagnostics, first: Page) -> bool:
    """Record a laid-out design's findings, text alternative and thumbnail; False when errors block drawing it."""
    result.laid_out = True
    result.diagnostics.extend(found)
    result.alt = first.alt
    result.thumbnail = _sha(thumbnail(first))
    result.blocked = found.has_errors and not task.allow_findings
    return not result.blocked


_SIDECARS = {"alt": ".alt.txt", "data": ".data.csv"}


def _draw(task: Task, result: DesignResult, sidecars: dict[str, bytes],
          draw: Callable[[str], dict[str, bytes]]) -> None:
    """The kinds the task asks for: drawn files (by their result key) and the files beside them."""
    for kind in task.kinds:
        if kind in _SIDECARS:
            if _SIDECARS[kind] in sidecars:
                result.files[kind] = _sha(sidecars[_SIDECARS[kind]])
        else:
            result.files.update({key: _sha(data) for key, data in draw(kind).items()})
