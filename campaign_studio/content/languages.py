"""Facts about languages from CLDR (via Babel): name, script, writing direction."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global


@dataclass(frozen=True)
class LanguageInfo:
    code: str
    name: str  # in English
    native_name: str
    script: str  # ISO 15924
    direction: str  # ltr | rtl


@cache
def language_info(code: str) -> LanguageInfo:
    if code == "qps":  # pseudo-localisation: a test language, not in CLDR
        return LanguageInfo("qps", "Pseudo-locale", "Ƥşeŭdo", "Latn", "ltr")
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return LanguageInfo(code, code, code, "Zyyy", "ltr")
    likely = get_global("likely_subtags").get(locale.language, "")
    parts = likely.split("_")
    script = locale.script or (parts[1] if len(parts) > 2 else "Latn")
    return LanguageInfo(
        code,
        locale.get_display_name("en") or code,
        locale.get_display_name(locale) or code,
        script,
        "rtl" if locale.text_direction == "rtl" else "ltr",
    )
