"""Turn campaign content into rows for `campaign-studio list` (table or JSON)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from campaign_studio.model.campaign import Campaign, Text
from campaign_studio.model.formats import MM, Format


def plain(value: Any) -> Any:
    """A JSON-ready copy of model data: texts become their source string."""
    if isinstance(value, Text):
        return value.source
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)
                if not f.name.startswith("_") and f.name != "location"}
    return value


def stat_rows(campaign: Campaign) -> list[dict[str, Any]]:
    rows = []
    for stat in campaign.statistics:
        row = plain(stat)
        row["source_citation"] = campaign.source(stat.source).citation.source
        rows.append(row)
    return rows


def collection_rows(campaign: Campaign, what: str) -> list[dict[str, Any]]:
    return [plain(item) for item in getattr(campaign, what)]


def language_rows(campaign: Campaign) -> list[dict[str, Any]]:
    from campaign_studio.content.campaign_loader import texts
    from campaign_studio.content.languages import language_info
    from campaign_studio.content.translations import State, campaign_catalog, translation_languages

    all_texts = texts(campaign)
    rows = []
    src = language_info(campaign.source_language)
    rows.append({"id": src.code, "name": src.name, "native_name": src.native_name, "script": src.script,
                 "direction": src.direction, "state": "source", "translated": len(all_texts), "draft": 0,
                 "outdated": 0, "missing": 0})
    # an edition's: the languages it is made in (its own PO files over its campaign's)
    codes = campaign.edition.languages if campaign.edition is not None else translation_languages(campaign)
    for code in codes:
        catalog = campaign_catalog(campaign, code)
        if code == campaign.source_language or catalog is None:
            continue
        info = language_info(code)
        counts = {s: 0 for s in State}
        for t in all_texts:
            counts[catalog.state(t)] += 1
        state = "draft" if counts[State.DRAFT] else "reviewed"
        if counts[State.MISSING] or counts[State.OUTDATED]:
            state = "incomplete"
        rows.append({"id": code, "name": info.name, "native_name": info.native_name, "script": info.script,
                     "direction": info.direction, "state": state, "translated": counts[State.CURRENT],
                     "draft": counts[State.DRAFT], "outdated": counts[State.OUTDATED],
                     "missing": counts[State.MISSING]})
    return rows


def _number(value: float) -> float | int:
    value = round(value, 1)
    return int(value) if value.is_integer() else value


def format_rows(formats: dict[str, Format]) -> list[dict[str, Any]]:
    return [{"id": f.id, "name": f.name, "kind": f.kind, "size": f.size_label,
             "width": _number(f.width if f.kind == "social" else f.width / MM),
             "height": _number(f.height if f.kind == "social" else f.height / MM),
             "unit": "px" if f.kind == "social" else "mm",
             "width_pt": round(f.width, 2), "height_pt": round(f.height, 2),
             "safe_area": list(f.safe_area) if f.safe_area else None,
             "bleed_mm": round(f.bleed * 25.4 / 72, 2)} for f in formats.values()]


# Columns shown in the table view, per list kind.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "stats": ("id", "values", "year", "verified", "label"),
    "messages": ("id", "headline", "statistic", "action_line", "help"),
    "help": ("id", "name", "phone", "url", "hours", "cost"),
    "action-lines": ("number", "id", "text"),
    "languages": ("id", "name", "script", "direction", "state", "translated", "draft", "outdated", "missing"),
    "templates": ("id", "name", "shows", "description"),
    "formats": ("id", "name", "kind", "size"),
    "brands": ("id", "name", "fonts", "logo", "folder"),
}


def cell(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict) and "group" in value[0]:
        return " ".join(f"{v['group']} {v['value']:g}" for v in value)
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if value is None:
        return "-"
    return str(value)


def table(rows: list[dict[str, Any]], columns: tuple[str, ...], max_width: int = 60) -> str:
    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def template_rows() -> list[dict[str, Any]]:
    from campaign_studio.content.design_loader import load_templates

    return [{"id": t.id, "name": t.name, "shows": t.shows, "description": t.description,
             "slots": {n: {"kind": s.kind, "content": s.content, "required": s.required} for n, s in t.slots.items()},
             "file": str(t.path)} for t in load_templates().values()]


def brand_rows() -> list[dict[str, Any]]:
    """The shipped brand kits: colours by role, fonts (own files named), logos and their kind."""
    from campaign_studio.content.design_loader import brand_ids, load_brand
    from campaign_studio.content.logos import logo_info
    from campaign_studio.model.template import Brand

    def family(brand: Brand, key: str) -> str:
        faces = brand.font_files.get(key)
        return next(iter(faces.values())).family if faces else key

    def logo(path: Path | None) -> dict[str, Any] | None:
        if path is None:
            return None
        info = logo_info(path)
        return {"file": path.name, "kind": info.format, "width": _number(info.width), "height": _number(info.height)}

    rows = []
    for brand_id in brand_ids():
        b = load_brand(brand_id)
        fonts = dict.fromkeys((family(b, b.heading_font), family(b, b.body_font)))
        rows.append({
            "id": b.id, "name": b.name, "fonts": " / ".join(fonts),
            "logo": f"{b.logo.name}" if b.logo else "",
            "folder": str(b.path.parent),
            "colors": {role: c.hex for role, c in b.colors.items()},
            "series": [c.hex for c in b.series_colors()],
            "heading_font": family(b, b.heading_font), "body_font": family(b, b.body_font),
            "font_files": [str(f.path) for faces in b.font_files.values() for f in dict.fromkeys(faces.values())],
            "logo_file": logo(b.logo), "partner_logo": logo(b.partner_logo), "partner_line": b.partner_line,
            "logo_placement": {"vertical": b.placement.vertical, "horizontal": b.placement.horizontal,
                               "clear_space": b.placement.clear_space},
            "logo_size": {"preferred": b.logo_preferred, "minimum": b.logo_minimum},
        })
    return rows
