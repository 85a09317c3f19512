"""Importing this module registers every rule (one module per group of rules)."""

from campaign_studio.checks import plain_language, rules_alt, rules_contrast, rules_cvd, rules_logo, rules_text

__all__ = ["plain_language", "rules_alt", "rules_contrast", "rules_cvd", "rules_logo", "rules_text"]
