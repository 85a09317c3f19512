"""A template's `document:` block and `formats:` list: each mistake is one located error
(file, line and column of the offending YAML, its key path, the message and the fix)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from campaign_studio.content.design_loader import load_template
from campaign_studio.model.diagnostics import InputError
from campaign_studio.resources import templates_dir

CAROUSEL = (templates_dir() / "carousel.yaml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Case:
    id: str
    old: str
    new: str
    at: str  # the error is where this text starts (its occurrence nearest the edit; a mapping starts at its first key)
    words: tuple[str, ...]  # key path, message and fix
    after: str = ""  # edit the first `old` after this text


CASES = [
    Case("repeat-shows-mismatch", "- {name: figure, shows: statistic, repeat: statistics}",
         "- {name: figure, shows: message, repeat: statistics}", "message, repeat",
         ("document.kinds[1].shows", "a page repeated over statistics shows a statistic, not a message",
          "write shows: statistic")),
    Case("unknown-repeat", "      repeat: action-lines", "      repeat: action-line", "action-line",
         ("document.kinds[2].repeat", "action-line", "statistics")),
    Case("undefined-slot", "{width: 1, top: [logo, action, message], middle: [body, cta], bottom: [cited]}\n        band",
         "{width: 1, top: [logo, action, message], middle: [body, cta], bottom: [cited, footer]}\n        band",
         "columns:", ("document.kinds[2].tall", "slot 'footer' is not defined under slots:",
                      "define it under slots: or remove it here"), after="repeat: action-lines"),
    Case("programme-page-shows-a-figure", "top: [logo], middle: [campaign, title]",
         "top: [logo], middle: [campaign, chart]", "name: title",
         ("document.kinds[0]", "page kind 'title' shows a programme, but its slot 'chart' shows 'statistic.values'",
          "remove 'chart' from this page's arrangements")),
    Case("min-above-max", "pages: {min: 3, max: 10}", "pages: {min: 8, max: 3}", "{min: 8",
         ("document.pages", "pages min 8 is larger than max 3", "make min at most max")),
    Case("too-many-pages", "pages: {min: 3, max: 10}", "pages: {min: 3, max: 40}", "40",
         ("document.pages.max", "40", "a number of pages")),
    Case("unknown-format", "formats: [post-4x5, post-1x1]", "formats: [post-4x5, post-9x9]", "post-9x9",
         ("formats[1]", "unknown format 'post-9x9'", "use one of")),
    Case("format-twice", "formats: [post-4x5, post-1x1]", "formats: [post-4x5, post-4x5]", "post-4x5]",
         ("formats[1]", "format 'post-4x5' is listed twice", "list each format once")),
    Case("duplicate-kind", "    - name: help\n", "    - name: action\n", "action\n      shows: message\n      tall",
         ("document.kinds[3].name", "page kind 'action' is defined twice", "give each page kind its own name")),
    Case("misspelled-arrangement", "      wide:\n        columns:\n          - {width: 1, top: [logo, message, body]",
         "      wider:\n        columns:\n          - {width: 1, top: [logo, message, body]", "wider",
         ("document.kinds[3].wider", "unknown key 'wider'", "did you mean 'wide'?")),
    Case("only-one-arrangement",
         "      wide:\n        columns:\n          - {width: 1, top: [logo, message, body], middle: [others], "
         "bottom: [sender, partner]}\n        band: [help]\n", "", "name: help",
         ("document.kinds[3].wide", "page kind 'help' gives one arrangement without the other", "add wide:")),
    Case("statistic-page-once", "- {name: figure, shows: statistic, repeat: statistics}",
         "- {name: figure, shows: statistic, repeat: once}", "once}",
         ("document.kinds[1].repeat", "a page about a statistic is repeated for each figure",
          "write repeat: statistics")),
    Case("misspelled-block-key", "  figures: 4", "  figure: 4", "figure:",
         ("document.figure", "unknown key 'figure'", "did you mean 'figures'?")),
]


def _position(text: str, snippet: str, near: int) -> tuple[int, int]:
    found, index = [], text.find(snippet)
    while index >= 0:
        found.append(index)
        index = text.find(snippet, index + 1)
    index = min(found, key=lambda i: abs(i - near))
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_bad_document_block_is_one_located_error(case: Case, tmp_path: Path) -> None:
    start = CAROUSEL.index(case.after) if case.after else 0
    assert case.old in CAROUSEL[start:], case.old
    at = CAROUSEL.index(case.old, start)
    text = CAROUSEL[:at] + case.new + CAROUSEL[at + len(case.old):]
    path = tmp_path / "carousel.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_template(path)
    found = raised.value.diagnostic
    shown = found.format()
    line, col = _position(text, case.at, at)
    assert found.location is not None and found.location.file == path
    assert (found.location.line, found.location.column) == (line, col), shown
    for word in case.words:
        assert word in shown, (word, shown)


def test_the_shipped_carousel_reads_as_a_document() -> None:
    template = load_template(templates_dir() / "carousel.yaml")
    assert template.formats == ("post-4x5", "post-1x1")
    assert template.document is not None
    assert [(k.name, k.shows, k.repeat) for k in template.document.pages] == [
        ("title", "programme", "once"), ("figure", "statistic", "statistics"),
        ("action", "message", "action-lines"), ("help", "message", "once")]
    assert (template.document.min_pages, template.document.max_pages, template.document.figures) == (3, 10, 4)
    assert template.made_for("post-4x5") and not template.made_for("a4")
    # a page without arrangements of its own is laid out with the template's
    figure = template.for_page(template.document.pages[1])
    assert figure.tall == template.tall and figure.document is None
    title = template.for_page(template.document.pages[0])
    assert "campaign" in title.tall.columns[0].middle and title.tall.band == ("help",)


def test_a_template_without_formats_is_made_for_every_format(tmp_path: Path) -> None:
    text = (templates_dir() / "women-men.yaml").read_text(encoding="utf-8")
    (tmp_path / "women-men.yaml").write_text(re.sub(r"(?m)^formats:.*\n", "", text), encoding="utf-8")
    template = load_template(tmp_path / "women-men.yaml")
    assert template.formats == () and template.document is None
    assert template.made_for("a0") and template.made_for("post-4x5")
