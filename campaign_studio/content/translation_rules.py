"""What a translation may be: the characters of any campaign text, and a length bound by its source.

Checked when a translator's file is imported and, for the files already in a campaign
(edited by hand, or from an older version), by `validate` and before a design is laid out.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from campaign_studio.content.campaign_loader import texts
from campaign_studio.content.characters import character_problems, locate_in_file, locate_in_lines
from campaign_studio.content.translations import catalog_files, catalog_of, read_catalog_text, translation_languages
from campaign_studio.model.campaign import Campaign, Text
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, Location

# Sources are capped per field (e.g. 600 characters for a message body); a translation may
# run longer than its source, as Dutch-to-Arabic or -Tigrinya ones do, but not without bound.
LENGTH_FACTOR = 3
LENGTH_ALLOWANCE = 200


def max_translation_length(source: str) -> int:
    """3 × the source's length, or the source's length + 200 characters for short texts, whichever is more."""
    return max(LENGTH_FACTOR * len(source), len(source) + LENGTH_ALLOWANCE)


def check_translation(text: Text, translation: str, location: Location, diags: Diagnostics,
                      lines: list[str] | None = None) -> None:
    """Add an error for each character the translation may not hold and for a translation that is too long.

    location: where the translation's entry is; lines: the file's lines when they are at hand,
    so each character is located where it is written.
    """
    for problem in character_problems(translation):
        where = locate_in_lines(lines, location, problem.char) if lines is not None else \
            locate_in_file(location, problem.char)
        diags.error(f"{text.id}: the translation {problem.message}", where, hint=problem.fix)
    limit = max_translation_length(text.source)
    if len(translation) > limit:
        diags.error(f"{text.id}: the translation is {len(translation)} characters long; a translation may have at "
                    f"most {LENGTH_FACTOR} × its source's length or {LENGTH_ALLOWANCE} characters more, whichever "
                    f"is more: {limit} characters for this source of {len(text.source)}", location,
                    hint="shorten it, or check that the entry holds only this text's translation")


def check_stored(campaign: Campaign, languages: list[str] | None = None) -> Diagnostics:
    """check_translation for every translation in the campaign's PO files (or those of `languages`)."""
    diags = Diagnostics()
    by_id = {t.id: t for t in texts(campaign)}
    for language in translation_languages(campaign) if languages is None else languages:
        for path in catalog_files(campaign, language):  # an edition's own file and its campaign's
            if path.is_file():
                diags.extend(_check_catalog(path, by_id))
    return diags


def _check_catalog(path: Path, by_id: dict[str, Text]) -> Diagnostics:
    diags = Diagnostics()
    diags.extend(_checked(read_catalog_text(path), path, tuple(by_id.values())))
    return diags


@lru_cache(maxsize=32)
def _checked(content: str, path: Path, campaign_texts: tuple[Text, ...]) -> tuple[Diagnostic, ...]:
    # Every design's layout checks its language's file first: once per file text and campaign.
    by_id = {t.id: t for t in campaign_texts}
    diags = Diagnostics()
    for text_id, entry in catalog_of(content, path).entries.items():
        text = by_id.get(text_id)
        if text is None or not entry.translation:
            continue
        found = Diagnostics()
        check_translation(text, entry.translation, Location(path, entry.line, 1), found)
        if found:  # point at the msgstr line, not the entry's first (comment) line; read only on this path
            at = _msgstr_location(path, entry.line)
            diags.extend(replace(d, location=at) if d.location == Location(path, entry.line, 1) else d for d in found)
    return tuple(diags)


def _msgstr_location(path: Path, line: int) -> Location:
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    number = next((n for n in range(line, len(lines) + 1) if lines[n - 1].startswith("msgstr")), line)
    return Location(path, number, 1)
