"""The job's matrix: every design (edition × template × format × language × subject) and its output files.

An edition is a shipped brand's id or a brand-kit folder (the job's campaign in that brand), or an
edition folder (its edition.yaml: the campaign as the municipality makes it, in its brand and
its languages).

A name nobody knows is refused with the known ones listed; a subject a template cannot show
(a count on a share ring) is left out with the reason; an output pattern that gives two outputs
one path is refused naming both. Nothing here lays anything out.
"""

from __future__ import annotations

import dataclasses
import difflib
import string
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from campaign_studio import pipeline
from campaign_studio.content.design_loader import brand_ids, load_brand, load_templates
from campaign_studio.content.edition_csv import is_edition_csv
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.translations import available_languages
from campaign_studio.export.job import AXES, DEFAULT_KINDS, Axis, ExportJob
from campaign_studio.export.names import KINDS, PLACEHOLDERS
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location
from campaign_studio.model.edition import EDITION_FILE
from campaign_studio.model.template import Brand

# Files and folders of the export itself: no output may take their place.
RESERVED = ("manifest.json", "index.html", "review")
_SHOWS_AXIS = {"statistic": "stats", "message": "messages", "statement": "statements"}


@dataclass(frozen=True, order=True)
class DesignSpec:
    """One design by its names: what a worker needs to lay it out again (small, picklable)."""

    edition: str  # the edition's name in paths and the manifest: its id, or the brand kit's
    template: str
    format: str
    language: str
    stat: str | None = None
    message: str | None = None
    statement: str | None = None
    brand: str = "national"  # what load_brand is given: a shipped id or a brand folder
    # Where an edition's campaign is read from, for the worker: ("folder", path) for an edition folder,
    # ("csv", path, edition id) for a row of an editions CSV; None: the job's campaign in a brand kit.
    edition_source: tuple[str, ...] | None = None

    @property
    def subject(self) -> str:
        return self.stat or self.message or self.statement or "figures"  # an infographic: its own set

    def label(self) -> str:
        return f"{self.edition} / {self.language} / {self.template} / {self.subject} / {self.format}"


@dataclass(frozen=True)
class OutputSpec:
    design: DesignSpec
    kind: str
    path: str  # relative to OUTDIR, with / between folders
    page: int | None = None  # one PNG of a multi-page design (a carousel slide): its number, from 1

    @property
    def file_key(self) -> str:
        """What the worker's result holds this output's bytes under."""
        return self.kind if self.page is None else f"{self.kind}:{self.page}"

    def label(self) -> str:
        return f"{self.design.label()} / {self.kind}" + (f" {self.page}" if self.page is not None else "")


@dataclass(frozen=True)
class EditionSource:
    """One edition of the job: its name, brand kit, and the campaign its designs show."""

    name: str
    brand_arg: str  # what load_brand is given
    brand: Brand
    campaign: Campaign | None = None  # an edition's campaign; None: the job's campaign (a brand kit)
    source: tuple[str, ...] | None = None  # DesignSpec.edition_source
    languages: tuple[str, ...] | None = None  # an edition's languages; None: the campaign's

    @property
    def where(self) -> str:
        return self.source[1] if self.source else self.brand_arg


@dataclass
class Matrix:
    outputs: dict[DesignSpec, list[OutputSpec]] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)  # combinations the campaign cannot make, with the reason
    editions: dict[str, EditionSource] = field(default_factory=dict)  # by name, each loaded once

    @property
    def brands(self) -> dict[str, Brand]:
        """Edition name -> its brand kit."""
        return {name: e.brand for name, e in self.editions.items()}

    def campaigns(self, job_campaign: Campaign) -> dict[str, Campaign]:
        """Edition name -> the campaign its designs show."""
        return {name: e.campaign or job_campaign for name, e in self.editions.items()}

    @property
    def designs(self) -> list[DesignSpec]:
        return list(self.outputs)

    def all_outputs(self) -> list[OutputSpec]:
        return [o for outs in self.outputs.values() for o in outs]


def _refuse(axis_name: str, axis: Axis, i: int, what: str, value: str, known: list[str], more: str = "") -> InputError:
    """An unknown name: at its line when it came from the job file, else naming the option."""
    close = difflib.get_close_matches(value, known, n=1)
    listing = f"known {what}s: " + ", ".join(known) + (f", {more}" if more else "")
    hint = f"did you mean {close[0]!r}? ({listing})" if close else listing
    loc = axis.location(i)
    if loc is not None:
        return InputError(Diagnostic("error", f"unknown {what} {value!r}", loc, axis_name, hint))
    return InputError(Diagnostic("error", f"{AXES[axis_name]}: unknown {what} {value!r}", None, hint=hint))


def _select(job: ExportJob, axis_name: str, what: str, known: list[str], default: list[str]) -> list[str]:
    axis = job.axis(axis_name)
    if not axis.given:
        return default
    if axis.names is None:
        return known
    for i, name in enumerate(axis.names):
        if name not in known:
            raise _refuse(axis_name, axis, i, what, name, known)
    return list(axis.names)


def _editions(job: ExportJob, campaign: Campaign) -> dict[str, EditionSource]:
    """The job's editions by name: shipped brand ids, brand-kit folders, edition folders and editions CSVs."""
    axis = job.axis("editions")
    known = brand_ids()
    if not axis.given:
        names = ["national"]
    elif axis.names is None:
        names = known
    else:
        names = list(axis.names)
    found: dict[str, EditionSource] = {}
    sources: list[EditionSource] = []
    for i, name in enumerate(names):
        if name in known:
            sources.append(EditionSource(name, name, load_brand(name)))
        else:
            # a folder named in the job file is relative to it; one given as an option, to the current folder
            in_file = job.file is not None and axis.location(i) is not None
            folder = job.file.parent / name if in_file and job.file and not Path(name).is_absolute() else Path(name)
            if folder.name == EDITION_FILE:
                folder = folder.parent
            if (folder / EDITION_FILE).is_file():
                sources.append(_edition_folder(folder))
            elif (folder / "brand.yaml").is_file():
                kit = load_brand(str(folder))
                sources.append(EditionSource(kit.id, str(folder), kit))
            elif is_edition_csv(folder) and folder.is_file():
                sources.extend(_csv_rows(folder, campaign))
            else:
                raise _refuse("editions", axis, i, "edition", name, known, "or a folder holding edition.yaml (an "
                              "edition) or brand.yaml (a brand kit), or an editions CSV file")
        for source in sources:
            if source.name in found and found[source.name] != source:
                first = found[source.name]
                raise InputError(Diagnostic(
                    "error", f"two editions are named {source.name!r}: {first.where} and {source.where}",
                    axis.location(i), "editions" if axis.location(i) else "",
                    "give each edition its own id (id: in edition.yaml or the CSV, or the brand kit's id)"))
            found[source.name] = source
        sources.clear()
    return found


def _edition_folder(folder: Path) -> EditionSource:
    """An edition folder, checked as `campaign-studio validate --edition` would: the first error refuses the job."""
    loaded = pipeline.open_edition(folder)
    if loaded.campaign is None or loaded.edition is None:
        first = loaded.diagnostics.errors[0]
        raise InputError(dataclasses.replace(first, hint=f"{first.hint}; see every problem with 'campaign-studio "
                                             f"validate --edition {folder}'".lstrip("; ")))
    edition = loaded.edition
    return EditionSource(edition.id, edition.brand, pipeline.edition_brand(edition), loaded.campaign,
                         ("folder", str(edition.folder)), edition.languages)


def _csv_rows(path: Path, campaign: Campaign) -> list[EditionSource]:
    """Every row of an editions CSV as an edition of the job's campaign; a row with an error refuses the job."""
    found = []
    for loaded in pipeline.csv_editions(path, campaign):
        if loaded.campaign is None or loaded.edition is None:
            raise InputError(loaded.diagnostics.errors[0])
        edition = loaded.edition
        found.append(EditionSource(edition.id, edition.brand, pipeline.edition_brand(edition), loaded.campaign,
                                   ("csv", str(path.resolve()), edition.id), edition.languages))
    return found


def _subjects(job: ExportJob, campaign: Campaign, shows: str) -> list[str | None]:
    """The subjects a template showing `shows` is asked for; [None] for the template's own choice
    (always for a template of several statistics: the infographic shows its own set)."""
    if shows not in _SHOWS_AXIS:
        return [None]
    axis_name = _SHOWS_AXIS[shows]
    known = {"stats": [s.id for s in campaign.statistics], "messages": [m.id for m in campaign.messages],
             "statements": [s.id for s in campaign.statements]}[axis_name]
    what = {"stats": "statistic", "messages": "message", "statements": "statement"}[axis_name]
    chosen: list[str | None] = list(_select(job, axis_name, what, known, []))
    return chosen or [None]


def expand(job: ExportJob, campaign: Campaign) -> Matrix:
    """Every output the job asks for; InputError (exit 2) for a name nobody knows or a pattern that collides."""
    templates = load_templates()
    formats = load_formats()
    languages = [campaign.source_language] + [c for c in available_languages(campaign.translations_folder)
                                              if c != campaign.source_language]
    template_ids = _select(job, "templates", "template", list(templates), list(templates))
    format_ids = _select(job, "formats", "format", list(formats), list(formats))
    kinds = _select(job, "kinds", "kind", list(KINDS), list(DEFAULT_KINDS))
    editions = _editions(job, campaign)
    every_language = list(dict.fromkeys(languages + [lang for e in editions.values() for lang in e.languages or ()]))
    language_ids = _select(job, "languages", "language", every_language, languages)
    asked_languages = job.axis("languages").given
    check_pattern(job)
    matrix = Matrix(editions=editions)
    for template_id in template_ids:
        template = templates[template_id]
        made_for = [f for f in format_ids if template.made_for(f)]
        if not made_for:
            matrix.left_out.append(f"{template_id}: not made for the formats asked")
            continue
        for wanted in _subjects(job, campaign, template.shows):
            for edition in editions.values():
                try:
                    design = pipeline.resolve_design(
                        edition.campaign or campaign, template_id, made_for[0],
                        stats=(wanted,) if template.shows == "statistic" and wanted else (),
                        message_id=wanted if template.shows == "message" else None,
                        statement_id=wanted if template.shows == "statement" else None)
                except InputError as exc:
                    where = f"{edition.name} / " if edition.source else ""
                    matrix.left_out.append(f"{where}{template_id} / {wanted}: {exc.diagnostic.message}")
                    continue
                subject = design.subject
                # a template of several statistics shows its own set: no one statistic names the design
                # (and a multi-page design its plan's: its files are named "figures")
                ids = {"stat": subject.statistic.id if subject.statistic and template.shows == "statistic"
                       and template.document is None else None,
                       "message": subject.message.id if subject.message else None,
                       "statement": subject.statement.id if subject.statement else None}
                has = languages if edition.languages is None else list(edition.languages)
                # an edition folder is made in its own languages, unless the job asks for some of them
                in_edition = [lang for lang in language_ids if lang in has] if asked_languages else has
                if not in_edition:
                    matrix.left_out.append(f"{edition.name}: made in {', '.join(has)}, not in {', '.join(language_ids)}")
                pages = 1
                if template.document is not None:  # a carousel, a handout: as many pages as its plan has slides
                    try:
                        pages = len(pipeline.document_slides(design))
                    except InputError as exc:
                        matrix.left_out.append(f"{template_id}: {exc.diagnostic.message}")
                        continue
                for format_id in made_for:
                    for language in in_edition:
                        spec = DesignSpec(edition.name, template_id, format_id, language, brand=edition.brand_arg,
                                          edition_source=edition.source, **ids)
                        outs = [out for kind in kinds
                                if _applies(kind, formats[format_id].kind, template.shows, template.document is not None)
                                for out in _outputs(job, spec, kind, pages)]
                        if outs:
                            matrix.outputs[spec] = outs
    matrix.left_out = list(dict.fromkeys(matrix.left_out))
    if not matrix.outputs:
        why = f" ({matrix.left_out[0]})" if matrix.left_out else ""
        hint = ("choose statistics, messages or statements the templates can show" if matrix.left_out else
                "png is made for social formats, pdf and print-pdf for print formats: choose kinds and formats that go together")
        raise InputError(Diagnostic("error", f"the job makes no outputs{why}", Location(job.file) if job.file else None,
                                    hint=hint))
    _refuse_collisions(job, matrix)
    return matrix


def _outputs(job: ExportJob, spec: DesignSpec, kind: str, pages: int) -> list[OutputSpec]:
    """A design's outputs of one kind: one file, or for the PNGs of a multi-page design one per page
    (NAME-01.png ... as `campaign-studio render` names them)."""
    path = _path(job, spec, kind)
    if kind != "png" or pages == 1:
        return [OutputSpec(spec, kind, path)]
    paths = pipeline.output_paths(Path(path), pages)
    return [OutputSpec(spec, kind, p.as_posix(), page) for page, p in enumerate(paths, start=1)]


def _applies(kind: str, format_kind: str, shows: str, document: bool = False) -> bool:
    if kind == "png":
        return format_kind == "social"
    if kind == "pdf":  # a carousel is posted as a PDF document too (LinkedIn)
        return format_kind == "print" or document
    if kind == "print-pdf":
        return format_kind == "print"
    if kind == "data":
        return shows in ("statistic", "statistics")  # a data table lists the figures shown
    return True


def _pattern_error(job: ExportJob, message: str, hint: str) -> InputError:
    if job.pattern_location is not None:
        return InputError(Diagnostic("error", message, job.pattern_location, "output", hint))
    return InputError(Diagnostic("error", f"--pattern: {message}", None, hint=hint))


def check_pattern(job: ExportJob) -> None:
    """The output pattern names only known placeholders and stays inside OUTDIR."""
    try:
        parts = list(string.Formatter().parse(job.pattern))
    except ValueError as exc:
        raise _pattern_error(job, f"output pattern {job.pattern!r} cannot be read: {exc}",
                             "write placeholders as {name}, braces doubled ({{ }}) for a brace itself") from None
    for _text, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            raise _pattern_error(job, f"output pattern {job.pattern!r} has an unknown placeholder {{{name}}}",
                                 "placeholders: " + ", ".join("{" + p + "}" for p in PLACEHOLDERS))
    path = PurePosixPath(job.pattern)
    if path.is_absolute() or ".." in path.parts or job.pattern.startswith("~"):
        raise _pattern_error(job, f"output pattern {job.pattern!r} leads out of the output folder",
                             "write a relative path such as {edition}/{lang}/{template}/{subject}-{format}.{ext}")
    if "{ext}" not in job.pattern and "{kind}" not in job.pattern:
        raise _pattern_error(job, f"output pattern {job.pattern!r} has neither {{ext}} nor {{kind}}",
                             "end it in .{ext}, so a design's PNG, PDF and text alternative get names of their own")


def _path(job: ExportJob, spec: DesignSpec, kind: str) -> str:
    values = {"edition": spec.edition, "lang": spec.language, "template": spec.template, "subject": spec.subject,
              "format": spec.format, "ext": KINDS[kind], "kind": kind}
    return str(PurePosixPath(job.pattern.format(**values)))


def _refuse_collisions(job: ExportJob, matrix: Matrix) -> None:
    seen: dict[str, OutputSpec] = {}
    folders: set[str] = set()
    for out in matrix.all_outputs():
        parts = PurePosixPath(out.path).parts
        if parts[0] in RESERVED:
            raise _pattern_error(job, f"output {out.path!r} ({out.label()}) would take the place of the export's own "
                                 f"{parts[0]}", "start the pattern with a folder such as {edition}/")
        first = seen.setdefault(out.path, out)
        if first is not out:
            raise _pattern_error(job, f"output pattern {job.pattern!r} gives two outputs the same path {out.path!r}: "
                                 f"{first.label()} and {out.label()}",
                                 "add the placeholders that tell them apart, e.g. {edition}, {lang}, {subject}, {ext}")
        folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
    clash = next((p for p in seen if p in folders), None)
    if clash is not None:
        raise _pattern_error(job, f"output {clash!r} ({seen[clash].label()}) is also a folder of other outputs",
                             "give files and folders different names in the pattern")
