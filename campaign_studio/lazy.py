"""A package's names loaded on first use (PEP 562 `__getattr__`): start-up imports only what a command uses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_exports(package: str, homes: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], object]:
    """The package's `__getattr__`: a name in `homes` is imported from its submodule on first look-up
    and stored in the package's `namespace`, so later look-ups find it without this function."""

    def __getattr__(name: str) -> object:
        if name in homes:
            value = getattr(import_module(f"{package}.{homes[name]}"), name)
            namespace[name] = value
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
