"""The use cases both front ends share: open a campaign, copy it, render a design.

The CLI and the GUI call these functions; neither reads files or draws by itself.
"""

from __future__ import annotations

import dataclasses
import difflib
import errno
import shutil
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from campaign_studio.content import files
from campaign_studio.content.campaign_loader import LoadedCampaign, load_campaign, texts
from campaign_studio.content.folder_lock import LOCK_NAME, campaign_lock
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.languages import language_info
from campaign_studio.content.translation_rules import check_stored
from campaign_studio.content.translations import load_catalog, translation_languages
from campaign_studio.model.campaign import Campaign, Message, Statistic
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location
from campaign_studio.model.formats import Format
from campaign_studio.resources import builtin_campaign_dir, translations_dir

# Layout, the renderers, glyph coverage and colour-vision maths load on first use, inside the
# functions that need them: `list` and `--help` never pay for them, a PNG never imports ReportLab.
if TYPE_CHECKING:
    from campaign_studio.checks.cvd import Deficiency
    from campaign_studio.checks.registry import Level
    from campaign_studio.content.edition_loader import LoadedEdition
    from campaign_studio.content.pack_reader import Unpacked
    from campaign_studio.content.pack_writer import Packed
    from campaign_studio.content.translation_io import ImportFile, MergeResult
    from campaign_studio.layout.document import Slide
    from campaign_studio.layout.engine import Design
    from campaign_studio.layout.localise import Localiser
    from campaign_studio.model.edition import Edition
    from campaign_studio.model.pagetree import Document, Page
    from campaign_studio.model.template import Brand, Template, TextRole


# The brand and template loaders (fonts, logos, SVG parsing) load on first use too: `list stats`
# and `validate` of a campaign never read a template. Tests replace these names to share caches.
def load_templates(folder: Path | None = None) -> dict[str, Template]:
    from campaign_studio.content import design_loader

    return design_loader.load_templates(folder)


def load_brand(brand: str | Path) -> Brand:
    from campaign_studio.content import design_loader

    return design_loader.load_brand(brand)


def load_styles(path: Path | None = None) -> dict[str, TextRole]:
    from campaign_studio.content import design_loader

    return design_loader.load_styles(path)


def open_campaign(folder: Path | None) -> LoadedCampaign:
    """Load a campaign folder, or the built-in national campaign when folder is None."""
    if folder is None:
        return load_campaign(builtin_campaign_dir(), translations_dir())
    return load_campaign(folder)


def validate_campaign(folder: Path | None) -> LoadedCampaign:
    """open_campaign, and for a campaign without errors also its stored translations and glyph coverage.

    The translations in the campaign's PO files (edited by hand, or from an older version)
    are held to the rules an import checks; every text in every language must be drawable
    with the fonts the shipped brands use.
    """
    from campaign_studio import glyph_coverage

    loaded = open_campaign(folder)
    if loaded.campaign is not None:
        loaded.diagnostics.extend(check_stored(loaded.campaign))
        loaded.diagnostics.extend(glyph_coverage.check_campaign(loaded.campaign))
    return loaded


def init_campaign(target: Path) -> list[Path]:
    """Write an editable copy of the built-in campaign (with its translations) into target.

    Refuses a non-empty folder. Writes into a temporary sibling first and renames it,
    so an interrupted copy leaves nothing half-written.
    """
    return copy_campaign(None, target)


def copy_campaign(folder: Path | None, target: Path) -> list[Path]:
    """Copy a campaign folder (None: the built-in campaign) with its translations into target, as init does."""
    target = files.new_folder(target, "campaign folder")
    try:
        staging = Path(tempfile.mkdtemp(prefix=files.temp_prefix(target.name), dir=target.parent))
    except OSError as exc:
        raise InputError(Diagnostic("error", f"cannot create a folder in {target.parent}: {exc.strerror}",
                                    Location(target), hint="choose a folder you can write to")) from None
    try:
        shutil.copytree(builtin_campaign_dir() if folder is None else folder, staging, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", LOCK_NAME))
        # translations/qt holds the desktop app's own interface texts, not the campaign's
        if folder is None:
            shutil.copytree(translations_dir(), staging / "translations", dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("qt", "*.ts"))
        try:
            # one rename: it replaces an empty folder and fails if another command filled it meanwhile
            staging.rename(target)
        except OSError as exc:
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR):
                raise
            raise InputError(Diagnostic("error", "folder is not empty any more: something wrote into it while init "
                                        "was copying; init never overwrites files", Location(target),
                                        hint="choose a new or empty folder")) from None
    except InputError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError(Diagnostic("error", f"cannot write the campaign: {exc.strerror}; nothing was written",
                                    Location(target), hint="free some disk space or choose another place")) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(p for p in target.rglob("*") if p.is_file())


# --- editions ------------------------------------------------------------------------------------

_editions: dict[tuple[Path, bool], tuple[list[Path], tuple[object, ...], LoadedEdition]] = {}


def _stamp(paths: Sequence[Path]) -> tuple[object, ...]:
    out: list[object] = []
    for path in paths:
        try:
            st = path.stat()
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append(None)
    return tuple(out)


def open_edition(folder: Path, *, translating: bool = False) -> LoadedEdition:
    """Load an edition folder (or its edition.yaml) and the campaign it names, with the edition applied.

    Read again whenever edition.yaml or its campaign.yaml changed (the GUI keeps one process);
    otherwise the same result, so a bulk export or `check --all` reads each edition once.
    `translating`: for the translation commands, a language of the edition without a PO file yet is
    a warning, not an error (its file starts with an export).
    """
    from campaign_studio.content.edition_loader import load_edition

    key = (Path(folder).resolve(), translating)
    cached = _editions.get(key)
    if cached is not None and _stamp(cached[0]) == cached[1]:
        return cached[2]
    loaded = load_edition(Path(folder), translating=translating)
    watched = [loaded.file] + ([loaded.base.file] if loaded.base is not None else [])
    _editions[key] = (watched, _stamp(watched), loaded)
    return loaded


def validate_edition(folder: Path) -> LoadedEdition:
    """open_edition, and for an edition without errors also what `validate` checks of a campaign (its stored
    translations, its own included, and glyph coverage) and its brand kit against the edition's languages."""
    from campaign_studio import glyph_coverage

    loaded = open_edition(folder)
    result = dataclasses.replace(loaded, diagnostics=Diagnostics(loaded.diagnostics))
    if loaded.campaign is not None and loaded.edition is not None:
        base = loaded.base.diagnostics if loaded.base is not None else []
        result.diagnostics[:0] = [d for d in base if d not in result.diagnostics]  # the campaign's warnings first
        result.diagnostics.extend(check_stored(loaded.campaign))
        result.diagnostics.extend(glyph_coverage.check_campaign(loaded.campaign))
        result.diagnostics.extend(check_brand_kit(loaded.edition.brand, languages=list(loaded.edition.languages)))
    return result


_csv_editions: dict[tuple[Path, Path], tuple[tuple[object, ...], Campaign, list[LoadedEdition]]] = {}


def csv_editions(path: Path, campaign: Campaign) -> list[LoadedEdition]:
    """Every row of an editions CSV (content/edition_csv.py) as an edition of `campaign`; read again when the
    file changes. InputError (exit 2) for a file that is no editions CSV."""
    from campaign_studio.content.campaign_loader import CAMPAIGN_FILE, LoadedCampaign
    from campaign_studio.content.edition_csv import load_csv_editions

    key = (Path(path).resolve(), campaign.folder.resolve())
    cached = _csv_editions.get(key)
    if cached is not None and cached[0] == _stamp([key[0]]) and cached[1] is campaign:
        return cached[2]
    builtin = campaign.folder.resolve() == builtin_campaign_dir().resolve()
    base = LoadedCampaign(campaign, Diagnostics(), campaign.folder / CAMPAIGN_FILE)
    loaded = load_csv_editions(Path(path), base, "national" if builtin else str(campaign.folder.resolve()))
    _csv_editions[key] = (_stamp([key[0]]), campaign, loaded)
    return loaded


def edition_brand(edition: Edition) -> Brand:
    """An edition's brand kit: the one it names, with its own logo when it has one (a CSV row's)."""
    kit = load_brand(edition.brand)
    if edition.logo is None:
        return kit
    return dataclasses.replace(kit, logo=edition.logo, logo_alt=edition.name)


def edition_campaign(folder: Path) -> Campaign:
    """The campaign as an edition makes it; an edition with errors is refused with its first error (exit 2)."""
    loaded = open_edition(folder)
    if loaded.campaign is None:
        first = loaded.diagnostics.errors[0]
        more = len(loaded.diagnostics.errors) - 1
        raise InputError(dataclasses.replace(first, hint=first.hint + (
            f"; {more} more error{'s' * (more != 1)}: campaign-studio validate --edition {folder}" if more else "")))
    return loaded.campaign


# --- designs -------------------------------------------------------------------------------------

def _usage(message: str, hint: str = "", location: Location | None = None) -> InputError:
    return InputError(Diagnostic("error", message, location, hint=hint))


def resolve_design(
    campaign: Campaign,
    template_id: str,
    format_id: str,
    language: str | None = None,
    *,
    stats: Sequence[str] = (),
    message_id: str | None = None,
    statement_id: str | None = None,
    brand: str | Path | None = None,
    fallback: str | None = None,
    native_digits: bool = False,
    edition: Path | None = None,
) -> Design:
    """Turn the names a user gives (CLI options, GUI choices) into a Design, with clear refusals.

    `stats`: the statistics a design shows, in order (`--stat`, repeatable); one for a
    template that shows a statistic, any number for one that shows statistics.
    `brand`: a shipped brand's id or a brand folder; default `national`, or the edition's brand
    when `campaign` is an edition's campaign.
    `edition`: an edition folder (or its edition.yaml). The design is the edition's: its campaign
    (local contacts, replaced texts, its translations over the campaign's) and its brand, so
    `brand` must be left out. `campaign` is then the edition's campaign (as open_edition or
    edition_campaign give it) or the campaign the edition names, which is replaced by the
    edition's version of it; another campaign is refused.
    """
    from campaign_studio.layout.blocks import Subject
    from campaign_studio.layout.engine import Design

    if edition is not None:
        loaded = open_edition(edition)
        edited = edition_campaign(edition)
        assert loaded.edition is not None
        if brand is not None:
            raise _usage(f"--brand and --edition exclude each other: the edition names its brand "
                         f"({loaded.edition.brand_ref!r})", "leave out --brand, or change brand: in the edition",
                         loaded.edition.brand_location)
        if campaign.edition is None or campaign.edition.folder != loaded.edition.folder:
            if campaign.folder.resolve() != edited.folder.resolve():
                raise _usage(f"the edition {loaded.edition.id!r} is of the campaign in {edited.folder}, not of "
                             f"{campaign.folder}", "leave out --campaign: the edition names its campaign",
                             Location(loaded.file))
            campaign = edited
    if language and campaign.edition is not None and language != campaign.source_language \
            and language not in campaign.edition.languages:
        raise _usage(f"the edition {campaign.edition.id!r} is made in {', '.join(campaign.edition.languages)}, "
                     f"not {language!r}", "add the language under languages: in the edition",
                     Location(campaign.edition.file))

    templates = load_templates()
    if template_id not in templates:
        raise _usage(f"unknown template {template_id!r}", _did_you_mean(template_id, list(templates)))
    template = templates[template_id]
    formats = load_formats()
    if format_id not in formats:
        raise _usage(f"unknown format {format_id!r}", _did_you_mean(format_id, list(formats)))
    if not template.made_for(format_id):
        raise _usage(f"template {template_id!r} is made for the format(s) {', '.join(template.formats)}, "
                     f"not {format_id!r}", "use one of " + ", ".join(template.formats), Location(template.path))
    language = language or campaign.source_language
    if fallback and fallback != campaign.source_language:
        raise _usage(f"--fallback must be the source language {campaign.source_language!r}")
    stat_ids = [s.id for s in campaign.statistics]
    msg_ids = [m.id for m in campaign.messages]
    for given in stats:
        if given not in stat_ids:
            raise _usage(f"unknown statistic {given!r}", _did_you_mean(given, stat_ids))
    stat_id = stats[0] if stats else None
    if message_id and message_id not in msg_ids:
        raise _usage(f"unknown message {message_id!r}", _did_you_mean(message_id, msg_ids))
    statement_ids = [s.id for s in campaign.statements]
    if statement_id and statement_id not in statement_ids:
        raise _usage(f"unknown statement {statement_id!r}", _did_you_mean(statement_id, statement_ids))
    subject = Subject()
    if template.shows != "statement" and statement_id:
        raise _usage(f"template {template_id!r} shows a {template.shows}: --statement is for templates that show "
                     "a statement", "templates showing a statement: " + ", ".join(
                         t for t, tt in templates.items() if tt.shows == "statement"))
    if template.shows == "statement":
        if stat_id or message_id:
            raise _usage(f"template {template_id!r} shows a statement: use --statement, not --stat or --message",
                         "statements: " + ", ".join(statement_ids))
        if not statement_ids:
            raise _usage(f"the campaign has no statement template {template_id!r} can show",
                         "add one under statements: in campaign.yaml")
        subject.statement = campaign.statement(statement_id or statement_ids[0])
    elif template.shows == "statistics":
        subject.statistics, subject.chosen = _figures(campaign, template, stats, message_id), bool(stats)
    elif template.shows == "statistic":
        if len(stats) > 1:
            raise _usage(f"template {template_id!r} shows one statistic; --stat was given {len(stats)} times "
                         f"({', '.join(stats)})", "give --stat once, or use a template that shows several "
                         "figures: " + ", ".join(t for t, tt in templates.items() if tt.shows == "statistics"))
        if message_id:
            raise _usage(f"template {template_id!r} shows a statistic: use --stat, not --message",
                         "statistics: " + ", ".join(stat_ids))
        subject.statistic = campaign.statistic(stat_id or stat_ids[0])
        if template_id == "women-men" and len(subject.statistic.values) < 2:
            raise _usage(f"statistic {subject.statistic.id!r} has one group; {template_id!r} compares two or more",
                         "use a statistic with values for women and men, e.g. victim-sexual-violence")
        shares = [s.name for s in template.slots.values() if s.kind in ("icon-array", "share-ring")]
        if shares and subject.statistic.unit != "percent":
            raise _usage(f"statistic {subject.statistic.id!r} is a count; template {template_id!r} draws a share of "
                         "a whole", "use a statistic in percent: " + ", ".join(
                             s.id for s in campaign.statistics if s.unit == "percent"))
    else:
        if stat_id:
            raise _usage(f"template {template_id!r} shows a message: use --message, not --stat",
                         "messages: " + ", ".join(msg_ids))
        needs_line = any(s.content.startswith("action_line.") for s in template.slots.values())
        candidates = [m for m in campaign.messages if m.action_line] if needs_line else list(campaign.messages)
        if message_id:
            msg = campaign.message(message_id)
            if needs_line and not msg.action_line:
                raise _usage(f"message {message_id!r} belongs to no action line; template {template_id!r} needs one",
                             "messages with an action line: " + ", ".join(m.id for m in candidates))
        elif not candidates:
            raise _usage(f"the campaign has no message template {template_id!r} can show")
        subject.message = campaign.message(message_id) if message_id else _default_message(campaign, template,
                                                                                            candidates)
    if brand is not None:
        kit = load_brand(brand)
    else:  # an edition's campaign is drawn in the edition's brand
        kit = edition_brand(campaign.edition) if campaign.edition is not None else load_brand("national")
    return Design(campaign, template, kit, formats[format_id], language, subject, fallback, native_digits)


def _figures(campaign: Campaign, template: Template, stats: Sequence[str], message_id: str | None
             ) -> tuple[Statistic, ...]:
    """The statistics a design with several figures shows: those named, in their order, or
    without any, every statistic of the campaign in its order (the template's default set)."""
    if message_id:
        raise _usage(f"template {template.id!r} shows statistics: use --stat, not --message",
                     "statistics: " + ", ".join(s.id for s in campaign.statistics))
    if len(set(stats)) < len(stats):
        twice = next(s for s in stats if list(stats).count(s) > 1)
        raise _usage(f"--stat {twice} is given twice", "name each statistic once, in the order to show them")
    chosen = tuple(campaign.statistic(s) for s in stats) or tuple(campaign.statistics)
    if not chosen:
        raise _usage(f"the campaign has no statistic template {template.id!r} can show",
                     "add one under statistics: in campaign.yaml")
    return chosen


def _default_message(campaign: Campaign, template: Template, candidates: list[Message]) -> Message:
    """The first message, or for a template about help (it lists where to get help) the first
    message about help: one whose text names the contact it refers people to."""
    if any(s.kind == "help-list" for s in template.slots.values()):
        for msg in candidates:
            name = campaign.help_contact(msg.help).name.source if msg.help else ""
            if name and name in f"{msg.body.source} {msg.call_to_action.source}":
                return msg
    return candidates[0]


def _did_you_mean(value: str, options: list[str]) -> str:
    close = difflib.get_close_matches(value, options, n=1)
    listing = "use one of " + ", ".join(options)
    return f"did you mean {close[0]!r}? ({listing})" if close else listing


_Laid = TypeVar("_Laid")


def _engine_run(design: Design, diagnostics: Diagnostics, run: Callable[[], _Laid | None]) -> _Laid | None:
    """The layout engine's result, or None with its refusal (a missing translation or glyph) as an error."""
    from campaign_studio.layout.localise import MissingTranslation
    from campaign_studio.text.fonts import MissingGlyphError

    try:
        return run()
    except MissingTranslation as exc:
        diagnostics.error(str(exc))
    except MissingGlyphError as exc:
        diagnostics.error(f"{exc} (in {design.template.id} / {design.format.id} / {design.language})")
    return None


def layout(design: Design) -> tuple[Page | None, Diagnostics]:
    from campaign_studio.layout.alternative import describe
    from campaign_studio.layout.engine import layout_page

    diagnostics = Diagnostics()
    if design.language != design.campaign.source_language:
        # a PO file edited by hand is held to the rules of an import before anything is drawn from it
        diagnostics.extend(check_stored(design.campaign, [design.language]))
        if diagnostics.has_errors:
            return None, diagnostics
    page = _engine_run(design, diagnostics, lambda: layout_page(design, load_styles(), diagnostics))
    if page is None:
        return None, diagnostics
    # charts and every other design: the text alternative from the same data as the design
    alt, long = describe(page, design.campaign, design.subject, _localiser(design))
    page = dataclasses.replace(page, alt=alt, long_alt=long)
    page = dataclasses.replace(page, metadata={**page.metadata, **design_identity(design)})
    return page, diagnostics


def design_identity(design: Design) -> dict[str, str]:
    """The names that select this design again (stored in the PNG, read back by `check`).

    Ids only, never a folder path: a published image must not carry the maker's file names.
    """
    subject = design.subject
    ident = {"design.campaign": design.campaign.id, "design.template": design.template.id,
             "design.format": design.format.id, "design.language": design.language,
             "design.brand": design.brand.id}
    if design.campaign.edition is not None:
        ident["design.edition"] = design.campaign.edition.id
    if subject.figures:
        ident["design.stat"] = ",".join(s.id for s in subject.figures)
    if subject.message is not None:
        ident["design.message"] = subject.message.id
    if subject.statement is not None:
        ident["design.statement"] = subject.statement.id
    if design.fallback:
        ident["design.fallback"] = design.fallback
    if design.native_digits:
        ident["design.native_digits"] = "yes"
    return ident


def campaign_languages(campaign: Campaign) -> list[str]:
    """The campaign's source language and every language it has translations for; an edition's: its languages."""
    if campaign.edition is not None:
        return list(campaign.edition.languages)
    return list(dict.fromkeys([campaign.source_language, *translation_languages(campaign)]))


def check_brand_kit(brand: str | Path, level: Level = "AA", languages: list[str] | None = None) -> Diagnostics:
    """Everything about a brand kit that holds before any design (`validate --brand`): its colour pairs
    that carry text against WCAG contrast (CS109), its own fonts' coverage of `languages` (a warning
    naming the fallback face), and its raster logos' resolution on print."""
    from campaign_studio.checks import check_brand
    from campaign_studio.content import brand_fonts
    from campaign_studio.layout.logo_resolution import brand_logo_resolution

    kit = load_brand(brand)
    found = check_brand(kit, level)
    found.extend(brand_fonts.coverage_warnings(kit, languages or []))
    for low in brand_logo_resolution(kit):
        found.append(Diagnostic("warning", low.message, Location(kit.path), low.what, low.hint, code="CS115"))
    return found


def check(page: Page, design: Design, level: Level = "AA") -> Diagnostics:
    """The accessibility checks (CS101 ...) of one laid-out design, its brand kit's contrast included."""
    from campaign_studio.checks import CheckContext, check_brand, run_checks

    ctx = CheckContext(design.template.id, design.format, design.language, design.template.path, level)
    found = check_brand(design.brand, level)
    found.extend(run_checks(page, ctx))
    return found


def _localiser(design: Design) -> Localiser:
    """The design's language once more, for its sidecars (layout already reported what it found)."""
    from campaign_studio.layout.localise import Localiser

    return Localiser(design.campaign, design.language, Diagnostics(), design.fallback, design.native_digits)


def sidecars(design: Design, page: Page, *, alt: bool = True, data: bool = True) -> dict[str, bytes]:
    """The files written beside an output, by suffix: NAME.alt.txt and (for figures) NAME.data.csv."""
    from campaign_studio.layout.alternative import alt_text, data_table

    out: dict[str, bytes] = {}
    if alt:
        out[".alt.txt"] = alt_text(page)
    table = data_table(design.campaign, design.subject, _localiser(design), page) if data else None
    if table is not None:
        out[".data.csv"] = table
    return out


def sidecar_path(output: Path, suffix: str) -> Path:
    """NAME.alt.txt beside NAME.png."""
    return output.with_name(output.stem + suffix)


def render_bytes(page: Page, kind: str, *, print_ready: bool = False, dpi: float | None = None,
                 fmt: Format | None = None, simulate: Deficiency | None = None) -> bytes:
    """PNG or PDF bytes of a page; social PNGs at 1 px per pt, posters at dpi (150 by default).

    `simulate` (PNG only) writes the image as a person with that colour-vision deficiency sees it.
    """
    if kind == "pdf":
        if simulate:
            raise _usage("--simulate writes a PNG image", "name the output file .png")
        from campaign_studio.render.pdf import render_pdf

        return render_pdf(page, print_ready=print_ready)
    if kind == "png":
        require_rtl_support(page.language)
        if dpi is None:
            dpi = 72.0 if fmt is None or fmt.kind == "social" else 150.0
        if simulate:
            return simulated_png(page, dpi, simulate)
        from campaign_studio.render.raster import render_png

        return render_png(page, dpi=dpi)
    raise _usage(f"unknown output type {kind!r}", "write to a file ending in .png or .pdf")


def simulated_png(page: Page, dpi: float, deficiency: Deficiency) -> bytes:
    """The page's PNG as seen with a colour-vision deficiency (Machado 2009; achromatopsia as luminance)."""
    import numpy as np
    from PIL import Image

    from campaign_studio.checks.cvd import simulate_array
    from campaign_studio.render.raster import encode_png, render_image

    image = render_image(page, dpi=dpi)
    seen = simulate_array(np.asarray(image), deficiency)
    out = Image.fromarray(np.rint(seen).astype(np.uint8), "RGB")
    marked = dataclasses.replace(page, metadata={**page.metadata, "design.simulate": deficiency})  # a preview, not an output
    return encode_png(out, dpi=None if dpi == 72.0 else dpi, page=marked)


def require_rtl_support(language: str) -> None:
    """Pillow draws right-to-left text correctly only with raqm (and FriBiDi); refuse rather than mangle it."""
    from PIL import features

    if language_info(language).direction == "rtl" and not features.check("raqm"):
        raise _usage("right-to-left text needs Pillow's raqm layout, which is not available",
                     "install Debian's libfribidi0 (make demo does this)")


def write_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, so a failure never leaves half a file."""
    files.atomic_write(path, data)



# --- packs -----------------------------------------------------------------------------------------

def pack_folder(folder: Path, output: Path) -> Packed:
    """Write a campaign folder, or an edition folder with the campaign and brand kit it names, into one .cspack."""
    from campaign_studio import __version__
    from campaign_studio.content.pack_writer import write_pack

    return write_pack(folder, output, __version__)


def unpack_pack(pack: Path, target: Path) -> tuple[Unpacked, Diagnostics]:
    """Unpack a .cspack safely into the new or empty folder `target`, then load what it holds.

    A refused pack raises InputError and leaves nothing behind. A pack that unpacked is
    loaded as any campaign would be: a campaign is validated, an edition as
    `validate --edition` would (its campaign, brand kit, locks and languages). Their findings are
    returned; the files stay, so they can be fixed.
    """
    from campaign_studio.content.edition_refs import read_dependencies
    from campaign_studio.content.pack_reader import read_pack

    unpacked = read_pack(pack, target)
    diags = Diagnostics()
    try:
        if unpacked.manifest.kind == "campaign":
            diags.extend(validate_campaign(unpacked.folder).diagnostics)
            return unpacked, diags
        _, dependencies = read_dependencies(unpacked.folder)
        root = unpacked.folder.resolve()
        for dep in dependencies:
            if dep.folder is not None and not dep.folder.resolve().is_relative_to(root):
                diags.warning(f"{dep.key}: {dep.written!r} lies outside the unpacked folder: the pack did not carry "
                              f"it, and this edition uses whatever is at {dep.folder.resolve()}", dep.loc, dep.key,
                              f"ask for a pack made with 'campaign-studio pack', which carries the {dep.key}")
        # the edition as every command reads it: its campaign, brand kit, locks and languages
        diags.extend(validate_edition(unpacked.folder).diagnostics)
    except InputError as exc:
        diags.append(exc.diagnostic)
    return unpacked, diags

# --- translations ----------------------------------------------------------------------------------

@dataclass
class ImportOutcome:
    """What importing a translator's file did: its findings, the merge (None when refused), whether it was written."""

    diagnostics: Diagnostics
    result: MergeResult | None
    written: bool = False


def check_translation_import(campaign: Campaign, imported: ImportFile) -> Diagnostics:
    """Everything wrong with a translator's file, including characters no shipped font can draw."""
    from campaign_studio import glyph_coverage
    from campaign_studio.content.translation_io import check_import

    diags = check_import(campaign, imported)
    diags.extend(glyph_coverage.check_import(campaign, imported))
    return diags


def import_translations(campaign: Campaign, folder: Path | None, imported: ImportFile, *,
                        dry_run: bool = False, edition: Path | None = None) -> ImportOutcome:
    """Check a translator's file and merge it into the language's PO file of the campaign in `folder`
    (of the edition in `edition`: its own PO file, which keeps only what differs from its campaign's).

    The file is checked against `campaign` first, so a refused file never touches the folder.
    Then, holding the campaign (or edition) folder's lock, the campaign and the PO file are read again
    (another command may have changed them meanwhile), checked, merged and replaced atomically.
    """
    from campaign_studio.content.translation_io import merge

    diags = check_translation_import(campaign, imported)
    if diags.has_errors:
        return ImportOutcome(diags, None)
    if dry_run:
        return _finish(campaign, imported, diags, merge(campaign, imported), write=False)
    lock_folder = campaign.edition.folder if campaign.edition is not None else campaign.folder
    with campaign_lock(lock_folder, "import translations"):
        loaded = open_edition(edition, translating=True) if edition is not None else open_campaign(folder)
        if loaded.campaign is None:
            return ImportOutcome(loaded.diagnostics, None)
        diags = check_translation_import(loaded.campaign, imported)
        if diags.has_errors:
            return ImportOutcome(diags, None)
        return _finish(loaded.campaign, imported, diags, merge(loaded.campaign, imported), write=True)


def _finish(campaign: Campaign, imported: ImportFile, diags: Diagnostics, result: MergeResult, *,
            write: bool) -> ImportOutcome:
    from campaign_studio.content.translation_io import length_warnings

    by_id = {t.id: t for t in texts(campaign)}
    diags.extend(length_warnings(imported, result.changed, by_id))
    diags.extend(translation_fit_warnings(campaign, result, imported))  # compares with the file before the write
    written = False
    if write and result.changed | set(result.outdated) | set(result.drafts):
        data = result.content.encode("utf-8")
        if not result.path.exists() or result.path.read_bytes() != data:
            files.ensure_folder(result.path.parent, "translations folder")
            files.atomic_write(result.path, data)
            written = True
    return ImportOutcome(diags, result, written)


def _subjects(campaign: Campaign, shows: str) -> list[tuple[str | None, str | None]]:
    if shows == "statistic":
        return [(s.id, None) for s in campaign.statistics]
    return [(None, m.id) for m in campaign.messages]


def translation_fit_warnings(campaign: Campaign, result: MergeResult, imported: ImportFile) -> Diagnostics:
    """Lay out every template and subject in the smallest social format with the merged translations.

    A design that fitted before the import and overflows after it becomes a warning naming
    the changed text(s) it shows, the template and the format. Bounded: one layout per
    template and subject (about twenty), a second one only for a design that no longer fits.
    """
    warnings = Diagnostics()
    if not result.changed:
        return warnings
    social = [f for f in load_formats().values() if f.kind == "social"]
    if not social:
        return warnings
    smallest = min(social, key=lambda f: f.width * f.height)
    language = result.path.stem
    before_exists = result.path.exists()
    before_values = _shown_values(campaign, result.path if before_exists else None)
    locations = {e.text_id: e.location for e in imported.entries}
    with tempfile.TemporaryDirectory(prefix="campaign-studio-import-") as tmp:
        (Path(tmp) / result.path.name).write_text(result.content, encoding="utf-8")
        merged = dataclasses.replace(campaign, translations_folder=Path(tmp))
        for template in load_templates().values():
            for stat_id, message_id in _subjects(campaign, template.shows):
                if not _may_show(campaign, stat_id, message_id, result.changed):
                    continue  # the design shows none of the changed texts: it lays out as before
                try:
                    design = resolve_design(merged, template.id, smallest.id, language, stats=[stat_id] if stat_id else [],
                                                     message_id=message_id, fallback=campaign.source_language)
                except InputError:
                    continue  # this template cannot show this subject
                _page, after = layout(design)
                if not after.has_errors:
                    continue
                before = dataclasses.replace(design, campaign=campaign,
                                             language=language if before_exists else campaign.source_language)
                before_page, before_diags = layout(before)
                if before_page is None or before_diags.has_errors:
                    continue  # it did not fit before either: not this import's doing
                subject = f"statistic {stat_id!r}" if stat_id else f"message {message_id!r}"
                for error in after.errors:
                    ids = _shown_changed(before_page, error, result.changed, before_values)
                    slot = error.key_path.removeprefix("slots.")
                    detail = error.message.split(f"format {smallest.id!r}: ", 1)[-1]
                    warnings.append(Diagnostic(
                        "warning",
                        f"{', '.join(ids)}: no longer fits template {template.id!r}"
                        + (f", slot {slot!r}," if slot else "")
                        + f" in the smallest format {smallest.id!r} ({subject}): {detail}",
                        locations.get(ids[0]) if ids else None,
                        hint="shorten the translation; this design will not render in that format"))
    return warnings


def _may_show(campaign: Campaign, stat_id: str | None, message_id: str | None, changed: set[str]) -> bool:
    """Can a design about this statistic or message show any of the changed texts?

    A statistic's texts appear only on designs about it (or about a message that cites it), a
    message's only on designs about that message; every other text (help contacts, the
    programme, chart words) may appear on any design.
    """
    cited = campaign.message(message_id).statistic if message_id else None
    for text_id in changed:
        kind, _, rest = text_id.partition(".")
        owner = rest.split(".", 1)[0]
        if kind == "statistics":
            if owner in (stat_id, cited):
                return True
        elif kind == "messages":
            if owner == message_id:
                return True
        else:
            return True
    return False


def _shown_values(campaign: Campaign, po: Path | None) -> dict[str, str]:
    """What each text showed before the import: its usable translation, else the source (the fallback)."""
    catalog = load_catalog(po) if po is not None else None
    values = {}
    for text in texts(campaign):
        value = catalog.lookup(text)[0] if catalog else None
        values[text.id] = value or text.source
    return values


def _shown_changed(page: Page, error: Diagnostic, changed: set[str], before: dict[str, str]) -> list[str]:
    """The changed texts a design shows, those in the overflowing slot first; all changed ones when none is found."""
    owner = error.key_path.removeprefix("slots.")
    blocks = page.text_blocks()
    in_slot = [b.text for b in blocks if b.slot == owner or b.slot.startswith(f"{owner}-")]
    everywhere = [b.text for b in blocks]
    for shown in (in_slot, everywhere):
        ids = sorted(i for i in changed if before.get(i) and any(before[i] in t for t in shown))
        if ids:
            return ids
    return sorted(changed)[:3]


# --- documents (multi-page designs: carousel, handout) ------------------------------------------

def chosen_statistics(design: Design, stat_ids: list[str] | None = None) -> list[Statistic]:
    """The figures a document shows: those chosen (in that order), else the template's default
    set (the campaign's first `document.figures` statistics)."""
    campaign, spec = design.campaign, design.template.document
    known = [s.id for s in campaign.statistics]
    for stat_id in stat_ids or []:
        if stat_id not in known:
            raise _usage(f"unknown statistic {stat_id!r}", _did_you_mean(stat_id, known))
    if stat_ids:
        return [campaign.statistic(s) for s in stat_ids]
    count = spec.figures if spec is not None else 1
    return list(campaign.statistics[:count])


def document_slides(design: Design, stat_ids: list[str] | None = None) -> list[Slide]:
    """The slides of a document design, refused (exit 2) when they are fewer or more than the template allows."""
    from campaign_studio.layout.document import plan_slides

    spec = design.template.document
    if spec is None:
        raise _usage(f"template {design.template.id!r} makes one page")
    slides = plan_slides(design.campaign, spec, chosen_statistics(design, stat_ids))
    if not spec.min_pages <= len(slides) <= spec.max_pages:
        raise _usage(f"template {design.template.id!r} would have {len(slides)} slides from this campaign; it makes "
                     f"{spec.min_pages} to {spec.max_pages}",
                     f"choose {'fewer' if len(slides) > spec.max_pages else 'more'} figures with --stat", spec.location)
    return slides


def layout_document(design: Design, stat_ids: list[str] | None = None) -> tuple[Document | None, Diagnostics]:
    """A multi-page design laid out (each page with its text alternative); findings name their slide."""
    from campaign_studio.layout.alternative import describe
    from campaign_studio.layout.document import layout_document as layout_slides

    diagnostics = Diagnostics()
    if design.language != design.campaign.source_language:
        diagnostics.extend(check_stored(design.campaign, [design.language]))
        if diagnostics.has_errors:
            return None, diagnostics
    slides = document_slides(design, stat_ids)
    doc = _engine_run(design, diagnostics, lambda: layout_slides(design, slides, load_styles(), diagnostics))
    if doc is None:
        return None, diagnostics
    loc = _localiser(design)
    stats = ",".join(s.id for s in chosen_statistics(design, stat_ids))
    pages = []
    for number, (slide, page) in enumerate(zip(slides, doc.pages, strict=True), start=1):
        alt, long = describe(page, design.campaign, slide.subject, loc)
        identity = {**design_identity(design), "design.page": f"{number}/{len(slides)}", "design.stats": stats}
        identity.pop("design.stat", None)  # a document names all its figures
        pages.append(dataclasses.replace(page, alt=alt, long_alt=long, metadata={**page.metadata, **identity}))
    return dataclasses.replace(doc, pages=tuple(pages)), diagnostics


def check_document(doc: Document, design: Design, level: Level = "AA") -> Diagnostics:
    """The accessibility checks of every page of a document; each finding names its slide."""
    from campaign_studio.checks import CheckContext, check_brand, run_checks

    ctx = CheckContext(design.template.id, design.format, design.language, design.template.path, level)
    found = check_brand(design.brand, level)
    for number, page in enumerate(doc.pages, start=1):
        for d in run_checks(page, ctx):
            found.append(dataclasses.replace(d, message=f"slide {number} of {len(doc.pages)}: {d.message}"))
    return found


def output_paths(output: Path, pages: int) -> list[Path]:
    """Where a design's files go: a PDF holds every page; PNGs of N > 1 pages are NAME-01.png … NAME-NN.png."""
    if output.suffix.lower() != ".png" or pages == 1:
        return [output]
    digits = max(2, len(str(pages)))
    return [output.with_name(f"{output.stem}-{n:0{digits}d}{output.suffix}") for n in range(1, pages + 1)]


def document_sidecars(design: Design, doc: Document, stat_ids: list[str] | None = None, *, alt: bool = True,
                      data: bool = True) -> dict[str, bytes]:
    """The files beside a document's output, once for the whole output: NAME.alt.txt (the first page's short
    text, then each page's description, one paragraph a page) and NAME.data.csv (every figure shown)."""
    from campaign_studio.layout.alternative import data_table
    from campaign_studio.layout.blocks import Subject

    out: dict[str, bytes] = {}
    if alt:
        long = "\n\n".join(p.long_alt or p.alt for p in doc.pages)
        out[".alt.txt"] = f"{doc.pages[0].alt}\n\n{long}\n".encode()
    if data:
        rows: list[bytes] = []
        for stat in chosen_statistics(design, stat_ids):
            table = data_table(design.campaign, Subject(statistic=stat), _localiser(design))
            if table is not None:
                lines = table.splitlines(keepends=True)
                rows += lines if not rows else lines[1:]
        if rows:
            out[".data.csv"] = b"".join(rows)
    return out


def render_document_bytes(doc: Document, kind: str, *, print_ready: bool = False, dpi: float | None = None,
                          fmt: Format | None = None) -> list[bytes]:
    """One PDF of every page, or one PNG per page (see output_paths); a document of one page is its page."""
    from campaign_studio.render import render_pdf_document
    from campaign_studio.render.raster import encode_png, render_image

    if kind == "pdf":
        return [render_pdf_document(doc, print_ready=print_ready)]
    if kind != "png" or len(doc.pages) == 1:
        return [render_bytes(page, kind, print_ready=print_ready, dpi=dpi, fmt=fmt) for page in doc.pages]
    require_rtl_support(doc.language)
    if dpi is None:
        dpi = 72.0 if fmt is None or fmt.kind == "social" else 150.0
    images = [render_image(page, dpi=dpi) for page in doc.pages]  # drawing shares fonts: one at a time
    # PNG encoding (most of the time) releases the GIL: two at a time, the same bytes as one by one.
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda job: encode_png(job[0], dpi=None if dpi == 72.0 else dpi, page=job[1]),
                             zip(images, doc.pages, strict=True)))
