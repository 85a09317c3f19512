"""Campaign text and numbers in the language of a design.

Looks every text up in the language's catalogue; a missing or outdated
translation is an error (or, with a fallback language, the source text and a
warning naming it); a draft translation is used and reported.

With native digits, every number the Localiser returns is written in the
language's native numbering system, with that system's CLDR symbols; phone
numbers and web and e-mail addresses keep the digits one dials and types.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, format_percent

from campaign_studio.content.files import refuse_link_loop
from campaign_studio.content.languages import language_info
from campaign_studio.content.translations import Catalog, State, campaign_catalog, translation_languages
from campaign_studio.layout.digits import NATIVE_DIGITS, localise_numbers, to_native
from campaign_studio.layout.pseudo import PSEUDO_LANGUAGE, pseudolocalise
from campaign_studio.model.campaign import VALUE, Campaign, Text
from campaign_studio.model.diagnostics import Diagnostics
from campaign_studio.text.case import upper


class MissingTranslation(Exception):
    pass


LRI, PDI = "\u2066", "\u2069"  # left-to-right isolate: numbers read correctly inside right-to-left text


@dataclass(frozen=True)
class FigurePhrase:
    """A figure phrase taken apart for a large figure, in reading order.

    `figure` is the formatted figure with whatever the phrase writes against it ("%22'si"):
    the number and its unit or suffix are never split. `before` and `after` are the words
    of the group around it ("kadınların"; "van de vrouwen"); `whole` is the phrase in one
    line, the figure isolated for right-to-left text.
    """

    before: str
    figure: str
    after: str
    whole: str


def split_phrase(phrase: str, figure: str, isolated: str) -> FigurePhrase:
    """Split a phrase holding VALUE once; characters written against the placeholder go with the figure."""
    at = phrase.index(VALUE)
    lo, hi = at, at + len(VALUE)
    while lo > 0 and not phrase[lo - 1].isspace():
        lo -= 1
    while hi < len(phrase) and not phrase[hi].isspace():
        hi += 1
    glued = phrase[lo:hi]
    return FigurePhrase(phrase[:lo].strip(), glued.replace(VALUE, figure), phrase[hi:].strip(),
                        phrase.replace(VALUE, isolated))


def _pseudo_words(part: str) -> str:
    """Pseudo-localise the words around a placeholder, keeping the spaces that separate them from it."""
    core = part.strip()
    if not core:
        return part
    lead, trail = part[: len(part) - len(part.lstrip())], part[len(part.rstrip()) :]
    return f"{lead}{pseudolocalise(core)}{trail}"


LanguageSpans = tuple[tuple[int, int, str], ...]  # (start, end, BCP 47), as text.set_text takes them


def untranslated_names(campaign: Campaign, translation: Callable[[Text], str | None]) -> set[str]:
    """The source-language names a translated text shows as they are: the sources' titles
    (never translated: a reader looks the report up by them), organisations' short names,
    and the names of help contacts, organisations and the programme whose translation
    keeps the source text ("Centrum Seksueel Geweld" in every language)."""
    names = {s.title for s in campaign.sources} | {o.short for o in campaign.organisations}
    named = [c.name for c in campaign.help_contacts] + [o.name for o in campaign.organisations]
    names |= {t.source for t in [*named, campaign.programme.name] if translation(t) == t.source}
    return {n.strip() for n in names if len(n.strip()) > 1}


@dataclass
class Localiser:
    campaign: Campaign
    language: str
    diagnostics: Diagnostics
    fallback: str | None = None
    native_digits: bool = False
    _catalog: Catalog | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        held = (self.campaign.catalogs or {}).get(self.language)
        if held is not None:
            self._catalog = held  # an editing session's catalog, with its unsaved edits
        elif self.language not in (self.campaign.source_language, PSEUDO_LANGUAGE):
            path = self.campaign.translations_folder / f"{self.language}.po"
            for folder in self.campaign.translation_folders:
                refuse_link_loop(folder / f"{self.language}.po", "the translation file")
            # a broken link is named when read; an edition's file stands over its campaign's
            self._catalog = campaign_catalog(self.campaign, self.language)
            if self._catalog is None:
                raise MissingTranslation(
                    f"no translations for language {self.language!r}: {path} does not exist "
                    f"(languages: {', '.join(self.available())})"
                )

    def available(self) -> list[str]:
        return [self.campaign.source_language, *translation_languages(self.campaign)]

    @property
    def direction(self) -> str:
        return language_info(self.language).direction

    @property
    def locale(self) -> Locale:
        if self.language == PSEUDO_LANGUAGE:
            return Locale.parse("en")
        try:
            return Locale.parse(self.language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            return Locale.parse("en")

    def text(self, text: Text) -> str:
        """A text in the design's language (numbers in native digits when asked)."""
        return self.numbers(self._translation(text))

    def _translation(self, text: Text) -> str:
        if self.language == PSEUDO_LANGUAGE:
            return pseudolocalise(text.source)
        if self._catalog is None:
            return text.source
        value, state = self._catalog.lookup(text)
        if value is not None:
            if state is State.DRAFT:
                self._note_draft()
            return value
        if state is State.MISSING:
            reason = "is missing"
        elif not self._catalog.same_note(text):
            reason = "is outdated (it was written for another figure)"
        else:
            reason = "is outdated (the source text changed)"
        return self._unusable(text, reason)

    def _unusable(self, text: Text, reason: str) -> str:
        """The source text and a warning with --fallback to the source language; else an error."""
        assert self._catalog is not None
        if self.fallback == self.campaign.source_language:
            self._shown_sources.add(text.source)
            if text.id not in self._fallbacks:
                self._fallbacks.add(text.id)
                self.diagnostics.warning(f"the {self.language} translation {reason}; the source text is shown instead",
                                         text.location, f"{self._catalog.path.name}, text {text.id!r}")
            return text.source
        raise MissingTranslation(
            f"{self._catalog.path}: the {self.language} translation of {text.id!r} {reason}; "
            f"translate it, or render with --fallback {self.campaign.source_language}"
        )

    def figure_phrase(self, text: Text, figure: str) -> FigurePhrase:
        """A figure phrase ("{value} van de vrouwen", "kadınların {value}'si") with the formatted figure in it."""
        if self.language == PSEUDO_LANGUAGE:
            phrase = VALUE.join(_pseudo_words(part) for part in text.source.split(VALUE))
        else:
            phrase = self._translation(text)
            if phrase.count(VALUE) != 1:  # import refuses this; a hand-edited PO file can still have it
                phrase = self._unusable(text, f"does not hold the figure as {VALUE} exactly once")
        return split_phrase(self.numbers(phrase), figure, self.isolate(figure))

    _draft_noted: bool = field(default=False, init=False)
    _fallbacks: set[str] = field(default_factory=set, init=False)
    _shown_sources: set[str] = field(default_factory=set, init=False)  # source texts shown for missing ones

    def _note_draft(self) -> None:
        if not self._draft_noted and self._catalog is not None:
            self._draft_noted = True
            self.diagnostics.warning(
                f"the {self.language} translations are drafts that no native speaker has reviewed yet",
                None, self._catalog.path.name, "have them reviewed before publishing")

    def percent(self, value: float) -> str:
        system = self._numbering_system()
        formatted = format_percent(value / 100, locale=self.locale, decimal_quantization=False,
                                   numbering_system=system)
        return to_native(formatted, self.locale, system) if system in NATIVE_DIGITS else formatted

    def number(self, value: float) -> str:
        system = self._numbering_system()
        formatted = format_decimal(value, locale=self.locale, numbering_system=system)
        return to_native(formatted, self.locale, system) if system in NATIVE_DIGITS else formatted

    def numbers(self, text: str) -> str:
        """Running text with its numbers in the native numbering system, when native digits are on."""
        system = self._numbering_system()
        return localise_numbers(text, self.locale, system) if system in NATIVE_DIGITS else text

    def isolate(self, formatted: str) -> str:
        """Wrap a number for use inside running text, so it reads left to right in rtl languages."""
        return f"{LRI}{formatted}{PDI}" if self.direction == "rtl" else formatted

    _digits_noted: bool = field(default=False, init=False)

    def _numbering_system(self) -> str:
        if not self.native_digits:
            return "latn"
        system = str(self.locale.other_numbering_systems.get("native", "latn"))
        if system not in NATIVE_DIGITS and not self._digits_noted:
            self._digits_noted = True
            self.diagnostics.warning(f"language {self.language!r} has no native decimal digits; Latin digits are used")
        return system

    def name_spans(self, text: str) -> LanguageSpans:
        """Where a text in the design's language holds a source-language name (see
        untranslated_names, and source texts shown with --fallback for a missing translation),
        as language spans for the text engine: tagged and read aloud as Dutch, not as the
        design's language. Matches whole words, as written, in capitals or with native
        digits; none for the source language itself. Spans may overlap (all one language)."""
        pattern = self._names_pattern
        if pattern is None:
            return ()
        source = self.campaign.source_language
        spans = [(m.start(), m.end(), source) for m in pattern.finditer(text)]
        for shown in self._shown_sources:  # a source text shown instead of its translation is Dutch as a whole
            for variant in {w for v in (shown, upper(shown, self.language), upper(shown, source))
                            for w in (v, self.numbers(v))}:
                at = text.find(variant)
                while at >= 0:
                    spans.append((at, at + len(variant), source))
                    at = text.find(variant, at + len(variant))
        return tuple(sorted(set(spans)))

    @cached_property
    def _names_pattern(self) -> re.Pattern[str] | None:
        primary = self.language.split("-")[0].lower()
        if self.language == PSEUDO_LANGUAGE or primary == self.campaign.source_language.split("-")[0].lower():
            return None
        names = untranslated_names(self.campaign, self._shown)
        source = self.campaign.source_language
        variants = {v for n in names for w in (n, upper(n, self.language), upper(n, source)) for v in (w, self.numbers(w))}
        if not variants:
            return None
        alternatives = "|".join(re.escape(v) for v in sorted(variants, key=lambda v: (-len(v), v)))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def upper(self, text: str) -> str:
        """The text in capitals by the design's language's rules, and a source-language name in it by the
        source language's (a Dutch "Wijkteam" is "WIJKTEAM" on a Turkish card, not "WİJKTEAM")."""
        at, parts = 0, []
        for start, end, language in self.name_spans(text):
            if start < at:  # overlapping spans: all one language
                start = at
            if end <= start:
                continue
            parts += [upper(text[at:start], self.language), upper(text[start:end], language)]
            at = end
        return "".join(parts) + upper(text[at:], self.language)

    def _shown(self, text: Text) -> str | None:
        """The text this design shows for `text` without reporting anything (None: not shown)."""
        if self._catalog is None:
            return text.source
        value, _ = self._catalog.lookup(text)
        if value is None and self.fallback == self.campaign.source_language:
            return text.source
        return value

    def join(self, *parts: str) -> str:
        """Join short phrases as a list ("gratis, dag en nacht")."""
        comma = "، " if language_info(self.language).script == "Arab" else ", "
        return comma.join(p for p in parts if p)
