"""`campaign-studio check`: the accessibility checks for one design, every shipped design, or finished files.

Findings are printed grouped by output (one header per design or file); the exit code is
1 when any error-level finding exists, so a CI job or a script can gate on it.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_studio.cli.common import EXIT_FINDINGS, EXIT_OK, campaign_arg, count, edition_arg, open_target, summary
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location

if TYPE_CHECKING:  # the pipeline, reading finished files (pikepdf, Pillow) and layout load when a check needs them
    from campaign_studio import pipeline
    from campaign_studio.checks.output_files import FileReport
    from campaign_studio.layout.engine import Design
    from campaign_studio.model.campaign import Campaign
else:
    from campaign_studio.cli.common import pipeline

MAX_FILES = 10000


def add_design_options(p: argparse.ArgumentParser, *, required: bool) -> None:
    """The options that select one design; `render` and `check` share them."""
    p.add_argument("--template", "-t", required=required, help="template id (see 'list templates')")
    p.add_argument("--format", "-f", required=required, dest="format_id", help="format id (see 'list formats')")
    p.add_argument("--lang", "-l", help="language code (default: the campaign's source language)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--stat", action="append", metavar="STAT",
                      help="statistic id, for templates that show a statistic; repeat it to choose and order "
                           "an infographic's figures")
    what.add_argument("--message", help="message id, for templates that show a message")
    what.add_argument("--statement", help="statement id, for templates that show a statement (a finding without a number)")
    p.add_argument("--brand", "-b", help="brand id or brand folder (default: national)")
    campaign_arg(p)
    edition_arg(p)
    p.add_argument("--fallback", metavar="LANG", help="show the source text where a translation is missing")
    p.add_argument("--native-digits", action="store_true",
                   help="write figures in the language's native digits (e.g. Arabic-Indic in ar, fa)")
    add_check_options(p)


def add_check_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--level", choices=("AA", "AAA"), default="AA",
                   help="WCAG contrast level: AA (4.5:1, large text 3:1; default) or AAA (7:1, large text 4.5:1)")


def add_parser(sub: Any, sub_kw: dict[str, Any]) -> None:
    p = sub.add_parser("check", help="run the accessibility checks for a design, all designs, or finished files",
                       description="Run the accessibility checks (CS101 ...) for one design (the options of "
                       "'render' without -o), for every template x format x language x shipped brand (--all), "
                       "or for PNG and PDF files in PATH (a file or a folder of outputs).", **sub_kw)
    p.add_argument("path", nargs="?", type=Path, metavar="PATH", help="an output file, or a folder of outputs")
    p.add_argument("--all", action="store_true", dest="check_all",
                   help="every template in every format, language and shipped brand")
    add_design_options(p, required=False)


def _usage(message: str) -> InputError:
    return InputError(Diagnostic("error", message, hint="see 'campaign-studio check --help'"))


def run(args: argparse.Namespace) -> int:
    modes = sum([args.path is not None, bool(args.check_all), bool(args.template or args.format_id)])
    if modes != 1:
        raise _usage("give one of: PATH (files to check), --all, or --template and --format (one design)")
    if args.path is not None:
        return _report_files(args.path, args.campaign, args.edition)
    campaign = open_target(args, "check")
    if args.check_all:
        return _report_designs(_every_design(campaign, args.edition), args.level, quiet=True)
    if not (args.template and args.format_id):
        raise _usage("a design needs both --template and --format")
    design = pipeline.resolve_design(campaign, args.template, args.format_id, args.lang, stats=args.stat or [],
                                     message_id=args.message, statement_id=args.statement, brand=args.brand,
                                     fallback=args.fallback, native_digits=args.native_digits, edition=args.edition)
    return _report_designs(iter([design]), args.level)


def _every_design(campaign: Campaign, edition: Path | None = None) -> Iterator[Design]:
    """Every template x format x language x shipped brand; for an edition, its languages in its brand."""
    from campaign_studio.content.design_loader import brand_ids, load_templates
    from campaign_studio.content.formats_loader import load_formats

    languages = pipeline.campaign_languages(campaign)
    brands: list[str | None] = [None] if edition is not None else list(brand_ids())
    for template, spec in load_templates().items():
        for format_id in load_formats():
            if not spec.made_for(format_id):
                continue  # a carousel is made for feed posts only
            for language in languages:
                for brand in brands:
                    yield pipeline.resolve_design(campaign, template, format_id, language, brand=brand,
                                                  fallback=campaign.source_language, edition=edition)


def _report_designs(designs: Iterator[Design], level: str, *, quiet: bool = False) -> int:
    """Lay out and check each design; print every design's findings (with `quiet`, only designs that have some)."""
    outputs = failing = 0
    total = Diagnostics()
    for design in designs:
        diags = _lay_out_and_check(design, level)
        outputs += 1
        total.extend(diags)
        failing += diags.has_errors
        if diags or not quiet:
            edition = design.campaign.edition
            name = f"{design.template.id} / {design.format.id} / {design.language} / " + (
                f"edition {edition.id}" if edition is not None else design.brand.id)
            _print_group(name, diags, [])
    print(f"checked {count(outputs, 'output')}: {failing} with errors ({summary(total)})")
    return EXIT_FINDINGS if total.has_errors else EXIT_OK


def _lay_out_and_check(design: Design, level: str) -> Diagnostics:
    """A design's layout findings and, when it fits, its accessibility checks (every page of a document)."""
    if design.template.document is not None:
        doc, diags = pipeline.layout_document(design)
        if doc is not None and not diags.has_errors:
            diags.extend(pipeline.check_document(doc, design, level))  # type: ignore[arg-type]
        return diags
    page, diags = pipeline.layout(design)
    if page is not None and not diags.has_errors:
        diags.extend(pipeline.check(page, design, level))  # type: ignore[arg-type]
    return diags


def _print_group(name: str, diags: Diagnostics, notes: list[str]) -> None:
    print(f"{name}: {summary(diags)}")
    for d in diags:
        print(f"  {d.format()}")
    for note in notes:
        print(f"  note: {note}")


def _files(path: Path) -> list[Path]:
    if not path.exists():
        raise InputError(Diagnostic("error", "no such file or folder", Location(path),
                                    hint="give a PNG or PDF file, or the folder the outputs were written to"))
    if path.is_file():
        return [path]
    found = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".png", ".pdf") and p.is_file())
    if len(found) > MAX_FILES:
        raise InputError(Diagnostic("error", f"more than {MAX_FILES} outputs in the folder", Location(path),
                                    hint="check a smaller folder"))
    return found


def _redo_design(report: FileReport, campaign: Campaign | None, edition: Path | None = None) -> Diagnostics:
    """Lay out the design a PNG of ours names and run every rule on it (what pixels cannot tell)."""
    d = report.design
    if campaign is None:
        return Diagnostics()
    made_for = campaign.edition.id if campaign.edition is not None else None
    if d.get("edition") != made_for:
        report.notes.append(f"made for edition {d['edition']!r}: checked the file's metadata only; give that edition "
                            "with --edition DIR to check its design" if d.get("edition") else
                            f"made without an edition, not for edition {made_for!r}: checked the file's metadata only")
        return Diagnostics()
    if "simulate" in d:
        report.notes.append(f"a colour-vision preview ({d['simulate']}), not an output to publish; its design was checked")
    if d.get("campaign", campaign.id) != campaign.id:
        report.notes.append(f"made from campaign {d['campaign']!r}, not {campaign.id!r}: checked the file's metadata "
                            "only; give that campaign with --campaign DIR to check its design")
        return Diagnostics()
    try:
        design = pipeline.resolve_design(campaign, d.get("template", ""), d.get("format", ""), d.get("language"),
                                         stats=[s for s in d.get("stat", "").split(",") if s],
                                         message_id=d.get("message"), statement_id=d.get("statement"),
                                         brand=None if edition else d.get("brand", "national"),
                                         fallback=d.get("fallback"), native_digits=d.get("native_digits") == "yes",
                                         edition=edition)
    except InputError as exc:
        report.notes.append(f"its design ({', '.join(f'{k}={v}' for k, v in d.items())}) is not in the campaign any "
                            f"more ({exc.diagnostic.message}): checked the file's metadata only")
        return Diagnostics()
    if "page" in d and design.template.document is not None:
        diags = _redo_page(design, d["page"], d.get("stats", ""), report)
    else:
        page, diags = pipeline.layout(design)
        if page is not None and not diags.has_errors:
            diags.extend(pipeline.check(page, design))
    report.notes.append(f"laid its design ({design.template.id} / {design.format.id} / {design.language} / "
                        f"{design.brand.id}) out again from the campaign and ran every rule on it")
    return diags


def _redo_page(design: Design, which: str, stats: str, report: FileReport) -> Diagnostics:
    """One page ("4/8") of a document's PNGs: the document laid out again, that page checked."""
    try:
        doc, diags = pipeline.layout_document(design, [s for s in stats.split(",") if s] or None)
    except (InputError, LookupError) as exc:
        report.notes.append(f"its figures ({stats}) are not in the campaign any more ({exc}): checked the file's "
                            "metadata only")
        return Diagnostics()
    number, _, _count = which.partition("/")
    if doc is None or diags.has_errors:
        return diags
    if not number.isdigit() or not 1 <= int(number) <= len(doc.pages):
        report.notes.append(f"page {which} is not in the design any more: checked the file's metadata only")
        return Diagnostics()
    page = doc.pages[int(number) - 1]
    name = f"slide {number} of {len(doc.pages)}"
    own = [d for d in diags if d.message.startswith(f"{name} ")]  # its layout's findings (an unverified figure)
    found = pipeline.check_document(dataclasses.replace(doc, pages=(page,)), design)
    return Diagnostics([*own, *(dataclasses.replace(f, message=f.message.replace("slide 1 of 1", name, 1))
                                for f in found)])


def _report_files(path: Path, campaign_folder: Path | None, edition: Path | None = None) -> int:
    from campaign_studio.checks.output_files import check_file

    files = _files(path)
    if not files:
        print(f"{path}: no PNG or PDF files to check", file=sys.stderr)
        return EXIT_OK
    campaign: Campaign | None = None
    total = Diagnostics()
    failing = 0
    for file in files:
        report = check_file(file)
        if report is None:
            continue
        if report.design and campaign is None:
            campaign = pipeline.open_edition(edition).campaign if edition else \
                pipeline.open_campaign(campaign_folder).campaign
        report.diagnostics.extend(_redo_design(report, campaign, edition) if report.design else Diagnostics())
        total.extend(report.diagnostics)
        failing += report.diagnostics.has_errors
        _print_group(str(file), report.diagnostics, report.notes)
    print(f"checked {count(len(files), 'file')}: {failing} with errors ({summary(total)})")
    return EXIT_FINDINGS if total.has_errors else EXIT_OK
