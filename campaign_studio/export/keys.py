"""Input hashes: one key per output from everything its bytes depend on, made without laying anything out.

A key covers the campaign texts the design can show (its subject's texts and the campaign-wide
ones: programme, organisations, groups, help contacts, chart sentences) with their translation
entries in the design's language, the campaign's other data (figures, years, sources), the
template, the type scale and formats, the brand kit's files, the fonts and ICC profile, the
program (version and code) and the libraries that draw. Changing one statistic's text re-makes
that statistic's outputs only; an unchanged key is skipped on a rerun.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from campaign_studio import __version__
from campaign_studio.content.campaign_loader import CAMPAIGN_FILE, texts
from campaign_studio.content.design_loader import load_templates
from campaign_studio.content.translations import Catalog, campaign_catalog
from campaign_studio.export.matrix import DesignSpec
from campaign_studio.model.campaign import Campaign, Text
from campaign_studio.model.diagnostics import Location
from campaign_studio.model.template import Brand
from campaign_studio.resources import PACKAGE_DIR, assets_dir, fonts_dir, templates_dir

# Texts that belong to one subject; every other collection's texts can appear on any design.
_SUBJECT_COLLECTIONS = ("statistics", "messages", "statements", "action_lines")


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def _files_digest(paths: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@cache
def library_versions() -> dict[str, str]:
    """The versions of the libraries output bytes depend on (recorded in the manifest, part of every key)."""
    from importlib import metadata

    import PIL
    import reportlab
    import uharfbuzz
    from PIL import features

    versions = {"Pillow": PIL.__version__, "HarfBuzz": uharfbuzz.version_string(),
                "uharfbuzz": uharfbuzz.__version__, "FreeType": features.version("freetype2") or "",
                "raqm": features.version("raqm") or "", "ReportLab": reportlab.Version}
    for dist in ("pikepdf", "fonttools"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = ""
    return versions


@cache
def program_digest() -> str:
    """The program's version and its code: a changed renderer re-makes everything, even before a release.

    The front ends and the review page (rewritten by every run) do not change an output's bytes.
    """
    skip = {PACKAGE_DIR / "gui", PACKAGE_DIR / "cli", PACKAGE_DIR / "export" / "review.py"}
    code = _files_digest([p for p in PACKAGE_DIR.rglob("*.py") if not skip & {p, *p.parents}], PACKAGE_DIR)
    return digest({"version": __version__, "code": code})


@cache
def assets_digest() -> dict[str, str]:
    fonts = fonts_dir()
    icc = assets_dir() / "icc"
    return {"fonts": _files_digest([p for p in fonts.iterdir() if p.is_file()], fonts),
            "icc": _files_digest([p for p in icc.iterdir() if p.is_file()], icc),
            "styles": _files_digest([templates_dir() / "styles.yaml", templates_dir() / "formats.yaml"], templates_dir())}


def _plain(value: Any) -> Any:
    """A campaign's data as JSON values: texts by id (their wording is hashed per design), places left out."""
    if isinstance(value, Text):
        return {"text": value.id}
    if isinstance(value, Location | Path):
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value


class _CampaignTexts:
    """One campaign's (or one edition's campaign's) structure digest, texts and catalogs, each read once."""

    def __init__(self, campaign: Campaign) -> None:
        self.campaign = campaign
        # a picture's file is data the design shows: a new photo under the same name makes its designs again
        pictures = {p.id: hashlib.sha256(p.file.read_bytes()).hexdigest() for p in campaign.pictures if p.file.is_file()}
        self.structure = digest([_plain(campaign), pictures])
        watched = [campaign.folder / CAMPAIGN_FILE]
        if campaign.edition is not None:
            watched.append(campaign.edition.file)
        self.stamp = digest([hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "" for p in watched])
        self.texts = texts(campaign)
        self._catalogs: dict[str, Catalog | None] = {}
        self._digests: dict[tuple[str, str], str] = {}

    def _catalog(self, language: str) -> Catalog | None:
        held = (self.campaign.catalogs or {}).get(language)
        if held is not None:
            return held  # an editing session's catalog: what the render reads
        if language not in self._catalogs:
            # an edition's own PO entries over its campaign's, as the layout reads them
            self._catalogs[language] = (campaign_catalog(self.campaign, language)
                                        if language != self.campaign.source_language else None)
        return self._catalogs[language]

    def _shown(self, spec: DesignSpec) -> list[Text]:
        owned = {f"statistics.{spec.stat}.", f"statements.{spec.statement}.", f"messages.{spec.message}."}
        if spec.message:
            msg = self.campaign.message(spec.message)
            owned |= {f"statistics.{msg.statistic}.", f"statements.{msg.statement}.", f"action_lines.{msg.action_line}."}
        return [t for t in self.texts
                if t.id.split(".", 1)[0] not in _SUBJECT_COLLECTIONS or any(t.id.startswith(o) for o in owned)]

    def texts_digest(self, spec: DesignSpec) -> str:
        """The wording of every text the design can show, and its translation entry in the design's language."""
        key = (spec.subject, spec.language)
        if key not in self._digests:
            catalog = self._catalog(spec.language)
            rows = []
            for text in self._shown(spec):
                entry = catalog.entries.get(text.id) if catalog else None
                rows.append([text.id, text.source, text.note,
                             None if entry is None else [entry.source, entry.translation, entry.fuzzy, entry.draft,
                                                         entry.previous_source, entry.note]])
            self._digests[key] = digest(rows)
        return self._digests[key]


class Keys:
    """Input hashes for the designs of one export; every file and catalog is read once.

    campaigns: each edition's campaign by edition name (the job's campaign for an edition that
    is only a brand kit; the campaign as an edition.yaml makes it for an edition folder).
    """

    def __init__(self, campaigns: dict[str, Campaign], brands: dict[str, Brand], fallback: bool) -> None:
        self.brands = brands
        self.fallback = fallback
        by_campaign: dict[int, _CampaignTexts] = {}
        self._editions = {name: by_campaign.setdefault(id(c), _CampaignTexts(c)) for name, c in campaigns.items()}
        self._templates = {t.id: t.path for t in load_templates().values()}
        self._template_digests: dict[str, str] = {}
        self._brand_digests: dict[str, str] = {}
        self._designs: dict[DesignSpec, dict[str, str]] = {}

    def campaign_stamp(self, spec: DesignSpec) -> str:
        """A digest of the files the design's campaign was read from: a long-lived worker reads them again
        when it changed."""
        return self._editions[spec.edition].stamp

    def texts_digest(self, spec: DesignSpec) -> str:
        return self._editions[spec.edition].texts_digest(spec)

    def inputs(self, spec: DesignSpec) -> dict[str, str]:
        """The digests of a design's inputs, by name (stored in the manifest, so a changed input can be named)."""
        if spec not in self._designs:
            if spec.template not in self._template_digests:
                path = self._templates[spec.template]
                self._template_digests[spec.template] = _files_digest([path], path.parent)
            brand = self.brands[spec.edition]
            if spec.edition not in self._brand_digests:
                folder = brand.path.parent
                kit = _files_digest([p for p in folder.rglob("*") if p.is_file()], folder)
                logo = brand.logo
                if logo is not None and folder not in logo.parents:  # an edition's own logo (a CSV row's)
                    kit = digest([kit, hashlib.sha256(logo.read_bytes()).hexdigest()])
                self._brand_digests[spec.edition] = kit
            self._designs[spec] = {
                "design": digest([spec.template, spec.format, spec.language, spec.stat, spec.message, spec.statement,
                                  spec.edition, self.fallback]),
                "texts": self.texts_digest(spec),
                "campaign": self._editions[spec.edition].structure,
                "template": self._template_digests[spec.template],
                "brand": self._brand_digests[spec.edition],
                **assets_digest(),
                "program": program_digest(),
                "libraries": digest(library_versions()),
            }
        return self._designs[spec]

    def key(self, spec: DesignSpec, kind: str, level: str) -> str:
        return digest([self.inputs(spec), kind, level])
