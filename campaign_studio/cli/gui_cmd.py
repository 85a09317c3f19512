"""`campaign-studio gui [FOLDER] [--edition DIR] [--ui-lang CODE] [--screenshot FILE.png]`: the desktop app.

Qt is loaded only by this command (importlib, at run time): the other commands start without it,
and the import contracts keep a static import chain from the command line to Qt out.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import Any

from campaign_studio.cli.common import EXIT_USAGE, pipeline
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location


def add_parser(sub: Any, sub_kw: dict[str, Any]) -> None:
    p = sub.add_parser("gui", help="open the desktop app (on the built-in campaign or a campaign folder)", **sub_kw)
    p.add_argument("folder", nargs="?", type=Path, metavar="FOLDER", help="a campaign folder (default: the built-in one)")
    p.add_argument("--edition", type=Path, metavar="DIR", help="open on an edition folder (edition.yaml): the "
                   "municipality's campaign, brand and languages")
    p.add_argument("--ui-lang", metavar="CODE", help="the interface's language: en, nl or ar (default: the settings', "
                                                     "else the system's)")
    p.add_argument("--screenshot", type=Path, metavar="FILE.png",
                   help="wait for the first preview, save a PNG of the whole window and quit")


def run(args: argparse.Namespace) -> int:
    folder: Path | None = args.folder
    if folder is not None:
        if not folder.is_dir():
            raise InputError(Diagnostic("error", "no such folder" if not folder.exists() else "not a folder",
                                        Location(folder), hint="give a campaign folder (campaign-studio init DIR "
                                                               "makes one)"))
        loaded = pipeline.open_campaign(folder)  # refused here, before any window, with the CLI's message
        if loaded.campaign is None:
            raise InputError(loaded.diagnostics.errors[0])
    if args.edition is not None:
        pipeline.edition_campaign(args.edition)  # an edition with an error is refused here, with its first error
    if args.screenshot is not None and args.screenshot.suffix.lower() != ".png":
        raise InputError(Diagnostic("error", "the screenshot is written as PNG", Location(args.screenshot),
                                    hint="name a file ending in .png"))
    app = importlib.import_module("campaign_studio.gui.app")
    code: int = app.start(folder, args.ui_lang, args.screenshot, edition=args.edition)
    return code if code in (0, 1) else EXIT_USAGE
