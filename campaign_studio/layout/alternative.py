"""A design's text alternative and data table, written from the same data as its marks.

A design with charts is described by its charts' own alternatives (layout.charts.chart_alt,
carried on each FigureGroup); one without is described by the campaign's `design` pattern:
headline, figure or finding, and helpline in one sentence. The data table has one row per
value the design shows, formatted for its language.
"""

from __future__ import annotations

import csv
import io

from campaign_studio.layout.blocks import Subject
from campaign_studio.layout.charts import ALT_MAX, chart_alt, figures_long, fill_pattern, formatted, pattern, values_sentence
from campaign_studio.layout.help_blocks import contact_for
from campaign_studio.layout.infographic import shown_statistics
from campaign_studio.layout.localise import Localiser
from campaign_studio.model.campaign import Campaign, HelpContact
from campaign_studio.model.pagetree import FigureGroup, Page

# The source's citation as the design writes it, then its parts (publisher, title, year, web
# address) for whoever re-uses the table, and whether the primary source was confirmed.
DATA_COLUMNS = ("statistic", "group", "value", "unit", "definition", "population", "year", "source",
                "source_publisher", "source_title", "source_year", "source_url", "verified")


def describe(page: Page, campaign: Campaign, subject: Subject, loc: Localiser) -> tuple[str, str]:
    """The page's short and long text alternative."""
    charts = [i for i in page.walk() if isinstance(i, FigureGroup) and i.role == "chart"]
    if charts and subject.statistics:  # several figures: their definitions and sources once where shared
        return charts[0].alt, figures_long(loc, campaign, shown_statistics(subject, page.metadata.get("dropped", "")))
    if charts:
        return charts[0].alt, " ".join(dict.fromkeys(c.long_alt for c in charts))
    help_text = _help_shown(page, campaign, subject, loc)
    if subject.statistic is not None:
        stat = subject.statistic
        headline, figure = loc.text(stat.label), values_sentence(loc, stat)
        long = chart_alt(loc, campaign, stat)[1]
    elif subject.statement is not None:
        headline, figure = "", loc.text(subject.statement.text)
        long = ""
    elif subject.message is not None:
        msg = subject.message
        headline, figure = loc.text(msg.headline), loc.text(msg.body)
        long = ""
    else:
        headline, figure, long = loc.text(campaign.programme.title), "", ""
    sentence = fill_pattern(pattern(loc, campaign, "design"), headline=headline, figure=figure, help=help_text)
    short = sentence
    if len(short) > ALT_MAX:  # the short text keeps where to get help: the body text goes first
        short = fill_pattern(pattern(loc, campaign, "design"), headline=headline, figure="", help=help_text)
    if len(short) > ALT_MAX:
        short = short[: ALT_MAX - 1].rsplit(" ", 1)[0] + "…"
    return short, " ".join(p for p in (sentence, long) if p)


def _help_shown(page: Page, campaign: Campaign, subject: Subject, loc: Localiser) -> str:
    """Where the design sends people, as it shows it: the national helpline, and before it a card's own main
    contact (an edition's, a message's) when the page shows that contact's number or address."""
    def said(contact: HelpContact) -> str:
        return " ".join(p for p in (loc.text(contact.name), loc.isolate(contact.phone or contact.url or "")) if p)

    national = campaign.primary_help
    main = contact_for(campaign, subject.message)
    if main is not national:
        reach = main.phone or main.url or ""
        wanted = {reach, loc.numbers(reach), reach.removeprefix("https://").removeprefix("http://")} - {""}
        if any(w in b.text for b in page.text_blocks() for w in wanted):
            return loc.join(said(main), said(national))
    return said(national)


def alt_text(page: Page) -> bytes:
    """NAME.alt.txt: the short text on the first line, a blank line, the long description."""
    return f"{page.alt}\n\n{page.long_alt}\n".encode()


def data_table(campaign: Campaign, subject: Subject, loc: Localiser, page: Page | None = None) -> bytes | None:
    """NAME.data.csv: one row per value shown (every figure's, in the order shown), or None when the
    design shows no figures."""
    shown = shown_statistics(subject, page.metadata.get("dropped", "")) if page is not None else subject.figures
    if not shown:
        return None
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(DATA_COLUMNS)
    for stat, value in ((s, v) for s in shown for v in s.values):
        source = campaign.source(stat.source)
        writer.writerow([stat.id, loc.text(campaign.group(value.group).label), formatted(loc, stat, value.value),
                         stat.unit, loc.text(stat.definition), loc.text(stat.population), loc.numbers(str(stat.year)),
                         loc.text(source.citation), source.publisher, source.title, loc.numbers(str(source.year)),
                         source.url or "", "yes" if stat.verified else "no"])
    return out.getvalue().encode("utf-8")
