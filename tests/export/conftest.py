"""Fixtures for the export tests: the CLI in-process, and never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Cli = Callable[..., Any]


@pytest.fixture
def cli(cli: Cli) -> Cli:
    def call(*argv: object) -> Any:
        result = cli(*argv)
        result.assert_no_traceback()
        return result

    return call
