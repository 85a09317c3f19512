"""Bad edition files give one located message each (file, line, column, key path and the fix); exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from campaign_studio.content.edition_loader import load_edition
from campaign_studio.model.diagnostics import InputError
from campaign_studio.resources import project_root

EXAMPLE = project_root() / "examples" / "editions" / "lindenhoven"


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    target = tmp_path / "lindenhoven"
    shutil.copytree(EXAMPLE, target)
    return target


def _edit(folder: Path, old: str, new: str) -> int:
    file = folder / "edition.yaml"
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "key_path", "words"), [
    ("main_contact: wijkteam-lindenhoven", "main_contatc: wijkteam-lindenhoven", "main_contatc",
     "did you mean 'main_contact'?"),
    ("main_contact: wijkteam-lindenhoven", "main_contact: veilig-thuis", "main_contact",
     "is one of the campaign's contacts"),
    ("main_contact: wijkteam-lindenhoven", "main_contact: wijkteam", "main_contact", "is not one of the edition's"),
    ('    phone: "14 0123"', "    phone: 14 0123 00", "help_contacts[0].phone", "Dutch phone number"),
    ("web: https://lindenhoven.example/hulp", "web: lindenhoven.example/hulp", "web", "a web address"),
    ("languages: [nl, ar, tr]", "languages: [nl, ar, tr, so]", "languages[3]", "no translations for 'so'"),
    ("format: campaign-studio-edition/1", "format: campaign-studio-edition/9", "format", "campaign-studio-edition/1"),
    ("  messages.help-is-there.call_to_action:", "  messages.help-is-there.call_to_actoin:",
     "overrides.messages.help-is-there.call_to_actoin", "did you mean 'messages.help-is-there.call_to_action'?"),
])
def test_located_error(edition: Path, old: str, new: str, key_path: str, words: str) -> None:
    line = _edit(edition, old, new)
    loaded = load_edition(edition)
    assert loaded.campaign is None
    [error] = loaded.diagnostics.errors
    assert error.location is not None and error.location.file.name == "edition.yaml"
    assert error.location.line == line, error.format()
    assert error.location.column >= 1
    assert error.key_path == key_path
    assert words in error.format()


@pytest.mark.parametrize(("old", "new", "words"), [
    ("campaign: national ", "campaign: nationaal ", "neither a built-in campaign nor a folder"),
    ("brand: brand ", "brand: gemeente-voorbeel ", "did you mean 'gemeente-voorbeeld'?"),
    ("languages: [nl, ar, tr]", "languages: [nl, ar, tr", "invalid YAML"),
])
def test_unreadable_is_an_input_error_at_its_line(edition: Path, old: str, new: str, words: str) -> None:
    line = _edit(edition, old, new)
    with pytest.raises(InputError) as caught:
        load_edition(edition)
    d = caught.value.diagnostic
    assert d.location is not None and d.location.file.name == "edition.yaml"
    assert d.location.line >= line and words in d.format()


def test_the_cli_exit_codes(cli, edition: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ok = cli("validate", "--edition", edition)
    assert ok.code == 0, ok.err
    assert "valid" in ok.out
    _edit(edition, "main_contact: wijkteam-lindenhoven", "main_contact: veilig-thuis")
    bad = cli("render", "-t", "women-men", "-f", "post-4x5", "--edition", edition, "-o", tmp_path / "x.png")
    assert bad.code == 1 and "edition.yaml:" in bad.err and not (tmp_path / "x.png").exists()
    bad.assert_no_traceback()
    both = cli("render", "-t", "women-men", "-f", "post-4x5", "--edition", EXAMPLE, "--brand", "national",
               "-o", tmp_path / "y.png")
    assert both.code == 2 and "--brand and --edition exclude each other" in both.err
    missing = cli("validate", "--edition", tmp_path / "nowhere")
    assert missing.code == 2 and "edition folder not found" in missing.err
    lang = cli("render", "-t", "women-men", "-f", "post-4x5", "--edition", EXAMPLE, "--lang", "en",
               "-o", tmp_path / "z.png")
    assert lang.code == 2 and "is made in nl, ar, tr, not 'en'" in lang.err
