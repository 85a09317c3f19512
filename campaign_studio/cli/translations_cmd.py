"""`campaign-studio translations status|export|import`: the translator's round trip on the command line.

status  per language: translated, draft, outdated, missing
export  one language as PO or XLIFF 1.2 for a translator's tool
import  a translator's PO or XLIFF file, checked whole before anything is merged

Exit codes as for every command: 0 done (warnings allowed), 1 findings (the file was read
but refused; nothing changed), 2 bad input or usage (unreadable or unparseable file).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from campaign_studio import pipeline
from campaign_studio.cli import listing
from campaign_studio.content.campaign_loader import texts
from campaign_studio.content.design_loader import load_templates
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.translation_io import (
    FORMATS,
    PO_SUFFIXES,
    XLIFF_SUFFIXES,
    ImportFile,
    MergeResult,
    canonical_language,
    check_import,
    export_items,
    export_po,
    export_xliff,
    length_warnings,
    merge,
    read_import,
)
from campaign_studio.content.translations import State, load_catalog
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError
from campaign_studio.model.pagetree import Page

EXIT_OK, EXIT_FINDINGS = 0, 1
STATUS_COLUMNS = ("id", "name", "direction", "translated", "draft", "outdated", "missing")


def _campaign_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--campaign", type=Path, metavar="DIR",
                   help="campaign folder holding campaign.yaml (default: the built-in national campaign)")


def add_parser(sub: Any, sub_kw: dict[str, Any]) -> None:
    """Register `translations` and its actions on the CLI's subparsers (their parser class reports usage errors)."""
    p = sub.add_parser("translations", help="translation status; export for translators and import their work",
                       **sub_kw)
    actions = p.add_subparsers(dest="translations_command", metavar="ACTION", parser_class=type(p), required=True)

    a = actions.add_parser("status", help="per language: translated, draft, outdated and missing texts", **sub_kw)
    _campaign_arg(a)
    a.add_argument("--json", action="store_true", help="print a JSON array of objects")

    a = actions.add_parser("export", help="write one language as PO or XLIFF 1.2 for a translator's tool", **sub_kw)
    a.add_argument("--lang", "-l", required=True, help="language code, e.g. en or ar")
    a.add_argument("--format", "-f", choices=FORMATS, help="po (Poedit, Weblate) or xliff (XLIFF 1.2, CAT tools); "
                   "default: by the output file's extension")
    _campaign_arg(a)
    a.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="output file, or - for stdout")
    a.set_defaults(usage_error=a.error)

    a = actions.add_parser("import", help="check a translator's .po or .xlf/.xliff file and merge it", **sub_kw)
    a.add_argument("file", type=Path, metavar="FILE")
    _campaign_arg(a)
    a.add_argument("--dry-run", action="store_true", help="check and report only; change nothing")


def run(args: argparse.Namespace) -> int:
    handlers = {"status": cmd_status, "export": cmd_export, "import": cmd_import}
    return handlers[args.translations_command](args)


def _print_diagnostics(diags: Diagnostics) -> None:
    for d in diags:
        print(d.format(), file=sys.stderr)


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' * (n != 1)}"


def _summary(diags: Diagnostics) -> str:
    return f"{_count(len(diags.errors), 'error')}, {_count(len(diags.warnings), 'warning')}"


def _open(args: argparse.Namespace, doing: str) -> Campaign | None:
    loaded = pipeline.open_campaign(args.campaign)
    if loaded.campaign is None:
        _print_diagnostics(loaded.diagnostics)
        print(f"{loaded.file}: cannot {doing}: the campaign has errors ({_summary(loaded.diagnostics)})",
              file=sys.stderr)
    return loaded.campaign


# --- status --------------------------------------------------------------------------------------

def cmd_status(args: argparse.Namespace) -> int:
    campaign = _open(args, "report translations")
    if campaign is None:
        return EXIT_FINDINGS
    rows = listing.language_rows(campaign)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(listing.table(rows, STATUS_COLUMNS))
    return EXIT_OK


# --- export --------------------------------------------------------------------------------------

def _format_of(args: argparse.Namespace) -> str:
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
    kind = _format_of(args)
    args.lang = canonical_language(args.lang)
    campaign = _open(args, "export translations")
    if campaign is None:
        return EXIT_FINDINGS
    data = export_po(campaign, args.lang).encode("utf-8") if kind == "po" else export_xliff(campaign, args.lang)
    to_stdout = str(args.output) == "-"
    if to_stdout:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    else:
        pipeline.write_atomically(args.output, data)
    items = export_items(campaign, args.lang)
    counts = {s: sum(i.state is s for i in items) for s in State}
    drafts = sum(i.draft and i.state is not State.MISSING for i in items)
    report = Diagnostics()
    if counts[State.DRAFT]:
        n = counts[State.DRAFT]
        report.warning(f"{_count(n, 'translation')} in {args.lang} {'is a draft' if n == 1 else 'are drafts'} "
                       "that no native speaker has reviewed yet (flagged 'draft' in the file)")
    if counts[State.OUTDATED]:
        n = counts[State.OUTDATED]
        report.warning(f"{_count(n, 'translation')} in {args.lang} {'is' if n == 1 else 'are'} outdated: "
                       f"the source text changed ({'fuzzy' if kind == 'po' else 'needs-review-translation'} in the file)")
    _print_diagnostics(report)
    line = (f"{'-' if to_stdout else args.output}: {args.lang} as {'PO' if kind == 'po' else 'XLIFF 1.2'}, "
            f"{_count(len(items), 'text')}: {counts[State.CURRENT]} translated, {drafts} draft, "
            f"{counts[State.OUTDATED]} outdated, {counts[State.MISSING]} missing")
    print(line, file=sys.stderr if to_stdout else sys.stdout)
    return EXIT_OK


# --- import --------------------------------------------------------------------------------------

def cmd_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    campaign = _open(args, "import translations")
    if campaign is None:
        return EXIT_FINDINGS
    imported = read_import(path)
    diags = check_import(campaign, imported)
    if diags.has_errors:
        _print_diagnostics(diags)
        print(f"{path}: refused ({_summary(diags)}); nothing was changed", file=sys.stderr)
        return EXIT_FINDINGS
    result = merge(campaign, imported)
    by_id = {t.id: t for t in texts(campaign)}
    diags.extend(length_warnings(imported, result.changed, by_id))
    diags.extend(fit_warnings(campaign, result, imported))
    written = False
    if not args.dry_run and result.changed | set(result.outdated) | set(result.drafts):
        data = result.content.encode("utf-8")
        if not result.path.exists() or result.path.read_bytes() != data:
            result.path.parent.mkdir(exist_ok=True)
            pipeline.write_atomically(result.path, data)
            written = True
    _print_diagnostics(diags)
    counts = (f"{len(result.updated)} updated, {len(result.added)} new, {len(result.unchanged)} unchanged; "
              f"of these {len(result.outdated)} outdated, {len(result.drafts)} draft; "
              f"{_count(len(diags.warnings), 'warning')}")
    if args.dry_run:
        print(f"{path}: checked, would merge into {result.path} ({counts}); nothing written (--dry-run)")
    elif written:
        print(f"{path}: merged into {result.path}{' (new language)' if result.created else ''} ({counts})")
    else:
        print(f"{path}: nothing to change in {result.path} ({counts})")
    return EXIT_OK


def _subjects(campaign: Campaign, shows: str) -> list[tuple[str | None, str | None]]:
    if shows == "statistic":
        return [(s.id, None) for s in campaign.statistics]
    return [(None, m.id) for m in campaign.messages]


def fit_warnings(campaign: Campaign, result: MergeResult, imported: ImportFile) -> Diagnostics:
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
                try:
                    design = pipeline.resolve_design(merged, template.id, smallest.id, language, stat_id=stat_id,
                                                     message_id=message_id, fallback=campaign.source_language)
                except InputError:
                    continue  # this template cannot show this subject
                _page, after = pipeline.layout(design)
                if not after.has_errors:
                    continue
                before = dataclasses.replace(design, campaign=campaign,
                                             language=language if before_exists else campaign.source_language)
                before_page, before_diags = pipeline.layout(before)
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


