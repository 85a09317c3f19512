"""Fixtures for every test folder: run the CLI in-process, and edit a campaign copy made with `init`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from matrixkit import ShippedMatrix

from campaign_studio import pipeline
from campaign_studio.cli.main import run
from campaign_studio.model.campaign import Campaign

# Qt must pick its platform before any QApplication exists: tests run headless.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Result:
    """What one `campaign-studio ...` call did: exit code and the two output streams."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err

    @property
    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if ": error: " in line]

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.err.splitlines() if ": warning: " in line]

    def assert_no_traceback(self) -> None:
        assert "Traceback" not in self.out + self.err, self.err


Cli = Callable[..., Result]


@pytest.fixture(scope="session")
def builtin() -> Campaign:
    """The built-in national campaign, as the app opens it."""
    loaded = pipeline.open_campaign(None)
    assert loaded.campaign is not None, "\n".join(d.format() for d in loaded.diagnostics)
    assert not loaded.diagnostics.has_errors
    return loaded.campaign


@pytest.fixture(scope="session")
def shipped(builtin: Campaign) -> ShippedMatrix:
    """Every shipped template × format × language × brand, each laid out once per session (matrixkit)."""
    return ShippedMatrix(builtin)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run `campaign-studio ARGS...` in this process; every argument is turned into a string."""

    def call(*argv: object) -> Result:
        capsys.readouterr()
        code = run([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return call


@dataclass
class CampaignCopy:
    """An editable campaign folder written by `campaign-studio init`."""

    folder: Path

    @property
    def file(self) -> Path:
        return self.folder / "campaign.yaml"

    def text(self) -> str:
        return self.file.read_text(encoding="utf-8")

    def write(self, text: str | bytes) -> None:
        if isinstance(text, bytes):
            self.file.write_bytes(text)
        else:
            self.file.write_text(text, encoding="utf-8")

    def offset_of(self, snippet: str, after: str | None = None) -> int:
        text = self.text()
        start = 0
        if after is not None:
            start = text.index(after)
        return text.index(snippet, start)

    def line_of(self, snippet: str, after: str | None = None) -> int:
        """1-based line on which `snippet` starts (the first one after `after`, if given)."""
        return self.text()[: self.offset_of(snippet, after)].count("\n") + 1

    def column_of(self, line: int, snippet: str) -> int:
        """1-based column of `snippet` on `line`."""
        text = self.text().splitlines()[line - 1]
        assert snippet in text, f"{snippet!r} not on line {line}: {text!r}"
        return text.index(snippet) + 1

    def replace(self, old: str, new: str, after: str | None = None) -> int:
        """Replace the first `old` (after the first `after`) by `new`; return the line where `new` starts."""
        text = self.text()
        at = self.offset_of(old, after)
        self.write(text[:at] + new + text[at + len(old):])
        return text[:at].count("\n") + 1

    def remove_line(self, line_text: str, after: str | None = None) -> int:
        """Remove a whole line (given without its newline); return its former line number."""
        return self.replace(line_text + "\n", "", after)


@pytest.fixture
def make_copy(tmp_path: Path, cli: Cli) -> Callable[[str], CampaignCopy]:
    """Make more than one campaign copy in a test: make_copy("name")."""

    def make(name: str = "campaign") -> CampaignCopy:
        folder = tmp_path / name
        result = cli("init", folder)
        assert result.code == 0, result.err
        assert (folder / "campaign.yaml").is_file()
        return CampaignCopy(folder)

    return make


@pytest.fixture
def campaign_copy(make_copy: Callable[[str], CampaignCopy]) -> CampaignCopy:
    """A fresh copy of the built-in campaign, made with `campaign-studio init`."""
    return make_copy("campaign")


def located(path: Path, line: int | None, column: int | None = None, severity: str = "error") -> str:
    """The prefix a diagnostic at this place starts with: FILE:LINE:COL: error: (any column if None),
    or FILE: error: for a thing without lines (line None: a folder, an image, a font)."""
    if line is None:
        return rf"^{re.escape(str(path))}: {severity}: "
    col = r"\d+" if column is None else str(column)
    return rf"^{re.escape(str(path))}:{line}:{col}: {severity}: "


def find_diagnostic(result: Result, path: Path, line: int | None = None, column: int | None = None,
                    severity: str = "error") -> str:
    """The one diagnostic line of `result` located at path:line(:column), or at path alone when line is None;
    fails with the output otherwise."""
    pattern = re.compile(located(path, line, column, severity))
    found = [d for d in result.err.splitlines() if pattern.match(d)]
    where = str(path) if line is None else f"{path}:{line}:{column or '*'}"
    assert found, f"no {severity} at {where} in:\n{result.err}"
    return found[0]


Find = Callable[..., str]


@pytest.fixture
def diagnostic() -> Find:
    """find_diagnostic as a fixture, so tests need not import this conftest."""
    return find_diagnostic
