"""The campaign as plain data: what the campaign says, independent of any design."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campaign_studio.model.diagnostics import Location
from campaign_studio.model.edition import Edition, EditionRules


@dataclass(frozen=True)
class Text:
    """A translatable text: a stable id (the PO message context) and the source-language text."""

    id: str
    source: str
    location: Location | None = None
    note: str | None = None  # for the translator: what a placeholder stands for


@dataclass(frozen=True)
class Organisation:
    id: str
    name: Text
    short: str
    role: str  # initiator | partner | support


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    year: int
    citation: Text
    url: str | None
    checked: dt.date | None


@dataclass(frozen=True)
class Group:
    id: str
    label: Text  # "vrouwen"
    of_group: str  # "van de vrouwen": the source-language words after a figure, when its value has no phrase


VALUE = "{value}"  # the placeholder for the formatted figure in a figure phrase


@dataclass(frozen=True)
class StatValue:
    group: str
    value: float
    # "{value} van de vrouwen": joins the figure and its group. Translated per figure, since
    # grammar may depend on the number ("kadınların {value}'si" for 22, "{value}'sı" for 6).
    phrase: Text


@dataclass(frozen=True)
class Statistic:
    id: str
    label: Text
    definition: Text
    population: Text
    year: int
    source: str
    unit: str  # percent | count
    verified: bool
    values: tuple[StatValue, ...]
    note: Text | None = None
    location: Location | None = None


@dataclass(frozen=True)
class Statement:
    id: str
    text: Text
    source: str
    picture: str | None = None  # one of the campaign's pictures, shown by templates with a picture slot


@dataclass(frozen=True)
class ActionLine:
    id: str
    number: int
    text: Text


@dataclass(frozen=True)
class HelpContact:
    id: str
    name: Text
    description: Text
    phone: str | None
    url: str | None
    hours: Text
    free: bool
    cost: Text
    national: bool
    primary: bool


@dataclass(frozen=True)
class Picture:
    """A photo or illustration of the campaign: its file (checked like a logo), what it shows, who made it,
    and the point that stays in view when a format crops it (fractions of its width and height)."""

    id: str
    file: Path
    alt: Text
    credit: Text
    focus: tuple[float, float] = (0.5, 0.5)


@dataclass(frozen=True)
class Message:
    id: str
    headline: Text
    body: Text
    call_to_action: Text
    statistic: str | None
    statement: str | None
    action_line: str | None
    help: str
    picture: str | None = None  # one of the campaign's pictures, shown by templates with a picture slot


@dataclass(frozen=True)
class Programme:
    name: Text
    title: Text
    campaign_name: Text
    runs_until: dt.date | None
    sender_line: Text
    description: Text


@dataclass(frozen=True)
class ChartTexts:
    """The sentence patterns charts and text alternatives are written with.

    Numbers and names are placeholders ({count}, {values}, ...) that layout fills from the
    same datum the marks are drawn from; translators write only the words around them.
    """

    icon_count: Text  # "{count} van de {total} {group}": under an icon array
    alt: Text  # "{label}: {values}.": a chart's short alternative (at most 150 characters)
    long: Text  # "{label}: {values}. {definition} {population}, {year}. {source}"
    design: Text  # "{headline} {figure} {help}": the alternative of a design without a chart
    # "{first}; {second}.": a comparison of two statistics (each "label: values"), at most 150 characters
    compare_alt: Text
    # "{figures} {population}, {year}. {source}": several figures of one population, year and source
    figures_long: Text


CHART_PLACEHOLDERS = {
    "icon_count": ("{count}", "{total}", "{group}"),
    "alt": ("{label}", "{values}"),
    "long": ("{label}", "{values}", "{definition}", "{population}", "{year}", "{source}"),
    "design": ("{headline}", "{figure}", "{help}"),
    "compare_alt": ("{first}", "{second}"),
    "figures_long": ("{figures}", "{population}", "{year}", "{source}"),
}


@dataclass(frozen=True)
class Campaign:
    id: str
    source_language: str
    folder: Path
    translations_folder: Path
    programme: Programme
    organisations: tuple[Organisation, ...]
    sources: tuple[Source, ...]
    groups: tuple[Group, ...]
    statistics: tuple[Statistic, ...]
    statements: tuple[Statement, ...]
    action_lines: tuple[ActionLine, ...]
    help_contacts: tuple[HelpContact, ...]
    messages: tuple[Message, ...]
    pictures: tuple[Picture, ...] = ()
    chart_texts: ChartTexts | None = None  # None only for campaigns built in code; the loader always sets it
    # What editions may change (campaign.yaml's `editions:` block); statistics and the helpline never.
    edition_rules: EditionRules = field(default_factory=EditionRules)
    # Set on a campaign as an edition made it (content.edition_loader.apply_edition): its local
    # contacts are in help_contacts, its texts replaced; translations_folder is the edition's own and
    # base_translations_folder the campaign's, looked up beneath it (content.translations).
    edition: Edition | None = None
    base_translations_folder: Path | None = None
    # Translations held in memory by an editing session (language -> content.translations.Catalog):
    # layout reads these instead of the PO files, so an unsaved edit is previewed. None: read the files.
    catalogs: Mapping[str, Any] | None = field(default=None, repr=False, compare=False)
    # Lookup cache; not an init field, so dataclasses.replace() starts a fresh one.
    _index: dict[str, dict[str, object]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def _by_id(self, kind: str, items: tuple[object, ...]) -> dict[str, object]:
        if kind not in self._index:
            self._index[kind] = {getattr(i, "id"): i for i in items}  # noqa: B009
        return self._index[kind]

    def statistic(self, id: str) -> Statistic:
        return self._by_id("statistics", self.statistics)[id]  # type: ignore[return-value]

    def message(self, id: str) -> Message:
        return self._by_id("messages", self.messages)[id]  # type: ignore[return-value]

    def source(self, id: str) -> Source:
        return self._by_id("sources", self.sources)[id]  # type: ignore[return-value]

    def group(self, id: str) -> Group:
        return self._by_id("groups", self.groups)[id]  # type: ignore[return-value]

    def help_contact(self, id: str) -> HelpContact:
        return self._by_id("help", self.help_contacts)[id]  # type: ignore[return-value]

    def action_line(self, id: str) -> ActionLine:
        return self._by_id("action_lines", self.action_lines)[id]  # type: ignore[return-value]

    def picture(self, id: str) -> Picture:
        return self._by_id("pictures", self.pictures)[id]  # type: ignore[return-value]

    def statement(self, id: str) -> Statement:
        return self._by_id("statements", self.statements)[id]  # type: ignore[return-value]

    @property
    def translation_folders(self) -> tuple[Path, ...]:
        """Where its PO files are, the one looked up first last (an edition's own over the campaign's)."""
        base = () if self.base_translations_folder is None else (self.base_translations_folder,)
        return (*base, self.translations_folder)

    @property
    def primary_help(self) -> HelpContact:
        """The national helpline that every output shows."""
        return next((h for h in self.help_contacts if h.primary), self.help_contacts[0])
