"""Locks hold: an edition that changes a locked item gets an error naming the item, the lock and its line.

One test per kind of lock the program always holds, and for the locks a campaign declares.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from campaign_studio.content.edition_loader import load_edition
from campaign_studio.resources import project_root

EXAMPLE = project_root() / "examples" / "editions" / "lindenhoven"


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    """A copy of the Lindenhoven example, its brand kit and translations beside it."""
    target = tmp_path / "lindenhoven"
    shutil.copytree(EXAMPLE, target)
    return target


def _override(folder: Path, key: str, value: str) -> int:
    """Add one override at the end of edition.yaml's overrides: block; return its line."""
    file = folder / "edition.yaml"
    text = file.read_text(encoding="utf-8")
    assert text.rstrip().splitlines()[-1].startswith("  ")  # overrides: is the last block
    line = len(text.rstrip().splitlines()) + 1
    file.write_text(text.rstrip() + f"\n  {key}: \"{value}\"\n", encoding="utf-8")
    return line


@pytest.mark.parametrize(("item", "lock"), [
    ("statistics.victim-sexual-violence.label", "statistics"),
    ("statistics.victim-sexual-violence.values.women.phrase", "statistics"),
    ("statistics.victim-sexual-violence.values.women.value", "statistics"),
    ("statistics.victim-sexual-violence.definition", "definitions"),
    ("statistics.victim-sexual-violence.population", "populations"),
    ("statistics.victim-sexual-violence.year", "years"),
    ("statistics.victim-sexual-violence.source", "sources"),
    ("sources.rutgers-2017.citation", "sources"),
    ("help_contacts.centrum-seksueel-geweld.phone", "national-helpline"),
    ("help_contacts.centrum-seksueel-geweld.description", "national-helpline"),
    ("help_contacts.veilig-thuis.phone", "texts-only"),
])
def test_always_locked(edition: Path, item: str, lock: str) -> None:
    line = _override(edition, item, "Iets anders")
    loaded = load_edition(edition)
    assert loaded.campaign is None
    [error] = loaded.diagnostics.errors
    assert error.location is not None and error.location.line == line and error.location.column == 3
    assert error.location.file.name == "edition.yaml"
    assert item in error.message and f"lock {lock!r}" in error.message
    assert error.key_path == f"overrides.{item}"


def test_lock_declared_by_the_campaign(edition: Path) -> None:
    """campaign.yaml's `editions: locked:` closes a text its overridable patterns open, naming that line."""
    line = _override(edition, "messages.lgbtiq.body", "Iets anders")
    [error] = load_edition(edition).diagnostics.errors
    assert error.location is not None and error.location.line == line
    assert "lock 'campaign'" in error.message and "'messages.lgbtiq'" in error.message
    campaign_yaml = (project_root() / "campaign_studio" / "campaigns" / "national" / "campaign.yaml")
    locked_line = next(n for n, t in enumerate(campaign_yaml.read_text().splitlines(), 1) if "- messages.lgbtiq" in t)
    assert f"campaign.yaml:{locked_line}:" in error.message


def test_text_the_campaign_does_not_open(edition: Path) -> None:
    line = _override(edition, "programme.title", "Onze eigen titel")
    [error] = load_edition(edition).diagnostics.errors
    assert error.location is not None and error.location.line == line
    assert "programme.title" in error.message and "lock 'campaign'" in error.message
    assert "does not list it under editions: overridable:" in error.message


def test_a_local_contact_never_replaces_the_national_helpline(edition: Path) -> None:
    file = edition / "edition.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("  - id: wijkteam-lindenhoven", "  - id: centrum-seksueel-geweld")
                    .replace("main_contact: wijkteam-lindenhoven", "main_contact: centrum-seksueel-geweld"),
                    encoding="utf-8")
    errors = load_edition(edition).diagnostics.errors
    first = errors[0]
    assert "lock 'national-helpline'" in first.message and "never replaces one" in first.message
    assert first.location is not None
    assert first.location.line == next(n for n, t in enumerate(file.read_text().splitlines(), 1)
                                       if "- id: centrum-seksueel-geweld" in t)


def test_an_allowed_override_is_used_and_the_national_figures_stay(edition: Path) -> None:
    loaded = load_edition(edition)
    assert loaded.campaign is not None and loaded.base is not None and loaded.base.campaign is not None
    msg = loaded.campaign.message("help-is-there")
    assert msg.call_to_action.source == "Bel het wijkteam of de landelijke hulplijn."
    assert msg.call_to_action.location is not None and msg.call_to_action.location.file.name == "edition.yaml"
    assert loaded.campaign.statistics == loaded.base.campaign.statistics
    assert loaded.campaign.primary_help == loaded.base.campaign.primary_help
    assert [h.id for h in loaded.campaign.help_contacts][-1] == "wijkteam-lindenhoven"
    assert not loaded.campaign.help_contact("wijkteam-lindenhoven").national
