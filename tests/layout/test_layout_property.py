"""Any headline either fits its box or is reported as overflow: never clipped, never an exception.

The campaign is edited as a model operation (dataclasses.replace on the Campaign and
its Message), not by writing YAML files.
"""

from __future__ import annotations

import string
from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from layoutkit import all_violations

from campaign_studio.content.formats_loader import load_formats
from campaign_studio.model.campaign import Campaign

MESSAGE = "respect-boundaries"
TEMPLATE, FORMAT = "action-line", "post-4x5"

DUTCH_LETTERS = string.ascii_letters + "éëèêïíóöüúáàäç" + "ĲĳÉË"
ALPHABET = DUTCH_LETTERS + " " * 8 + ".,;:!?'\"()-–" + string.digits + "%€"


def with_headline(campaign: Campaign, text: str) -> Campaign:
    """The campaign with MESSAGE's headline replaced by `text` (same text id, so translations would go stale)."""
    messages = tuple(
        replace(m, headline=replace(m.headline, source=text)) if m.id == MESSAGE else m for m in campaign.messages
    )
    return replace(campaign, messages=messages)


# Lengths drawn uniformly from 1-300 (plain st.text mostly draws a handful of characters).
HEADLINES = st.integers(min_value=1, max_value=300).flatmap(lambda n: st.text(alphabet=ALPHABET, min_size=n, max_size=n))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headline=HEADLINES)
@example(headline=" ")
@example(headline="Onvoorwaardelijk" * 3)  # one word wider than the column: headlines are never hyphenated
@example(headline="Wat vind jij? " * 21 + "Wat vind")  # 300 characters of short words
def test_any_headline_fits_or_is_reported_as_overflow(headline: str, builtin: Campaign, lay_out) -> None:
    laid = lay_out(TEMPLATE, FORMAT, "nl", campaign=with_headline(builtin, headline), message_id=MESSAGE)
    if laid.page is None:
        messages = [d.message for d in laid.diagnostics.errors]
        assert messages and all("overflow" in m for m in messages), messages
        assert any("'headline'" in m for m in messages), messages  # the slot that did not fit is named
        return
    assert not laid.diagnostics.has_errors, laid.error_text
    assert laid.block("headline").text == headline
    assert all_violations(laid.page, laid.grid, load_formats()[FORMAT]) == []


def test_an_overlong_headline_is_an_overflow_not_a_clipped_page(builtin: Campaign, lay_out) -> None:
    laid = lay_out(TEMPLATE, FORMAT, "nl", campaign=with_headline(builtin, "Grenzen " * 40), message_id=MESSAGE)
    assert laid.page is None
    (error,) = laid.diagnostics.errors
    assert "overflow" in error.message and "'headline'" in error.message and "'post-4x5'" in error.message


def test_replace_on_the_campaign_refreshes_its_lookups(builtin: Campaign, lay_out) -> None:
    """Campaign keeps an id -> item lookup cache; an edited copy must not share the original's."""
    builtin.message(MESSAGE)  # any lookup (validation does one too) fills the cache
    edited = with_headline(builtin, "Een nieuwe kop")
    assert edited.message(MESSAGE).headline.source == "Een nieuwe kop"
    laid = lay_out(TEMPLATE, FORMAT, "nl", campaign=edited, message_id=MESSAGE)
    assert laid.block("headline").text == "Een nieuwe kop"
