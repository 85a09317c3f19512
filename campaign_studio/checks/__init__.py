"""Accessibility checks: small rules over the page tree, each with a stable id (CS101 ...).

A rule reads only the page tree and the design's context (template, format, language,
brand) and yields findings; `run_checks` runs every registered rule and returns the
findings as Diagnostics, the same objects the CLI, the GUI and export reports show.

The names below load on first use (PEP 562 `__getattr__`), so a light module of this
package (cvd's list of deficiencies, for the CLI's options) imports nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campaign_studio.lazy import lazy_exports

if TYPE_CHECKING:
    from campaign_studio.checks.brand import check_brand
    from campaign_studio.checks.registry import RULES, CheckContext, run_checks

__all__ = ["RULES", "CheckContext", "check_brand", "run_checks"]

_HOME = {"check_brand": "brand", "RULES": "registry", "CheckContext": "registry", "run_checks": "registry"}

__getattr__ = lazy_exports(__name__, _HOME, globals())
