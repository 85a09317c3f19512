"""Campaign text and numbers in the language of a design.

Looks every text up in the language's catalogue; a missing or outdated
translation is an error (or, with a fallback language, the source text and a
warning naming it); a draft translation is used and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, format_percent

from campaign_studio.content.files import refuse_link_loop
from campaign_studio.content.languages import language_info
from campaign_studio.content.translations import Catalog, State, available_languages, load_catalog
from campaign_studio.layout.pseudo import PSEUDO_LANGUAGE, pseudolocalise
from campaign_studio.model.campaign import Campaign, Text
from campaign_studio.model.diagnostics import Diagnostics


class MissingTranslation(Exception):
    pass


# Decimal digits of the native numbering systems CLDR names for our languages. Babel
# formats with a numbering system's symbols but never converts the digits themselves.
NATIVE_DIGITS = {
    "arab": "٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic (ar)
    "arabext": "۰۱۲۳۴۵۶۷۸۹",  # Extended Arabic-Indic (fa, ur)
    "deva": "०१२३४५६७८९",
    "beng": "০১২৩৪৫৬৭৮৯",
}
LRI, PDI = "\u2066", "\u2069"  # left-to-right isolate: numbers read correctly inside right-to-left text


@dataclass
class Localiser:
    campaign: Campaign
    language: str
    diagnostics: Diagnostics
    fallback: str | None = None
    native_digits: bool = False
    _catalog: Catalog | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.language not in (self.campaign.source_language, PSEUDO_LANGUAGE):
            path = self.campaign.translations_folder / f"{self.language}.po"
            refuse_link_loop(path, "the translation file")
            if not path.exists() and not path.is_symlink():  # a broken link is named by load_catalog
                raise MissingTranslation(
                    f"no translations for language {self.language!r}: {path} does not exist "
                    f"(languages: {', '.join(self.available())})"
                )
            self._catalog = load_catalog(path)

    def available(self) -> list[str]:
        return [self.campaign.source_language, *available_languages(self.campaign.translations_folder)]

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
        if self.language == PSEUDO_LANGUAGE:
            return pseudolocalise(text.source)
        if self._catalog is None:
            return text.source
        value, state = self._catalog.lookup(text)
        where = f"{self._catalog.path.name}, text {text.id!r}"
        if value is not None:
            if state is State.DRAFT:
                self._note_draft()
            return value
        reason = "is outdated (the source text changed)" if state is State.OUTDATED else "is missing"
        if self.fallback == self.campaign.source_language:
            if text.id in self._fallbacks:
                return text.source
            self._fallbacks.add(text.id)
            self.diagnostics.warning(f"the {self.language} translation {reason}; the source text is shown instead",
                                     text.location, where)
            return text.source
        raise MissingTranslation(
            f"{self._catalog.path}: the {self.language} translation of {text.id!r} {reason}; "
            f"translate it, or render with --fallback {self.campaign.source_language}"
        )

    _draft_noted: bool = field(default=False, init=False)
    _fallbacks: set[str] = field(default_factory=set, init=False)

    def _note_draft(self) -> None:
        if not self._draft_noted and self._catalog is not None:
            self._draft_noted = True
            self.diagnostics.warning(
                f"the {self.language} translations are drafts that no native speaker has reviewed yet",
                None, self._catalog.path.name, "have them reviewed before publishing")

    def percent(self, value: float) -> str:
        system = self._numbering_system()
        return self._digits(format_percent(value / 100, locale=self.locale, decimal_quantization=False,
                                           numbering_system=system), system)

    def number(self, value: float) -> str:
        system = self._numbering_system()
        return self._digits(format_decimal(value, locale=self.locale, numbering_system=system), system)

    def isolate(self, formatted: str) -> str:
        """Wrap a number for use inside running text, so it reads left to right in rtl languages."""
        return f"{LRI}{formatted}{PDI}" if self.direction == "rtl" else formatted

    def _numbering_system(self) -> str:
        if not self.native_digits:
            return "latn"
        return str(self.locale.other_numbering_systems.get("native", "latn"))

    _digits_noted: bool = field(default=False, init=False)

    def _digits(self, formatted: str, system: str) -> str:
        digits = NATIVE_DIGITS.get(system)
        if digits:
            return formatted.translate(str.maketrans("0123456789", digits))
        if self.native_digits and not self._digits_noted:
            self._digits_noted = True
            self.diagnostics.warning(f"language {self.language!r} has no native decimal digits; Latin digits are used")
        return formatted

    def join(self, *parts: str) -> str:
        """Join short phrases as a list ("gratis, dag en nacht")."""
        comma = "، " if language_info(self.language).script == "Arab" else ", "
        return comma.join(p for p in parts if p)
