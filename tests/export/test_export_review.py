"""OUTDIR/index.html: its content read back by parsing, and the page driven in Debian's chromium (Selenium)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from exportkit import manifest
from PIL import Image

from campaign_studio.export.review import COLOURS, TEXT_PAIRS
from campaign_studio.model.colour import contrast_ratio
from campaign_studio.model.pagetree import Color

JOB = ("-t", "women-men", "-t", "where-to-get-help", "-f", "post-1x1", "-f", "a4", "-l", "nl", "-l", "ar",
       "-k", "png", "-k", "pdf", "-k", "alt", "-j", "1")


class _Page(HTMLParser):
    """Every element with its attributes, and the text inside each <article>."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.articles: list[dict[str, Any]] = []
        self._depth = 0
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if tag == "article":
            self.articles.append({"attrs": a, "elements": [], "text": ""})
        elif self.articles and tag != "article":
            self.articles[-1]["elements"].append((tag, a))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        elif self.articles:
            self.articles[-1]["text"] += data


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from campaign_studio.cli.main import run

    out = tmp_path_factory.mktemp("review") / "out"
    assert run(["export", *JOB, "-o", str(out), "--quiet"]) == 0
    return out


def _parse(out: Path) -> _Page:
    page = _Page()
    page.feed((out / "index.html").read_text(encoding="utf-8"))
    return page


def test_one_entry_per_design_with_its_picture_alternative_and_files(exported: Path) -> None:
    page = _parse(exported)
    outputs = manifest(exported)["outputs"]
    designs = {(e["edition"], e["language"], e["template"], e["subject"], e["format"]) for e in outputs.values()}
    assert len(page.articles) == len(designs) == 8
    for article in page.articles:
        a = article["attrs"]
        mine = {p: e for p, e in outputs.items() if (e["edition"], e["language"], e["template"], e["subject"], e["format"])
                == (a["data-edition"], a["data-lang"], a["data-template"], a["data-subject"], a["data-format"])}
        assert mine
        first = next(iter(mine.values()))
        img = next(attrs for tag, attrs in article["elements"] if tag == "img")
        assert img["alt"] == first["alt"] and img["src"] == first["thumbnail"]
        with Image.open(exported / img["src"]) as thumb:
            assert thumb.format == "JPEG" and thumb.width == 320
        links = {unquote(attrs["href"]) for tag, attrs in article["elements"] if tag == "a"}
        assert links == set(mine)  # every file of the design, and only those
        assert all((exported / link).is_file() for link in links)
        alt = next(attrs for tag, attrs in article["elements"] if tag == "p" and "alt" in attrs.get("class", ""))
        assert (alt["lang"], alt["dir"]) == (a["data-lang"], "rtl" if a["data-lang"] == "ar" else "ltr")
        findings = {d["severity"] for d in first["diagnostics"]}
        assert a["data-findings"] == ("error" if "error" in findings else "warning" if findings else "none")
    # grouped by edition, then language: the campaign's own language first, Arabic right to left
    groups = [attrs for tag, attrs in page.elements if tag == "section" and attrs.get("class") == "lang-group"]
    assert [(g["lang"], g["dir"]) for g in groups] == [("nl", "ltr"), ("ar", "rtl")]


def test_the_page_is_self_contained_and_passes_its_own_contrast(exported: Path) -> None:
    page = _parse(exported)
    for tag, attrs in page.elements:
        for key in ("src", "href"):
            if key in attrs:
                assert not re.match(r"^[a-z]+:", attrs[key]) and not attrs[key].startswith("/"), (tag, attrs)
                assert (exported / unquote(attrs[key])).exists(), attrs[key]
        assert not (tag == "link" and attrs.get("rel") == "stylesheet")
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in page.elements
    declared = dict(re.findall(r"--([a-z]+):(#[0-9a-f]{6})", page.style))
    names = {"bg": "background"}
    assert {names.get(k, k): v for k, v in declared.items()} == COLOURS
    for fg, bg in TEXT_PAIRS:
        ratio = contrast_ratio(Color.from_hex(COLOURS[fg]), Color.from_hex(COLOURS[bg]))
        assert ratio >= 4.5, (fg, bg, ratio)
    # a checklist per edition, to print and sign
    assert ("section", {"class": "checklist", "aria-labelledby": "check-national"}) in page.elements


def _browser() -> Any:
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    webdriver = pytest.importorskip("selenium.webdriver")
    if not (chromium and driver):
        pytest.skip("Debian's chromium and chromium-driver are not installed (make setup installs them)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)


def test_the_review_page_in_chromium_filters_by_keyboard_and_fits_a_phone(exported: Path, tmp_path: Path) -> None:
    browser = _browser()
    try:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        browser.get((exported / "index.html").as_uri())
        entries = browser.find_elements(By.CSS_SELECTOR, "article.design")
        assert len(entries) == 8 and all(e.is_displayed() for e in entries)
        assert browser.find_element(By.ID, "count").text == "8 of 8 designs shown"
        # keyboard only: tab to the language filter, pick the second language
        body = browser.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB, Keys.TAB)
        assert browser.switch_to.active_element.get_attribute("id") == "f-lang"
        browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
        shown = [e for e in browser.find_elements(By.CSS_SELECTOR, "article.design") if e.is_displayed()]
        assert {e.get_attribute("data-lang") for e in shown} == {"ar"} and len(shown) == 4
        assert browser.find_element(By.ID, "count").text == "4 of 8 designs shown"
        heading = browser.find_element(By.CSS_SELECTOR, "section.lang-group[lang=ar]")
        assert heading.value_of_css_property("direction") == "rtl"
        browser.save_screenshot(str(tmp_path / "review.png"))
        # a phone's width: nothing wider than the screen
        browser.set_window_size(390, 844)
        width = browser.execute_script("return document.documentElement.scrollWidth")
        inner = browser.execute_script("return window.innerWidth")
        assert width <= inner
    finally:
        browser.quit()
    with Image.open(tmp_path / "review.png") as shot:
        assert shot.width > 0
