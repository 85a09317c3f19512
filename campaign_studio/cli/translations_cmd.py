"""`campaign-studio translations status|export|import`: the translator's round trip on the command line.

status  per language: translated, draft, outdated, missing
export  one language as PO or XLIFF 1.2 for a translator's tool
import  a translator's PO or XLIFF file, checked whole before anything is merged

Exit codes as for every command: 0 done (warnings allowed), 1 findings (the file was read
but refused; nothing changed), 2 bad input or usage (unreadable or unparseable file).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_studio.cli import listing
from campaign_studio.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    campaign_arg,
    count,
    edition_arg,
    open_target,
    print_diagnostics,
    summary,
)
from campaign_studio.model.diagnostics import Diagnostics

if TYPE_CHECKING:
    from campaign_studio import pipeline
else:
    from campaign_studio.cli.common import pipeline  # imported on first use

#: content.translation_io.FORMATS, written out so that building the parser (`--help`) reads no PO code
FORMATS = ("po", "xliff")
STATUS_COLUMNS = ("id", "name", "direction", "translated", "draft", "outdated", "missing")


def add_parser(sub: Any, sub_kw: dict[str, Any]) -> None:
    """Register `translations` and its actions on the CLI's subparsers (their parser class reports usage errors)."""
    p = sub.add_parser("translations", help="translation status; export for translators and import their work",
                       **sub_kw)
    actions = p.add_subparsers(dest="translations_command", metavar="ACTION", parser_class=type(p), required=True)

    a = actions.add_parser("status", help="per language: translated, draft, outdated and missing texts", **sub_kw)
    campaign_arg(a)
    edition_arg(a)
    a.add_argument("--json", action="store_true", help="print a JSON array of objects")

    a = actions.add_parser("export", help="write one language as PO or XLIFF 1.2 for a translator's tool", **sub_kw)
    a.add_argument("--lang", "-l", required=True, help="language code, e.g. en or ar")
    a.add_argument("--format", "-f", choices=FORMATS, help="po (Poedit, Weblate) or xliff (XLIFF 1.2, CAT tools); "
                   "default: by the output file's extension")
    campaign_arg(a)
    edition_arg(a)
    a.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="output file, or - for stdout")
    a.set_defaults(usage_error=a.error)

    a = actions.add_parser("import", help="check a translator's .po or .xlf/.xliff file and merge it", **sub_kw)
    a.add_argument("file", type=Path, metavar="FILE")
    campaign_arg(a)
    edition_arg(a)
    a.add_argument("--dry-run", action="store_true", help="check and report only; change nothing")


def run(args: argparse.Namespace) -> int:
    handlers = {"status": cmd_status, "export": cmd_export, "import": cmd_import}
    return handlers[args.translations_command](args)


# --- status --------------------------------------------------------------------------------------

def cmd_status(args: argparse.Namespace) -> int:
    campaign = open_target(args, "report translations", translating=True)
    rows = listing.language_rows(campaign)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(listing.table(rows, STATUS_COLUMNS))
    return EXIT_OK


# --- export --------------------------------------------------------------------------------------

def _format_of(args: argparse.Namespace) -> str:
    from campaign_studio.content.translation_io import PO_SUFFIXES, XLIFF_SUFFIXES

    if args.format:
        return str(args.format)
    suffix = args.output.suffix.lower()
    if suffix in PO_SUFFIXES:
        return "po"
    if suffix in XLIFF_SUFFIXES:
        return "xliff"
    args.usage_error("give --format po or --format xliff (the output file does not end in .po, .xlf or .xliff)")
    raise AssertionError("unreachable")  # pragma: no cover - usage_error raises


def cmd_export(args: argparse.Namespace) -> int:
    from campaign_studio.content import files
    from campaign_studio.content.translation_io import canonical_language, export_items, export_po, export_xliff
    from campaign_studio.content.translations import State

    kind = _format_of(args)
    args.lang = canonical_language(args.lang)
    to_stdout = str(args.output) == "-"
    output = args.output if to_stdout else files.output_path(args.output)  # checked before any work
    campaign = open_target(args, "export translations", translating=True)
    data = export_po(campaign, args.lang).encode("utf-8") if kind == "po" else export_xliff(campaign, args.lang)
    if to_stdout:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    else:
        pipeline.write_atomically(output, data)
    items = export_items(campaign, args.lang)
    counts = {s: sum(i.state is s for i in items) for s in State}
    drafts = sum(i.draft and i.state is not State.MISSING for i in items)
    report = Diagnostics()
    if counts[State.DRAFT]:
        n = counts[State.DRAFT]
        report.warning(f"{count(n, 'translation')} in {args.lang} {'is a draft' if n == 1 else 'are drafts'} "
                       "that no native speaker has reviewed yet (flagged 'draft' in the file)")
    if counts[State.OUTDATED]:
        n = counts[State.OUTDATED]
        report.warning(f"{count(n, 'translation')} in {args.lang} {'is' if n == 1 else 'are'} outdated: "
                       f"the source text changed ({'fuzzy' if kind == 'po' else 'needs-review-translation'} in the file)")
    print_diagnostics(report)
    line = (f"{'-' if to_stdout else args.output}: {args.lang} as {'PO' if kind == 'po' else 'XLIFF 1.2'}, "
            f"{count(len(items), 'text')}: {counts[State.CURRENT]} translated, {drafts} draft, "
            f"{counts[State.OUTDATED]} outdated, {counts[State.MISSING]} missing")
    print(line, file=sys.stderr if to_stdout else sys.stdout)
    return EXIT_OK


# --- import --------------------------------------------------------------------------------------

def cmd_import(args: argparse.Namespace) -> int:
    from campaign_studio.content.translation_io import read_import

    path: Path = args.file
    campaign = open_target(args, "import translations", translating=True)
    outcome = pipeline.import_translations(campaign, args.campaign, read_import(path), dry_run=args.dry_run,
                                           edition=args.edition)
    diags, result = outcome.diagnostics, outcome.result
    print_diagnostics(diags)
    if result is None:
        print(f"{path}: refused ({summary(diags)}); nothing was changed", file=sys.stderr)
        return EXIT_FINDINGS
    counts = (f"{len(result.updated)} updated, {len(result.added)} new, {len(result.unchanged)} unchanged; "
              f"of these {len(result.outdated)} outdated, {len(result.drafts)} draft; "
              f"{count(len(diags.warnings), 'warning')}")
    if result.untranslated:  # every entry of the file is accounted for
        counts += f"; {len(result.untranslated)} without a translation in the file, left as before"
    if args.dry_run:
        print(f"{path}: checked, would merge into {result.path} ({counts}); nothing written (--dry-run)")
    elif outcome.written:
        print(f"{path}: merged into {result.path}{' (new language)' if result.created else ''} ({counts})")
    else:
        print(f"{path}: nothing to change in {result.path} ({counts})")
    return EXIT_OK
