"""Can the shipped fonts draw every text? Checked by `validate` and `translations import`, before any layout.

Without it a character no font has (Tifinagh, an emoji) is found only when a design that
shows the text is rendered, and an import's fit check blames the length instead. Every
text must be drawable in every font family a shipped brand uses, in both weights, since a
text may be set in a brand's heading or body font.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from campaign_studio.content.brand_fonts import family_name
from campaign_studio.content.campaign_loader import CAMPAIGN_FILE, texts
from campaign_studio.content.characters import describe, locate_in_file, locate_in_lines
from campaign_studio.content.design_loader import brand_ids, load_brand
from campaign_studio.content.languages import canonical_language
from campaign_studio.content.translations import catalog_files, load_catalog, translation_languages
from campaign_studio.model.campaign import Campaign
from campaign_studio.model.diagnostics import Diagnostics, Location
from campaign_studio.text.fonts import WEIGHTS, FontLibrary

if TYPE_CHECKING:
    from campaign_studio.content.translation_io import ImportFile


@dataclass
class Coverage:
    """Which characters each font family the brands use can draw (any face of its fallback chain)."""

    library: FontLibrary
    families: dict[str, list[str]]  # family -> ids of the brands that use it
    _lacking: dict[str, str | None] = field(default_factory=dict)  # char -> first family that cannot draw it

    @classmethod
    def of_shipped_brands(cls, library: FontLibrary | None = None) -> Coverage:
        families: dict[str, list[str]] = {}
        library = library or FontLibrary.default()
        for brand_id in brand_ids():
            brand = load_brand(brand_id)
            library.add_brand_fonts(brand.font_files)
            for family in dict.fromkeys((brand.heading_font, brand.body_font)):
                families.setdefault(family, []).append(brand_id)
        return cls(library, families)

    def lacking(self, ch: str) -> str | None:
        """The first family that cannot draw ch, or None when every one can."""
        if ch not in self._lacking:
            self._lacking[ch] = next((family for family in self.families if not all(
                any(face.covers(ch) for face in self.library.faces(family, weight)) for weight in WEIGHTS)), None)
        return self._lacking[ch]

    def problems(self, text: str) -> list[tuple[str, str]]:
        """(character, family) for each distinct character of text some family cannot draw, in text order."""
        found: dict[str, str] = {}
        for ch in text:
            if ch in found or (ch.isascii() and ch.isprintable()) or unicodedata.category(ch).startswith("C"):
                continue  # control, format, private-use and unassigned characters: content/characters.py rules
            family = self.lacking(ch)
            if family is not None:
                found[ch] = family
        return list(found.items())

    def report(self, what: str, language: str, text: str, where: Location | None, diags: Diagnostics,
               lines: list[str] | None = None) -> None:
        for ch, family in self.problems(text):
            brands = ", ".join(self.families[family])
            at = None if where is None else locate_in_lines(lines, where, ch) if lines is not None \
                else locate_in_file(where, ch)
            diags.error(f"{what} ({language}): {describe(ch)} cannot be drawn: no font of the {family_name(family)!r} family "
                        f"(used by brand{'s' * (len(self.families[family]) > 1)} {brands}) has it", at,
                        hint="replace or remove the character; no font Campaign Studio ships can draw it")


def _literal_fields(campaign: Campaign) -> Iterable[tuple[str, str]]:
    """(key path, value) of the texts shown as they are in every language: short names, publishers, contacts."""
    for o in campaign.organisations:
        yield f"organisations.{o.id}.short", o.short
    for s in campaign.sources:
        yield f"sources.{s.id}.publisher", s.publisher
        yield f"sources.{s.id}.title", s.title
        if s.url:
            yield f"sources.{s.id}.url", s.url
    for h in campaign.help_contacts:
        for key, value in (("phone", h.phone), ("url", h.url)):
            if value:
                yield f"help_contacts.{h.id}.{key}", value


def check_campaign(campaign: Campaign, coverage: Coverage | None = None) -> Diagnostics:
    """Every source text and every stored translation, in every language the campaign has."""
    coverage = coverage or Coverage.of_shipped_brands()
    diags = Diagnostics()
    source = campaign.source_language
    for text in texts(campaign):
        coverage.report(text.id, source, text.source, text.location, diags)
    start = Location(campaign.folder / CAMPAIGN_FILE, 1, 1)
    for key, value in _literal_fields(campaign):
        coverage.report(key, source, value, start, diags)
    by_id = {t.id for t in texts(campaign)}
    for language in translation_languages(campaign):
        for path in catalog_files(campaign, language):  # an edition's own file and its campaign's
            for text_id, entry in load_catalog(path).entries.items():
                if text_id in by_id and entry.translation:
                    coverage.report(text_id, language, entry.translation, Location(path, entry.line, 1), diags)
    return diags


def check_import(campaign: Campaign, imported: ImportFile, coverage: Coverage | None = None) -> Diagnostics:
    """Every translation of a translator's file, each missing character at the place it is written."""
    coverage = coverage or Coverage.of_shipped_brands()
    diags = Diagnostics()
    known = {t.id for t in texts(campaign)}
    language = canonical_language(imported.language) if imported.language else "?"
    for entry in imported.entries:
        if entry.text_id in known and entry.translation:
            coverage.report(entry.text_id, language, entry.translation, entry.translation_at, diags, imported.lines)
    return diags
