"""`campaign-studio pack` and `unpack`: share a campaign or an edition as one .cspack file.

pack    a campaign folder, or an edition folder with the campaign and brand kit it names
unpack  a .cspack into a new or empty folder, checked whole before anything is written,
        then loaded as any campaign would be

Exit codes as for every command: 0 done (warnings allowed), 1 unpacked but what it holds
has errors (the files stay, to be fixed), 2 bad input or usage (a refused pack: nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_studio.cli.common import EXIT_FINDINGS, EXIT_OK, count, print_diagnostics, summary

if TYPE_CHECKING:
    from campaign_studio import pipeline
else:
    from campaign_studio.cli.common import pipeline  # imported on first use

#: content.pack_format.SUFFIX, written out so that building the parser (`--help`) reads no pack code
SUFFIX = ".cspack"


def add_parser(sub: Any, sub_kw: dict[str, Any]) -> None:
    """Register `pack` and `unpack` on the CLI's subparsers."""
    p = sub.add_parser("pack", help="write a campaign, or an edition with what it depends on, into one .cspack file",
                       **sub_kw)
    p.add_argument("dir", type=Path, metavar="DIR", help="a campaign folder (campaign.yaml) or an edition folder "
                   "(edition.yaml)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help=f"the pack to write, FILE{SUFFIX}")
    p.set_defaults(usage_error=p.error)

    p = sub.add_parser("unpack", help="check a .cspack file and unpack it into a new or empty folder", **sub_kw)
    p.add_argument("file", type=Path, metavar=f"FILE{SUFFIX}")
    p.add_argument("dir", type=Path, metavar="DIR", help="the folder to create (or an empty one)")


def run_pack(args: argparse.Namespace) -> int:
    if args.output.suffix.lower() != SUFFIX:
        args.usage_error(f"{args.output}: the pack's name must end in {SUFFIX}")
    packed = pipeline.pack_folder(args.dir, args.output)
    print(f"{packed.path}: {packed.kind} pack of {count(packed.files, 'file')} "
          f"({packed.bytes / 1024:,.0f} KB unpacked)")
    for key, name in sorted(packed.builtin.items()):
        print(f"  {key}: built-in {name!r}, not packed (every Campaign Studio has it)")
    for key, (now, was) in sorted(packed.rewritten.items()):
        print(f"  {key}: packed from {was!r}; edition.yaml in the pack reads {key}: {now!r}")
    return EXIT_OK


def run_unpack(args: argparse.Namespace) -> int:
    unpacked, diags = pipeline.unpack_pack(args.file, args.dir)
    manifest = unpacked.manifest
    print_diagnostics(diags)
    made = f", made with Campaign Studio {manifest.version}"
    print(f"{args.dir}: unpacked {manifest.kind} of {count(len(manifest.entries), 'file')} from {args.file}{made}")
    for key, (now, was) in sorted(manifest.rewritten.items()):
        print(f"  {key}: {now!r} (the maker's edition.yaml read {was!r})")
    if diags.has_errors:
        print(f"{args.dir}: the unpacked {manifest.kind} has errors ({summary(diags)}); fix them there, the files "
              "were kept", file=sys.stderr)
        return EXIT_FINDINGS
    next_step = f"--edition {args.dir}" if manifest.kind == "edition" else f"--campaign {args.dir}"
    print(f"{args.dir}: loads ({summary(diags)}); use it with {next_step}")
    return EXIT_OK
