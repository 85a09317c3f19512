"""Figure phrases in campaign.yaml: a value's `phrase:` holds the figure as {value} exactly once;
a group's `of_group` words (the phrase of a value without one) hold no placeholder."""

from __future__ import annotations

import pytest

from campaign_studio import pipeline
from campaign_studio.content.campaign_loader import texts

VALUE_22 = "        value: 22\n"


@pytest.mark.parametrize(("phrase", "words"), [
    ("22% van de vrouwen", ("statistics[0].values[0].phrase:", "the phrase has no {value}",
                            "a figure phrase holds the figure as {value} exactly once", "e.g. '{value} van de vrouwen'")),
    ("{value} van {value} vrouwen", ("the phrase has {value} 2 times",)),
    ("{waarde} van de vrouwen", ("the phrase has '{waarde}'", "the only placeholder a figure phrase may have is {value}",
                                 "write the figure as {value}")),
])
def test_a_phrase_without_exactly_one_figure_is_refused(campaign_copy, cli, diagnostic, phrase, words) -> None:
    line = campaign_copy.replace(VALUE_22, f"{VALUE_22}        phrase: \"{phrase}\"\n") + 1
    column = campaign_copy.column_of(line, '"')

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1, result.err
    found = diagnostic(result, campaign_copy.file, line, column)
    for word in words:
        assert word in found, found
    assert result.errors == [found]


def test_of_group_with_a_placeholder_is_refused(campaign_copy, cli, diagnostic) -> None:
    line = campaign_copy.replace("    of_group: van de vrouwen", "    of_group: \"{value} van de vrouwen\"")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1, result.err
    found = diagnostic(result, campaign_copy.file, line, campaign_copy.column_of(line, '"'))
    assert "groups[0].of_group: of_group has '{value}'; it holds the words after a figure, without placeholders" in found
    assert """(write the whole phrase as 'phrase: "{value} ..."' on the statistic's value instead)""" in found


def test_every_figure_has_its_phrase_text_in_document_order(campaign_copy) -> None:
    loaded = pipeline.open_campaign(campaign_copy.folder)
    assert loaded.campaign is not None
    found = [(t.id, t.source, t.location.line if t.location else None) for t in texts(loaded.campaign)
             if t.id.endswith(".phrase")]
    assert [(i, s) for i, s, _ in found] == [
        ("statistics.victim-sexual-violence.values.women.phrase", "{value} van de vrouwen"),
        ("statistics.victim-sexual-violence.values.men.phrase", "{value} van de mannen"),
        ("statistics.physical-transgressive.values.women.phrase", "{value} van de vrouwen"),
        ("statistics.physical-transgressive.values.men.phrase", "{value} van de mannen"),
        ("statistics.consequences-forced.values.affected.phrase", "{value} van de slachtoffers"),
        ("statistics.consequences-nonphysical.values.affected.phrase", "{value} van de slachtoffers"),
    ]
    # a derived phrase points at its value's group: that is where a translator's tool shows it comes from
    assert found[0][2] == campaign_copy.line_of("      - group: women")
    assert not any(t.id.endswith(".of_group") for t in texts(loaded.campaign))
