"""A template's `document:` block (the pages of a carousel or handout) and its `formats:` list.

    formats: [post-4x5, post-1x1]
    document:
      pages: {min: 3, max: 10}
      figures: 4                 # the default figure set: the campaign's first four statistics
      kinds:
        - {name: title, shows: programme, tall: {...}, wide: {...}}
        - {name: figure, shows: statistic, repeat: statistics}       # the template's own tall/wide
        - {name: action, shows: message, repeat: action-lines, tall: {...}, wide: {...}}
        - {name: help, shows: message, tall: {...}, wide: {...}}

    A page shown once may show every chosen figure together (a handout's front, `shows: statistics`).

Every error is located (file:line:col) and names the key path and the fix, like the rest of
the template's fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from campaign_studio.content.schema import Choice, Field, ListOf, Number, Obj, Schema, Text, node_at
from campaign_studio.content.yamlsource import YMap, YNode, YSeq
from campaign_studio.model.diagnostics import Diagnostics
from campaign_studio.model.template import Arrangement, DocumentSpec, PageSpec, Slot

PAGE_SHOWS = ("statistic", "statistics", "message", "programme")
REPEATS = ("once", "statistics", "action-lines")
# What a page repeats over decides what it shows; a page shown once shows the programme or the
# campaign's message about help (the one that names the contact it refers people to), or all the
# chosen figures at once (statistics).
REPEAT_SHOWS = {"statistics": "statistic", "action-lines": "message"}
MAX_PAGES = 20
# Content a page about the programme can show (anything that needs no statistic or message:
# the list of its action lines is the programme's own).
PROGRAMME_CONTENT = ("programme.", "help.", "brand.", "action_lines.")


def page_schema(arrangement: Schema) -> Obj:
    return Obj({
        "name": Field(Text(max_length=30, pattern=re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*"),
                           pattern_hint="use lower-case letters, digits and hyphens", expected="a page name")),
        "shows": Field(Choice(options=PAGE_SHOWS)),
        "repeat": Field(Choice(options=REPEATS), required=False, default="once"),
        "tall": Field(arrangement, required=False),
        "wide": Field(arrangement, required=False),
        "tall_alternatives": Field(ListOf(arrangement), required=False, default=[]),
        "wide_alternatives": Field(ListOf(arrangement), required=False, default=[]),
    })


def document_schema(arrangement: Schema) -> Obj:
    count = Number(minimum=1, maximum=MAX_PAGES, integer=True, range_name="a number of pages")
    return Obj({
        "pages": Field(Obj({"min": Field(count), "max": Field(count)})),
        "figures": Field(Number(minimum=1, maximum=MAX_PAGES, integer=True, range_name="a number of figures"),
                         required=False, default=4),
        "kinds": Field(ListOf(page_schema(arrangement), min_items=1)),
    })


def check_formats(value: list[str], node: YNode, known: list[str], diags: Diagnostics) -> tuple[str, ...]:
    """The template's `formats:` list: ids of known formats, each once."""
    seq = node if isinstance(node, YSeq) else None
    seen: set[str] = set()
    for i, fmt in enumerate(value):
        where = seq.items[i].loc if seq else node.loc
        if fmt not in known:
            diags.error(f"unknown format {fmt!r}", where, f"formats[{i}]", "use one of " + ", ".join(known))
        elif fmt in seen:
            diags.error(f"format {fmt!r} is listed twice", where, f"formats[{i}]", "list each format once")
        seen.add(fmt)
    return tuple(value)


def read_document(data: dict[str, Any], node: YMap, slots: dict[str, Slot], template_shows: str,
                  arrangement: Callable[[str, YNode, dict[str, Any]], Arrangement],
                  diags: Diagnostics) -> DocumentSpec | None:
    """The checked `document:` block (data: its schema-checked value; node: the block's node).

    arrangement(key_path, node, value) turns a checked arrangement into the model and reports
    slots that are not defined. Returns None after reporting errors.
    """
    kinds_node = node_at(node, "kinds")
    pages: list[PageSpec] = []
    names: set[str] = set()
    before = len(diags.errors)
    for i, spec in enumerate(data["kinds"]):
        page_node = kinds_node.items[i] if isinstance(kinds_node, YSeq) else kinds_node
        path = f"document.kinds[{i}]"
        name, shows, repeat = spec["name"], spec["shows"], spec["repeat"]
        if name in names:
            diags.error(f"page kind {name!r} is defined twice", node_at(page_node, "name").loc, f"{path}.name",
                        "give each page kind its own name")
        names.add(name)
        wanted = REPEAT_SHOWS.get(repeat)
        if wanted and shows != wanted:
            diags.error(f"a page repeated over {repeat} shows a {wanted}, not a {shows}",
                        node_at(page_node, "shows").loc, f"{path}.shows", f"write shows: {wanted}")
        elif repeat == "once" and shows == "statistic":
            diags.error("a page about a statistic is repeated for each figure", node_at(page_node, "repeat").loc,
                        f"{path}.repeat", "write repeat: statistics")
        if (spec["tall"] is None) != (spec["wide"] is None):
            missing = "wide" if spec["wide"] is None else "tall"
            diags.error(f"page kind {name!r} gives one arrangement without the other", page_node.loc,
                        f"{path}.{missing}", f"add {missing}: (or leave out both to use the template's)")
            continue
        if spec["tall"] is None and shows != template_shows:
            diags.error(f"page kind {name!r} shows a {shows} but uses the template's arrangements, which show a "
                        f"{template_shows}", page_node.loc, path, "give the page its own tall: and wide:")
            continue

        def own(key: str, index: int | None = None, spec: dict[str, Any] = spec, page_node: YNode = page_node,
                path: str = path) -> Arrangement:
            value = spec[key] if index is None else spec[key][index]
            where = node_at(page_node, key) if index is None else node_at(page_node, key, index)
            return arrangement(f"{path}.{key}" + ("" if index is None else f"[{index}]"), where, value)

        if spec["tall"] is None:
            page = PageSpec(name, shows, repeat, Arrangement((), ()), Arrangement((), ()), page_node.loc)
        else:
            page = PageSpec(name, shows, repeat, own("tall"), own("wide"), page_node.loc,
                            tuple(own("tall_alternatives", k) for k in range(len(spec["tall_alternatives"]))),
                            tuple(own("wide_alternatives", k) for k in range(len(spec["wide_alternatives"]))))
            check_page_content(page, page_node, path, slots, diags)
        pages.append(page)
    low, high = data["pages"]["min"], data["pages"]["max"]
    if low > high:
        diags.error(f"pages min {low} is larger than max {high}", node_at(node, "pages").loc, "document.pages",
                    "make min at most max, e.g. min: 3, max: 10")
    if len(diags.errors) > before:
        return None
    return DocumentSpec(tuple(pages), low, high, data["figures"], node.loc)


def check_page_content(page: PageSpec, node: YNode, path: str, slots: dict[str, Slot], diags: Diagnostics) -> None:
    """The slots a page arranges must show what a page of its kind is about."""
    used = {n for a in (page.tall, page.wide, *page.tall_alternatives, *page.wide_alternatives)
            for c in a.columns for n in (*c.top, *c.middle, *c.bottom)} | {
        n for a in (page.tall, page.wide, *page.tall_alternatives, *page.wide_alternatives) for n in a.band}
    for name in sorted(used):
        slot = slots.get(name)
        if slot is None:
            continue  # reported by the arrangement
        owner = slot.content.split(".")[0]
        if page.shows == "programme":
            fits = slot.content.startswith(PROGRAMME_CONTENT)
        elif page.shows == "message":
            fits = owner not in ("statistic", "statement")
        else:
            fits = owner not in ("message", "action_line", "statement")
        if not fits:
            diags.error(f"page kind {page.name!r} shows a {page.shows}, but its slot {name!r} shows {slot.content!r}",
                        node.loc, path, f"remove {name!r} from this page's arrangements, or use a slot that shows "
                        f"{page.shows} content")
