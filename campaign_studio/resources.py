"""The one gateway to files that ship with Campaign Studio.

Everything the program reads from its own installation (fonts, ICC profiles,
templates, translations, the built-in campaign) is located here, so that tests,
the CLI and the GUI agree and nothing reaches the network.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The folder holding assets/, templates/ and translations/.

    CAMPAIGN_STUDIO_HOME overrides it (packagers who move the data elsewhere).
    """
    return _root(os.environ.get("CAMPAIGN_STUDIO_HOME"))


@lru_cache(maxsize=8)
def _root(override: str | None) -> Path:
    return Path(override).resolve() if override else PACKAGE_DIR.parent


def assets_dir() -> Path:
    return project_root() / "assets"


def fonts_dir() -> Path:
    # Asked for by every text layout sets (through FontLibrary.default): the same few paths, made once.
    return _fonts_dir(project_root())


@lru_cache(maxsize=8)
def _fonts_dir(root: Path) -> Path:
    return root / "assets" / "fonts"


#: The shipped faces that draw what a brand's own font lacks, in the order they are tried:
#: (file stem, family name). Every font chain ends with them (text.fonts).
FALLBACK_FACES: tuple[tuple[str, str], ...] = (
    ("NotoSans", "Noto Sans"), ("NotoSansArabic", "Noto Sans Arabic"), ("NotoSansEthiopic", "Noto Sans Ethiopic"),
)


def cmyk_profile_path() -> Path:
    """The CMYK output profile for print PDFs (FOGRA39, built from free data)."""
    return assets_dir() / "icc" / "FOGRA39L-coated.icc"


def templates_dir() -> Path:
    return project_root() / "templates"


def brands_dir() -> Path:
    return assets_dir() / "brands"


def translations_dir() -> Path:
    """Translations of the built-in campaign (a copied campaign carries its own)."""
    return project_root() / "translations"


def builtin_campaign_dir() -> Path:
    return PACKAGE_DIR / "campaigns" / "national"
