"""Accessibility checks: small rules over the page tree, each with a stable id (CS101 ...).

A rule reads only the page tree and the design's context (template, format, language,
brand) and yields findings; `run_checks` runs every registered rule and returns the
findings as Diagnostics, the same objects the CLI, the GUI and export reports show.
"""

from campaign_studio.checks.brand import check_brand
from campaign_studio.checks.registry import RULES, CheckContext, run_checks

__all__ = ["RULES", "CheckContext", "check_brand", "run_checks"]
