"""`render` of a multi-page design (carousel, handout): one PDF of every page, or numbered PNGs."""

from __future__ import annotations

import argparse
import sys

from campaign_studio import pipeline
from campaign_studio.cli.common import EXIT_FINDINGS, EXIT_OK, print_diagnostics, summary
from campaign_studio.content import files
from campaign_studio.layout.engine import Design
from campaign_studio.model.diagnostics import Diagnostic, InputError


def stat_ids(args: argparse.Namespace) -> list[str] | None:
    """The figures chosen with --stat (one id, or a list once --stat is repeatable); None: the default set."""
    stat = getattr(args, "stat", None)
    if not stat:
        return None
    return [stat] if isinstance(stat, str) else list(stat)


def render_document(args: argparse.Namespace, design: Design, kind: str) -> int:
    """Lay out, check and write every page; nothing is written when a page does not fit or fails a check."""
    if args.simulate:
        raise InputError(Diagnostic("error", "--simulate previews one page; this template makes several",
                                    hint="render the document first, then simulate one of its PNGs' designs"))
    doc, diags = pipeline.layout_document(design, stat_ids(args))
    blocked = diags.has_errors
    if doc is not None and not blocked:
        found = pipeline.check_document(doc, design, args.level)
        diags.extend(found)
        blocked = found.has_errors and not args.allow_findings
    print_diagnostics(diags)
    if doc is None or blocked:
        why = "" if doc is None or any(not d.code for d in diags.errors) else \
            "; fix the accessibility errors, or pass --allow-findings to write it anyway"
        print(f"{args.output}: not written ({summary(diags)}){why}", file=sys.stderr)
        return EXIT_FINDINGS
    paths = pipeline.output_paths(args.output, len(doc.pages))
    for path in paths:  # every place first: a refused one leaves nothing half-written
        files.output_path(path)
    outputs = pipeline.render_document_bytes(doc, kind, print_ready=args.print_ready, dpi=args.dpi, fmt=design.format)
    sidecars = pipeline.document_sidecars(design, doc, stat_ids(args), alt=args.alt, data=args.data)
    for path, data in zip(paths, outputs, strict=True):
        pipeline.write_atomically(path, data)
    for suffix, content in sidecars.items():
        pipeline.write_atomically(files.output_path(pipeline.sidecar_path(args.output, suffix)), content)
    despite = "; written despite accessibility errors (--allow-findings)" if diags.has_errors else ""
    written = str(args.output) if len(paths) == 1 else f"{paths[0]} … {paths[-1].name}"
    pages = f"{len(doc.pages)} page{'s' * (len(doc.pages) != 1)}"
    print(f"{written}: {design.template.id} / {design.format.id} / {design.language}, {pages} "
          f"({summary(diags)}){despite}")
    return EXIT_OK

