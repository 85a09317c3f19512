"""Load a campaign folder: read campaign.yaml, validate it, build the model.

Problems found in content that could be read are diagnostics (exit code 1);
content that cannot be read at all raises InputError (exit code 2).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from campaign_studio.content import files
from campaign_studio.content.campaign_schema import CAMPAIGN
from campaign_studio.content.schema import INVALID, node_at
from campaign_studio.content.yamlsource import YMap, YNode, YSeq, parse_yaml, read_text
from campaign_studio.model import campaign as m
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location
from campaign_studio.model.edition import EditionRule, EditionRules

CAMPAIGN_FILE = "campaign.yaml"

# collection key -> the id fields of other collections its items refer to
_REFERENCES: dict[str, dict[str, str]] = {
    "statistics": {"source": "sources"},
    "statements": {"source": "sources", "picture": "pictures"},
    "messages": {"statistic": "statistics", "statement": "statements", "action_line": "action_lines", "help": "help_contacts",
                 "picture": "pictures"},
}
_COLLECTIONS = (
    "organisations",
    "sources",
    "groups",
    "statistics",
    "statements",
    "action_lines",
    "help_contacts",
    "messages",
    "pictures",
)
# The chart patterns a campaign without a `charts:` section gets (its texts are then Dutch).
DEFAULT_CHART_TEXTS = {
    "icon_count": "{count} van de {total} {group}",
    "alt": "{label}: {values}.",
    "long": "{label}: {values}. {definition} {population}, {year}. {source}",
    "design": "{headline} {figure} {help}",
    "compare_alt": "{first}; {second}.",
    "figures_long": "{figures} {population}, {year}. {source}",
}
_CHART_NOTES = {
    "icon_count": "Under a chart of 100 person figures: {count} is how many are filled, {total} is 100, {group} the "
                  "group's name (vrouwen).",
    "alt": "Short text alternative of a chart (at most 150 characters): {label} is the statistic's name, {values} "
           "its figures with their groups (22% van de vrouwen en 6% van de mannen).",
    "long": "Long description of a chart: {label} the statistic's name, {values} its figures with their groups, "
            "{definition} and {population} the statistic's texts, {year} the year, {source} the source citation.",
    "design": "Text alternative of a design without a chart: {headline} its headline, {figure} its figure or "
              "finding, {help} the helpline (name and number).",
    "compare_alt": "Short text alternative of a chart comparing two statistics on one scale (at most 150 characters): "
                   "{first} and {second} are each a statistic's name and its figures with their groups "
                   "(Slachtoffer van seksueel geweld: 22% van de vrouwen en 6% van de mannen).",
    "figures_long": "Long description of several figures that share their population, year and source: {figures} are "
                    "the figures, each its name, its values with their groups and its definition; {population}, "
                    "{year} and {source} as in the long description of one chart.",
}


@dataclass
class LoadedCampaign:
    campaign: m.Campaign | None
    diagnostics: Diagnostics
    file: Path


def campaign_file(folder: Path) -> Path:
    files.refuse_link_loop(folder, "the campaign folder")
    if not folder.exists():
        raise InputError(
            Diagnostic("error", "campaign folder not found", Location(folder), hint="check the --campaign path")
        )
    if not folder.is_dir():
        raise InputError(
            Diagnostic(
                "error",
                "--campaign must name a folder that holds campaign.yaml, not a file",
                Location(folder),
                hint=f"use --campaign {folder.parent}" if folder.name == CAMPAIGN_FILE else "",
            )
        )
    path = folder / CAMPAIGN_FILE
    files.refuse_link_loop(path, CAMPAIGN_FILE)
    if not path.exists():
        raise InputError(
            Diagnostic(
                "error",
                f"no {CAMPAIGN_FILE} in this folder",
                Location(folder),
                hint="create one with 'campaign-studio init DIR', or point --campaign at the right folder",
            )
        )
    return path


def load_campaign(folder: Path, translations_folder: Path | None = None) -> LoadedCampaign:
    """Read and validate a campaign folder. Raises InputError for unreadable input."""
    path = campaign_file(folder)
    root = parse_yaml(read_text(path, CAMPAIGN_FILE), path)
    diags = Diagnostics()
    if root is None:
        raise InputError(
            Diagnostic(
                "error",
                f"{CAMPAIGN_FILE} is empty",
                Location(path, 1, 1),
                hint="start from a copy made with 'campaign-studio init DIR'",
            )
        )
    if not isinstance(root, YMap):
        is_list = isinstance(root, YSeq)
        raise InputError(
            Diagnostic(
                "error",
                f"{CAMPAIGN_FILE} must be a mapping of keys (format:, id:, programme:, ...), "
                f"found {'a list' if is_list else 'a single value'}",
                root.loc,
                hint="remove the leading '- ' so the top level is 'key: value' lines" if is_list
                else "start from a copy made with 'campaign-studio init DIR'",
            )
        )
    data = CAMPAIGN.check(root, "", diags)
    if data is INVALID:
        return LoadedCampaign(None, diags, path)
    _check_ids_and_references(data, root, diags)
    if diags.has_errors:
        return LoadedCampaign(None, diags, path)
    for i, stat in enumerate(data["statistics"]):
        if not stat["verified"]:
            diags.warning(
                f"statistic {stat['id']!r} is not verified: its primary source is not confirmed",
                node_at(root, "statistics", i, "verified").loc,
                f"statistics[{i}].verified",
                "check the figure against its source before publishing, then set verified: true",
            )
    campaign = _build(data, root, folder, translations_folder or folder / "translations")
    from campaign_studio.content.edition_locks import check_rules  # it reads the campaign's texts (from here)

    check_rules(campaign, diags)
    if diags.has_errors:
        return LoadedCampaign(None, diags, path)
    return LoadedCampaign(campaign, diags, path)


def _check_ids_and_references(data: dict[str, Any], root: YMap, diags: Diagnostics) -> None:
    ids: dict[str, set[str]] = {}
    for collection in _COLLECTIONS:
        seen: dict[str, int] = {}
        for i, item in enumerate(data[collection]):
            if item["id"] in seen:
                first = seen[item["id"]]
                diags.error(
                    f"duplicate id {item['id']!r} (also used by {collection}[{first}] on line "
                    f"{node_at(root, collection, first, 'id').loc.line})",
                    node_at(root, collection, i, "id").loc,
                    f"{collection}[{i}].id",
                    "give each item its own id",
                )
            seen.setdefault(item["id"], i)
        ids[collection] = set(seen)

    def refer(target: str, value: str, node: YNode, path: str) -> None:
        if value in ids[target]:
            return
        close = difflib.get_close_matches(value, sorted(ids[target]), n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"known ids: {', '.join(sorted(ids[target])) or 'none'}"
        diags.error(f"refers to {target[:-1].replace('_', ' ')} {value!r}, which does not exist", node.loc, path, hint)

    for collection, refs in _REFERENCES.items():
        for i, item in enumerate(data[collection]):
            for key, target in refs.items():
                if item.get(key):
                    refer(target, item[key], node_at(root, collection, i, key), f"{collection}[{i}].{key}")
    for i, stat in enumerate(data["statistics"]):
        for j, value in enumerate(stat["values"]):
            refer("groups", value["group"], node_at(root, "statistics", i, "values", j, "group"),
                  f"statistics[{i}].values[{j}].group")
        first_of: dict[str, int] = {}
        for j, value in enumerate(stat["values"]):
            if value["group"] in first_of:
                diags.error(f"group {value['group']!r} appears twice in statistic {stat['id']!r} "
                            f"(also values[{first_of[value['group']]}])",
                            node_at(root, "statistics", i, "values", j, "group").loc,
                            f"statistics[{i}].values[{j}].group", "list each group once")
            first_of.setdefault(value["group"], j)
    for i, picture in enumerate(data["pictures"]):
        if len(picture["focus"]) != 2:
            diags.error("focus is two numbers: across and down", node_at(root, "pictures", i, "focus").loc,
                        f"pictures[{i}].focus", "write e.g. focus: [0.5, 0.4]")
    numbers: dict[int, int] = {}
    for i, line in enumerate(data["action_lines"]):
        if line["number"] in numbers:
            diags.error(f"action line number {line['number']} is used twice", node_at(root, "action_lines", i, "number").loc,
                        f"action_lines[{i}].number", "number the action lines 1, 2, 3, ...")
        numbers.setdefault(line["number"], i)
    contacts = data["help_contacts"]
    primaries = [i for i, h in enumerate(contacts) if h["primary"]]
    if not primaries:
        diags.error(
            "no help contact is primary; exactly one must be (the national helpline shown on every output)",
            root.entries["help_contacts"][0],
            "help_contacts",
            "add 'primary: true' to the national helpline",
        )
    for i in primaries[1:]:
        first = primaries[0]
        diags.error(
            f"help contact {contacts[i]['id']!r} is primary, but {contacts[first]['id']!r} "
            f"(help_contacts[{first}]) already is; exactly one may be",
            node_at(root, "help_contacts", i, "primary").loc,
            f"help_contacts[{i}].primary",
            "keep 'primary: true' on one contact only",
        )
    if primaries and not contacts[primaries[0]]["national"]:
        i = primaries[0]
        diags.error(f"the primary help contact {contacts[i]['id']!r} must be national",
                    node_at(root, "help_contacts", i, "national").loc,
                    f"help_contacts[{i}].national", "set national: true, or make a national contact primary")


def _build(data: dict[str, Any], root: YMap, folder: Path, translations: Path) -> m.Campaign:
    def text(value: str, text_id: str, *keys: str | int) -> m.Text:
        return m.Text(text_id, value, node_at(root, *keys).loc)

    def opt_text(value: str | None, text_id: str, *keys: str | int) -> m.Text | None:
        return None if value is None else text(value, text_id, *keys)

    of_group = {g["id"]: g["of_group"] for g in data["groups"]}
    p = data["programme"]
    programme = m.Programme(
        **{k: text(p[k], f"programme.{k}", "programme", k) for k in
           ("name", "title", "campaign_name", "sender_line", "description")},
        runs_until=p["runs_until"],
    )
    charts = data.get("charts") or {}
    chart_texts = m.ChartTexts(**{
        key: replace(text(charts[key], f"charts.{key}", "charts", key) if charts.get(key) else
                     m.Text(f"charts.{key}", DEFAULT_CHART_TEXTS[key], Location(folder / CAMPAIGN_FILE)),
                     note=_CHART_NOTES[key])
        for key in m.CHART_PLACEHOLDERS})
    return m.Campaign(
        chart_texts=chart_texts,
        edition_rules=_edition_rules(data.get("editions"), root),
        id=data["id"],
        source_language=data["source_language"],
        folder=folder,
        translations_folder=translations,
        programme=programme,
        organisations=tuple(
            m.Organisation(o["id"], text(o["name"], f"organisations.{o['id']}.name", "organisations", i, "name"),
                           o["short"], o["role"])
            for i, o in enumerate(data["organisations"])
        ),
        sources=tuple(
            m.Source(s["id"], s["publisher"], s["title"], s["year"],
                     text(s["citation"], f"sources.{s['id']}.citation", "sources", i, "citation"), s["url"], s["checked"])
            for i, s in enumerate(data["sources"])
        ),
        groups=tuple(
            m.Group(g["id"], text(g["label"], f"groups.{g['id']}.label", "groups", i, "label"), g["of_group"])
            for i, g in enumerate(data["groups"])
        ),
        statistics=tuple(
            m.Statistic(
                id=s["id"],
                **{k: text(s[k], f"statistics.{s['id']}.{k}", "statistics", i, k)
                   for k in ("label", "definition", "population")},
                year=s["year"],
                source=s["source"],
                unit=s["unit"],
                verified=s["verified"],
                values=tuple(m.StatValue(v["group"], v["value"], _phrase(s["id"], s["unit"], v, of_group, text, i, j))
                             for j, v in enumerate(s["values"])),
                note=opt_text(s["note"], f"statistics.{s['id']}.note", "statistics", i, "note"),
                location=node_at(root, "statistics", i).loc,
            )
            for i, s in enumerate(data["statistics"])
        ),
        statements=tuple(
            m.Statement(s["id"], text(s["text"], f"statements.{s['id']}.text", "statements", i, "text"), s["source"],
                        s["picture"])
            for i, s in enumerate(data["statements"])
        ),
        action_lines=tuple(
            m.ActionLine(a["id"], a["number"], text(a["text"], f"action_lines.{a['id']}.text", "action_lines", i, "text"))
            for i, a in enumerate(data["action_lines"])
        ),
        help_contacts=tuple(
            m.HelpContact(
                id=h["id"],
                **{k: text(h[k], f"help_contacts.{h['id']}.{k}", "help_contacts", i, k)
                   for k in ("name", "description", "hours", "cost")},
                phone=h["phone"],
                url=h["url"],
                free=h["free"],
                national=h["national"],
                primary=h["primary"],
            )
            for i, h in enumerate(data["help_contacts"])
        ),
        messages=tuple(
            m.Message(
                id=msg["id"],
                **{k: text(msg[k], f"messages.{msg['id']}.{k}", "messages", i, k)
                   for k in ("headline", "body", "call_to_action")},
                statistic=msg["statistic"],
                statement=msg["statement"],
                action_line=msg["action_line"],
                help=msg["help"],
                picture=msg["picture"],
            )
            for i, msg in enumerate(data["messages"])
        ),
        pictures=tuple(
            m.Picture(p["id"], _picture_file(folder, p["file"], root, i),
                      **{k: text(p[k], f"pictures.{p['id']}.{k}", "pictures", i, k) for k in ("alt", "credit")},
                      focus=(float(p["focus"][0]), float(p["focus"][1])))
            for i, p in enumerate(data["pictures"])
        ),
    )


def _picture_file(folder: Path, written: str, root: YMap, i: int) -> Path:
    """A picture's file, held to a logo's bounds: inside the campaign folder, a safe SVG or a raster image
    that is no decompression bomb; refused (exit 2) at its line."""
    from campaign_studio.content import logos

    loc = node_at(root, "pictures", i, "file").loc
    key = f"pictures[{i}].file"
    path = logos.logo_path(folder, written, loc, key, thing="picture", example="pictures/photo.jpg",
                           where="campaign folder", beside=CAMPAIGN_FILE)
    if not logos.logo_info(path, loc, key).vector:  # a raster one decoded now: a bomb is refused at its line
        from campaign_studio.content.design_loader import logo_bound_px

        logos.load_logo(path, logo_bound_px(), loc, key)
    return path


def _edition_rules(data: dict[str, Any] | None, root: YMap) -> EditionRules:
    """campaign.yaml's `editions:` block with each pattern's line; none: editions may replace no text."""
    if data is None:
        return EditionRules()

    def rules(key: str) -> tuple[EditionRule, ...]:
        return tuple(EditionRule(p, node_at(root, "editions", key, i).loc) for i, p in enumerate(data[key]))

    return EditionRules(rules("overridable"), rules("locked"), root.entries["editions"][0])


def _phrase(stat_id: str, unit: str, value: dict[str, Any], of_group: dict[str, str], text: Callable[..., m.Text],
            i: int, j: int) -> m.Text:
    """The phrase joining a figure and its group: as written, or "{value}" and the group's of_group words.

    Its id names the figure (statistic and group), so each figure is translated on its own.
    """
    text_id = f"statistics.{stat_id}.values.{value['group']}.phrase"
    if value["phrase"] is not None:
        phrase = text(value["phrase"], text_id, "statistics", i, "values", j, "phrase")
    else:
        phrase = text(f"{m.VALUE} {of_group[value['group']]}", text_id, "statistics", i, "values", j, "group")
    # The note tells the translator which figure {value} is; translations keep it (PO `#.`), and one
    # made for another figure is outdated. Rewording the note outdates every phrase translation too.
    figure = f"{value['value']:g}{'%' if unit == 'percent' else ''}"
    note = (f"{m.VALUE} is the figure {figure}, written as the language writes it. Write the words for this "
            "figure: in some languages they depend on the number (Turkish: %22'si, %6'sı).")
    return replace(phrase, note=note)


def texts(campaign: m.Campaign) -> list[m.Text]:
    """Every translatable text of a campaign, in document order."""
    found: list[m.Text] = []

    def walk(value: object) -> None:
        if isinstance(value, m.Text):
            found.append(value)
        elif isinstance(value, tuple):
            for v in value:
                walk(v)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                if not name.startswith("_"):
                    walk(getattr(value, name))

    walk(campaign.programme)
    for collection in _COLLECTIONS:
        walk(getattr(campaign, collection))
    walk(campaign.chart_texts)
    return found
