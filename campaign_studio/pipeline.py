"""The use cases both front ends share: open a campaign, copy it, render a design.

The CLI and the GUI call these functions; neither reads files or draws by itself.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from campaign_studio.content.campaign_loader import LoadedCampaign, load_campaign
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location
from campaign_studio.resources import builtin_campaign_dir, translations_dir


def open_campaign(folder: Path | None) -> LoadedCampaign:
    """Load a campaign folder, or the built-in national campaign when folder is None."""
    if folder is None:
        return load_campaign(builtin_campaign_dir(), translations_dir())
    return load_campaign(folder)


def init_campaign(target: Path) -> list[Path]:
    """Write an editable copy of the built-in campaign (with its translations) into target.

    Refuses a non-empty folder. Writes into a temporary sibling first and renames it,
    so an interrupted copy leaves nothing half-written.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InputError(
            Diagnostic(
                "error",
                "folder is not empty; init never overwrites files" if target.is_dir() else "exists and is a file",
                Location(target, 1, 1),
                hint="choose a new or empty folder",
            )
        )
    parent = target.parent
    if not parent.is_dir():
        raise InputError(Diagnostic("error", "parent folder does not exist", Location(parent, 1, 1),
                                    hint="create it first or choose another place"))
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=parent))
    try:
        shutil.copytree(builtin_campaign_dir(), staging, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        shutil.copytree(translations_dir(), staging / "translations", dirs_exist_ok=True)
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(p for p in target.rglob("*") if p.is_file())
