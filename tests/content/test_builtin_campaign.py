"""The built-in national campaign: golden data, its two warnings, and its texts."""

from __future__ import annotations

import datetime as dt

import pytest

from campaign_studio import pipeline
from campaign_studio.content.campaign_loader import load_campaign, texts
from campaign_studio.resources import builtin_campaign_dir

BUILTIN_FILE = builtin_campaign_dir() / "campaign.yaml"


@pytest.fixture(scope="module")
def loaded():
    return pipeline.open_campaign(None)


@pytest.fixture(scope="module")
def campaign(loaded):
    assert loaded.campaign is not None, [d.format() for d in loaded.diagnostics]
    return loaded.campaign


def _line_after(item_id: str, snippet: str) -> int:
    text = BUILTIN_FILE.read_text(encoding="utf-8")
    at = text.index(snippet, text.index(f"- id: {item_id}\n"))
    return text[:at].count("\n") + 1


# --- golden data ---------------------------------------------------------------------------------

def test_statistics_values_by_group(campaign) -> None:
    values = {s.id: {v.group: v.value for v in s.values} for s in campaign.statistics}
    assert values == {
        "victim-sexual-violence": {"women": 22, "men": 6},
        "physical-transgressive": {"women": 53, "men": 19},
        "consequences-forced": {"affected": 71},
        "consequences-nonphysical": {"affected": 24},
    }


def test_statistics_carry_definition_population_year_source(campaign) -> None:
    stat = campaign.statistic("victim-sexual-violence")
    assert stat.unit == "percent"
    assert stat.year == 2017
    assert stat.verified is True
    assert stat.definition.source == "Is gedwongen tot seks, of had seks tegen de wil."
    assert stat.population.source == "Mensen van 18 tot 80 jaar in Nederland, ooit in hun leven"
    source = campaign.source(stat.source)
    assert source.publisher == "Rutgers"
    assert source.year == 2017
    assert source.citation.source.startswith("Bron: Rutgers, Seksuele gezondheid in Nederland 2017.")
    assert source.url == "https://rutgers.nl"
    assert source.checked == dt.date(2026, 11, 29)
    assert stat.location is not None and stat.location.line == _line_after("victim-sexual-violence", "id:")


def test_only_the_leaflet_figures_are_unverified(campaign) -> None:
    unverified = {s.id: s.source for s in campaign.statistics if not s.verified}
    assert unverified == {"consequences-forced": "programme-leaflet", "consequences-nonphysical": "programme-leaflet"}


def test_five_action_lines_numbered_one_to_five(campaign) -> None:
    assert [a.number for a in campaign.action_lines] == [1, 2, 3, 4, 5]
    assert [a.id for a in campaign.action_lines] == [
        "shared-norms", "laws", "organisations", "recognise-respond", "findable-help"]
    assert campaign.action_line("findable-help").text.source == "Er is goede hulpverlening die makkelijk vindbaar is."


def test_primary_help_contact_is_centrum_seksueel_geweld(campaign) -> None:
    primary = campaign.primary_help
    assert primary.id == "centrum-seksueel-geweld"
    assert primary.name.source == "Centrum Seksueel Geweld"
    assert primary.phone == "0800-0188"
    assert primary.url == "https://centrumseksueelgeweld.nl"
    assert primary.free is True
    assert primary.national is True
    assert primary.hours.source == "dag en nacht"
    assert [h.id for h in campaign.help_contacts if h.primary] == ["centrum-seksueel-geweld"]


def test_other_help_contacts(campaign) -> None:
    phones = {h.id: h.phone for h in campaign.help_contacts}
    assert phones == {
        "centrum-seksueel-geweld": "0800-0188",
        "veilig-thuis": "0800-2000",
        "slachtofferhulp": "0900-0101",
        "zelfmoordpreventie": "0800-0113",
        "fier": None,
        "emergency": "112",
    }
    assert campaign.help_contact("slachtofferhulp").free is False


def test_messages_and_their_references(campaign) -> None:
    refs = {m.id: (m.statistic, m.statement, m.action_line, m.help) for m in campaign.messages}
    assert refs == {
        "respect-boundaries": (None, None, "shared-norms", "centrum-seksueel-geweld"),
        "happens-more-often": ("victim-sexual-violence", None, None, "centrum-seksueel-geweld"),
        "recognise-and-respond": (None, None, "recognise-respond", "centrum-seksueel-geweld"),
        "help-is-there": (None, None, "findable-help", "centrum-seksueel-geweld"),
        "lgbtiq": (None, "lgbtiq-more-often", None, "centrum-seksueel-geweld"),
    }


def test_programme_and_organisations(campaign) -> None:
    assert campaign.id == "nap-sggsg"
    assert campaign.source_language == "nl"
    assert campaign.programme.campaign_name.source == "Wat vind jij? Tot waar is het leuk voor allebei?"
    assert campaign.programme.runs_until == dt.date(2026, 12, 31)
    assert [(o.short, o.role) for o in campaign.organisations] == [
        ("OCW", "initiator"), ("SZW", "initiator"), ("VWS", "partner"), ("JenV", "partner"),
        ("Regeringscommissaris", "support")]


def test_every_text_has_a_unique_id_and_its_own_line(campaign) -> None:
    all_texts = texts(campaign)
    ids = [t.id for t in all_texts]
    assert len(ids) == len(set(ids))
    assert "statistics.victim-sexual-violence.definition" in ids
    assert "help_contacts.centrum-seksueel-geweld.name" in ids
    headline = next(t for t in all_texts if t.id == "messages.respect-boundaries.headline")
    assert headline.location is not None
    assert headline.location.file == BUILTIN_FILE
    assert headline.location.line == _line_after("respect-boundaries", "headline:")


# --- warnings ------------------------------------------------------------------------------------

def test_builtin_campaign_has_exactly_the_two_unverified_warnings(loaded) -> None:
    assert not loaded.diagnostics.errors
    warnings = loaded.diagnostics.warnings
    assert [(w.location.line, w.location.column) for w in warnings] == [
        (_line_after("consequences-forced", "verified: false"), 15),
        (_line_after("consequences-nonphysical", "verified: false"), 15),
    ]
    assert [w.key_path for w in warnings] == ["statistics[2].verified", "statistics[3].verified"]
    assert "statistic 'consequences-forced' is not verified" in warnings[0].message
    assert "set verified: true" in warnings[0].hint


def test_validate_builtin_prints_the_warnings_and_exits_0(cli) -> None:
    result = cli("validate")

    assert result.code == 0, result.err
    assert result.errors == []
    assert result.warnings == [
        f"{BUILTIN_FILE}:{_line_after('consequences-forced', 'verified: false')}:15: warning: statistics[2].verified: "
        "statistic 'consequences-forced' is not verified: its primary source is not confirmed "
        "(check the figure against its source before publishing, then set verified: true)",
        f"{BUILTIN_FILE}:{_line_after('consequences-nonphysical', 'verified: false')}:15: warning: "
        "statistics[3].verified: statistic 'consequences-nonphysical' is not verified: its primary source is not "
        "confirmed (check the figure against its source before publishing, then set verified: true)",
    ]
    assert result.out.strip() == f"{BUILTIN_FILE}: valid (0 errors, 2 warnings)"


def test_verifying_a_figure_removes_its_warning(campaign_copy, cli) -> None:
    campaign_copy.replace("    verified: false", "    verified: true")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 0
    assert len(result.warnings) == 1
    assert "consequences-nonphysical" in result.warnings[0]


def test_warnings_alone_do_not_fail(campaign_copy) -> None:
    loaded = load_campaign(campaign_copy.folder)
    assert loaded.campaign is not None
    assert len(loaded.diagnostics.warnings) == 2
    assert loaded.campaign.translations_folder == campaign_copy.folder / "translations"
