"""The command line: a thin front end over campaign_studio.pipeline.

Exit codes: 0 success, 1 findings (errors in content that was read),
2 bad input or usage, 3 internal error.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_studio import __version__
from campaign_studio.checks.cvd import DEFICIENCIES
from campaign_studio.cli import check_cmd, export_cmd, gui_cmd, listing, pack_cmd, translations_cmd
from campaign_studio.cli.common import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    Findings,
    campaign_arg,
    edition_arg,
    open_target,
    print_diagnostics,
    summary,
)
from campaign_studio.model.diagnostics import InputError

if TYPE_CHECKING:
    from campaign_studio import pipeline
else:
    from campaign_studio.cli.common import pipeline  # imported on first use

EPILOG = """exit codes:
  0  success
  1  findings: errors in content that was read (validation, layout overflow)
  2  bad input or usage: unreadable or invalid file, bad YAML, unknown option
  3  internal error (run again with --debug and report the traceback)
"""


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: error: {message}")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show Python tracebacks for internal errors")
    parser = _Parser(prog="campaign-studio", description="Accessible campaign posters and social cards from "
                     "campaign data.", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
                     parents=[common])
    parser.add_argument("--version", action="version", version=f"campaign-studio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub_kw: dict[str, Any] = {"epilog": EPILOG, "formatter_class": argparse.RawDescriptionHelpFormatter, "parents": [common]}

    p = sub.add_parser("validate", help="check a campaign (or an edition) and print its diagnostics", **sub_kw)
    campaign_arg(p)
    edition_arg(p)
    p.add_argument("--brand", "-b", action="append", metavar="BRAND",
                   help="also check this brand kit (id or folder; may be repeated): colour contrast, its fonts "
                        "and logos, its fonts' coverage of the campaign's languages")

    check_cmd.add_parser(sub, sub_kw)

    p = sub.add_parser("list", help="show a campaign's content, languages, templates, formats or brands", **sub_kw)
    p.add_argument("what", choices=list(listing.TABLE_COLUMNS))
    campaign_arg(p)
    edition_arg(p)
    p.add_argument("--json", action="store_true", help="print a JSON array of objects")

    p = sub.add_parser("render", help="render one design to PNG or PDF (by the output file's extension)", **sub_kw)
    check_cmd.add_design_options(p, required=True)
    p.add_argument("--alt", action=argparse.BooleanOptionalAction, default=True,
                   help="write the text alternative beside the output as NAME.alt.txt (default: on)")
    p.add_argument("--data", action=argparse.BooleanOptionalAction, default=True,
                   help="write the figures shown beside the output as NAME.data.csv (default: on)")
    p.add_argument("--print", action="store_true", dest="print_ready",
                   help="printer's PDF: CMYK, 3 mm bleed, crop marks, PDF/X-4")
    p.add_argument("--dpi", type=float, help="PNG resolution for print formats (default 150)")
    p.add_argument("--allow-findings", action="store_true",
                   help="write the output even when an accessibility check reports an error")
    p.add_argument("--simulate", choices=DEFICIENCIES,
                   help="write the PNG as seen with this colour-vision deficiency (Machado et al. 2009)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="output .png or .pdf file")

    p = sub.add_parser("init", help="write an editable copy of the built-in campaign into DIR", **sub_kw)
    p.add_argument("dir", type=Path, metavar="DIR")

    translations_cmd.add_parser(sub, sub_kw)
    export_cmd.add_parser(sub, sub_kw)
    pack_cmd.add_parser(sub, sub_kw)
    gui_cmd.add_parser(sub, sub_kw)
    return parser


def cmd_validate(args: argparse.Namespace) -> int:
    if args.edition is not None:
        return _validate_edition(args)
    loaded = pipeline.validate_campaign(args.campaign)
    languages = pipeline.campaign_languages(loaded.campaign) if loaded.campaign else []
    for brand in args.brand or []:
        loaded.diagnostics.extend(pipeline.check_brand_kit(brand, languages=languages))
    print_diagnostics(loaded.diagnostics)
    status = "invalid" if loaded.diagnostics.has_errors else "valid"
    brands = f" with brand {', '.join(map(str, args.brand))}" if args.brand else ""
    print(f"{loaded.file}{brands}: {status} ({summary(loaded.diagnostics)})")
    return EXIT_FINDINGS if loaded.diagnostics.has_errors else EXIT_OK


def _validate_edition(args: argparse.Namespace) -> int:
    """validate --edition: the edition, the campaign it names, its translations and its brand kit."""
    open_target(argparse.Namespace(edition=args.edition, campaign=args.campaign, brand=args.brand), "validate")
    loaded = pipeline.validate_edition(args.edition)
    print_diagnostics(loaded.diagnostics)
    status = "invalid" if loaded.diagnostics.has_errors else "valid"
    print(f"{loaded.file}: {status} ({summary(loaded.diagnostics)})")
    return EXIT_FINDINGS if loaded.diagnostics.has_errors else EXIT_OK


def _rows(what: str, args: argparse.Namespace) -> list[dict[str, object]]:
    from campaign_studio.content.formats_loader import load_formats

    if what == "formats":
        return listing.format_rows(load_formats())
    if what == "templates":
        return listing.template_rows()
    if what == "brands":
        return listing.brand_rows()
    c = open_target(args, f"list {what}")
    producers: dict[str, Callable[[], list[dict[str, object]]]] = {
        "stats": lambda: listing.stat_rows(c),
        "messages": lambda: listing.collection_rows(c, "messages"),
        "help": lambda: listing.collection_rows(c, "help_contacts"),
        "action-lines": lambda: listing.collection_rows(c, "action_lines"),
        "languages": lambda: listing.language_rows(c),
    }
    return producers[what]()


def cmd_list(args: argparse.Namespace) -> int:
    rows = _rows(args.what, args)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(listing.table(rows, listing.TABLE_COLUMNS[args.what]))
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    written = pipeline.init_campaign(args.dir)
    print(f"wrote {len(written)} file{'s' * (len(written) != 1)} into {args.dir}; edit {args.dir / 'campaign.yaml'}, then run:")
    print(f"  campaign-studio validate --campaign {args.dir}")
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    kind = args.output.suffix.lower().lstrip(".")
    if kind not in ("png", "pdf"):
        raise UsageError(f"campaign-studio render: error: {args.output}: the output file must end in .png or .pdf")
    if args.print_ready and kind != "pdf":
        raise UsageError("campaign-studio render: error: --print makes a PDF: name the output file .pdf")
    if args.dpi is not None and not 10 <= args.dpi <= 1200:
        raise UsageError("campaign-studio render: error: --dpi must lie between 10 and 1200")
    from campaign_studio.content import files

    output = files.output_path(args.output)  # before any work: a bad place is found in a second, not after layout
    for suffix, wanted in ((".alt.txt", args.alt), (".data.csv", args.data)):
        if wanted:  # the files beside it too (a name at the length limit, a folder of that name)
            files.output_path(pipeline.sidecar_path(args.output, suffix), "file beside the output")
    campaign = open_target(args, "render")
    design = pipeline.resolve_design(campaign, args.template, args.format_id, args.lang, stats=args.stat or [],
                                     message_id=args.message, statement_id=args.statement, brand=args.brand,
                                     fallback=args.fallback, native_digits=args.native_digits,
                                     edition=args.edition)
    if args.dpi is not None and design.format.kind == "social":
        raise UsageError(f"campaign-studio render: error: --dpi is for print formats; {design.format.id} is "
                         f"{design.format.size_label} and always renders at that size")
    if args.simulate and kind != "png":
        raise UsageError("campaign-studio render: error: --simulate writes a PNG image: name the output file .png")
    if design.template.document is not None:
        from campaign_studio.cli import document_cmd

        return document_cmd.render_document(args, design, kind)
    page, diags = pipeline.layout(design)
    blocked = diags.has_errors
    if page is not None and not blocked:
        found = pipeline.check(page, design, args.level)
        diags.extend(found)
        blocked = found.has_errors and not args.allow_findings
    print_diagnostics(diags)
    if page is None or blocked:
        why = "" if page is None or any(not d.code for d in diags.errors) else \
            "; fix the accessibility errors, or pass --allow-findings to write it anyway"
        print(f"{args.output}: not written ({summary(diags)}){why}", file=sys.stderr)
        return EXIT_FINDINGS
    data = pipeline.render_bytes(page, kind, print_ready=args.print_ready, dpi=args.dpi, fmt=design.format,
                                 simulate=args.simulate)
    pipeline.write_atomically(output, data)
    for suffix, content in pipeline.sidecars(design, page, alt=args.alt, data=args.data).items():
        pipeline.write_atomically(files.output_path(pipeline.sidecar_path(args.output, suffix)), content)
    despite = "; written despite accessibility errors (--allow-findings)" if diags.has_errors else ""
    print(f"{args.output}: {design.template.id} / {design.format.id} / {design.language} ({summary(diags)}){despite}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "render": cmd_render,
    "validate": cmd_validate,
    "list": cmd_list,
    "init": cmd_init,
    "translations": translations_cmd.run,
    "check": check_cmd.run,
    "export": export_cmd.run,
    "pack": pack_cmd.run_pack,
    "unpack": pack_cmd.run_unpack,
    "gui": gui_cmd.run,
}


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help()
            return EXIT_USAGE
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        print("run 'campaign-studio --help' for the commands and options", file=sys.stderr)
        return EXIT_USAGE
    except InputError as exc:
        print(exc.diagnostic.format(), file=sys.stderr)
        return EXIT_USAGE
    except Findings as exc:
        print(exc, file=sys.stderr)
        return EXIT_FINDINGS
    except SystemExit as exc:  # argparse after --help or --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK if exc.code is None else EXIT_USAGE
    except BrokenPipeError:  # the reader went away, as in `campaign-studio list stats | head`
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: no traceback without --debug
        if debug:
            traceback.print_exc()
        print(f"internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("this is a bug in Campaign Studio; run again with --debug and report the output", file=sys.stderr)
        return EXIT_INTERNAL


def main() -> None:
    sys.exit(run())
