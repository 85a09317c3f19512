"""What every command shares: exit codes, the --campaign option, printing diagnostics."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from campaign_studio.model.diagnostics import Diagnostics

if TYPE_CHECKING:
    from campaign_studio import pipeline
    from campaign_studio.model.campaign import Campaign


class LazyModule(ModuleType):
    """A module imported on its first attribute look-up: `--help` and `list` do not pay for what they never call.

    Every look-up reads the real module's attribute, so a test that patches the module patches this too.
    """

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__dict__["_real"] = None

    def __getattr__(self, attr: str) -> Any:
        real = self.__dict__["_real"]
        if real is None:
            real = self.__dict__["_real"] = importlib.import_module(self.__name__)
        return getattr(real, attr)


if not TYPE_CHECKING:
    pipeline = LazyModule("campaign_studio.pipeline")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class Findings(Exception):
    """Errors in content that was read (exit code 1); the diagnostics are already printed."""


def campaign_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--campaign", type=Path, metavar="DIR",
                   help="campaign folder holding campaign.yaml (default: the built-in national campaign)")


def edition_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--edition", "-e", type=Path, metavar="DIR",
                   help="an edition folder holding edition.yaml: its campaign, brand, local help and languages "
                        "(excludes --brand and --campaign)")


def print_diagnostics(diags: Diagnostics) -> None:
    for d in diags:
        print(d.format(), file=sys.stderr)


def count(n: int, what: str) -> str:
    return f"{n} {what}{'s' * (n != 1)}"


def summary(diags: Diagnostics) -> str:
    return f"{count(len(diags.errors), 'error')}, {count(len(diags.warnings), 'warning')}"


def open_campaign(folder: Path | None, doing: str) -> Campaign:
    """The campaign a command works on; its errors printed and Findings raised when it has any."""
    loaded = pipeline.open_campaign(folder)
    if loaded.campaign is None:
        print_diagnostics(loaded.diagnostics)
        raise Findings(f"{loaded.file}: cannot {doing}: the campaign has errors ({summary(loaded.diagnostics)})")
    return loaded.campaign


def open_edition(folder: Path, doing: str, *, translating: bool = False) -> Campaign:
    """The campaign as an edition makes it; its errors (and the campaign's) printed and Findings raised when it has any."""
    loaded = pipeline.open_edition(folder, translating=translating)
    if loaded.campaign is None:
        print_diagnostics(loaded.diagnostics)
        raise Findings(f"{loaded.file}: cannot {doing}: the edition has errors ({summary(loaded.diagnostics)})")
    return loaded.campaign


def open_target(args: argparse.Namespace, doing: str, *, translating: bool = False) -> Campaign:
    """The campaign a command works on: the edition's (--edition), else --campaign's or the built-in one.

    --edition names its campaign and brand itself: with --campaign or --brand it is a usage error.
    """
    edition = getattr(args, "edition", None)
    if edition is None:
        return open_campaign(getattr(args, "campaign", None), doing)
    for option, given in (("--campaign", getattr(args, "campaign", None)), ("--brand", getattr(args, "brand", None))):
        if given:
            from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

            what = "campaign" if option == "--campaign" else "brand"
            raise InputError(Diagnostic("error", f"{option} and --edition exclude each other: the edition names its "
                                        f"{what} ({what}: in edition.yaml)", Location(Path(edition)),
                                        hint=f"leave out {option}, or change {what}: in the edition"))
    return open_edition(Path(edition), doing, translating=translating)
