"""Campaign text and numbers in the language of a design.

Looks every text up in the language's catalogue; a missing or outdated
translation is an error (or, with a fallback language, the source text and a
warning naming it); a draft translation is used and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, format_percent

from campaign_studio.content.languages import language_info
from campaign_studio.content.translations import Catalog, State, load_catalog
from campaign_studio.model.campaign import Campaign, Text
from campaign_studio.model.diagnostics import Diagnostics


class MissingTranslation(Exception):
    pass


@dataclass
class Localiser:
    campaign: Campaign
    language: str
    diagnostics: Diagnostics
    fallback: str | None = None
    _catalog: Catalog | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.language != self.campaign.source_language:
            path = self.campaign.translations_folder / f"{self.language}.po"
            if not path.exists():
                raise MissingTranslation(
                    f"no translations for language {self.language!r}: {path} does not exist "
                    f"(languages: {', '.join(self.available())})"
                )
            self._catalog = load_catalog(path)

    def available(self) -> list[str]:
        from campaign_studio.content.translations import available_languages

        return [self.campaign.source_language, *available_languages(self.campaign.translations_folder)]

    @property
    def direction(self) -> str:
        return language_info(self.language).direction

    @property
    def locale(self) -> Locale:
        try:
            return Locale.parse(self.language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            return Locale.parse("en")

    def text(self, text: Text) -> str:
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
            self.diagnostics.warning(f"the {self.language} translation {reason}; the source text is shown instead",
                                     text.location, where)
            return text.source
        raise MissingTranslation(
            f"{self._catalog.path}: the {self.language} translation of {text.id!r} {reason}; "
            f"translate it, or render with --fallback {self.campaign.source_language}"
        )

    _draft_noted: bool = field(default=False, init=False)

    def _note_draft(self) -> None:
        if not self._draft_noted and self._catalog is not None:
            self._draft_noted = True
            self.diagnostics.warning(
                f"the {self.language} translations are drafts that no native speaker has reviewed yet",
                None, self._catalog.path.name, "have them reviewed before publishing")

    def percent(self, value: float) -> str:
        return format_percent(value / 100, locale=self.locale, decimal_quantization=False)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def join(self, *parts: str) -> str:
        """Join short phrases as a list ("gratis, dag en nacht")."""
        comma = "، " if language_info(self.language).script == "Arab" else ", "
        return comma.join(p for p in parts if p)
