"""Diagnostics: located findings shared by the CLI, the GUI and export reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Location:
    """A place in a file: FILE:LINE:COL, or just FILE for things without lines (a folder, an image, a font)."""

    file: Path
    line: int = 0  # 1-based; 0: the file or folder as a whole
    column: int = 0  # 1-based; 0 with line 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}" if self.line else str(self.file)


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    message: str
    location: Location | None = None
    key_path: str = ""
    hint: str = ""
    code: str = ""  # a check's stable rule id (e.g. 'CS101'), empty for other findings

    def format(self) -> str:
        where = f"{self.location}: " if self.location else ""
        what = f"{self.key_path}: {self.message}" if self.key_path else self.message
        what = f"{self.code} {what}" if self.code else what
        fix = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.severity}: {what}{fix}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class Diagnostics(list[Diagnostic]):
    """An ordered collection of findings with helpers to add and query them."""

    def error(self, message: str, location: Location | None = None, key_path: str = "", hint: str = "") -> None:
        self.append(Diagnostic("error", message, location, key_path, hint))

    def warning(
        self, message: str, location: Location | None = None, key_path: str = "", hint: str = ""
    ) -> None:
        self.append(Diagnostic("warning", message, location, key_path, hint))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self if not d.is_error]

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self)


class InputError(Exception):
    """Input that cannot be read at all (exit code 2): unreadable file, bad YAML, too large."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic
