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


def canonical_language(code: str) -> str:
    """BCP 47 in its usual case and with hyphens: 'PT_br' -> 'pt-BR', 'sr_latn' -> 'sr-Latn'."""
    parts = code.strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)
