"""Editions from a CSV file, one municipality per row: what a bulk export takes for many editions at once.

    name,brand,contact,phone,web,hours,languages,description,cost
    Gemeente Lindenhoven,lindenhoven/brand,Wijkteam Lindenhoven,14 0123,https://lindenhoven.example/hulp,...

Columns (the header row names them, in any order): name, brand, contact, phone, web, hours,
languages, description and cost are needed; id (default: made from the name) and free (yes/no,
default no) may be added. `brand` is a shipped brand's id, a brand-kit folder, or a logo file
(PNG, JPEG or SVG): the national brand with that logo. `languages` lists codes ("nl ar tr").
The row's contact is a local help contact beside the national helpline and the card's main
contact; `web` is its address and the help card's QR code. Each row is made into the mapping an
edition.yaml holds and checked by the same code, every problem at its row and column; a row
editions the export's campaign, and files it names are relative to the CSV's folder.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from campaign_studio.content import logos
from campaign_studio.content.campaign_loader import LoadedCampaign
from campaign_studio.content.edition_loader import FORMAT_VERSION, LoadedEdition, load_edition_root
from campaign_studio.content.yamlsource import YMap, YNode, YScalar, YSeq, read_text
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location

REQUIRED = ("name", "brand", "contact", "phone", "web", "hours", "languages", "description", "cost")
OPTIONAL = ("id", "free")
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
MAX_ROWS = 2000  # more municipalities than the Netherlands has
_COLUMN_OF = {"help_contacts[0].id": "contact", "help_contacts[0].name": "contact", "main_contact": "contact",
              "help_contacts[0].url": "web", "help_contacts[0].phone": "phone", "help_contacts[0].hours": "hours",
              "help_contacts[0].description": "description", "help_contacts[0].cost": "cost",
              "help_contacts[0].free": "free", "help_contacts[0]": "contact"}
_YES = {"yes": True, "ja": True, "true": True, "1": True, "no": False, "nee": False, "false": False, "0": False}


@dataclass(frozen=True)
class Row:
    line: int  # the row's line in the file (the header is line 1)
    cells: dict[str, tuple[str, Location]]  # column -> (value, where it is)


def is_edition_csv(path: Path) -> bool:
    return path.suffix.lower() == ".csv"


def read_rows(path: Path) -> list[Row]:
    """The rows of an editions CSV, each cell with its place; InputError (exit 2) for a file that is no such CSV."""
    text = read_text(path, "editions CSV").removeprefix("\ufeff")  # a spreadsheet's byte order mark
    try:
        sample = text[:4096]
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel  # one column, or quoting the sniffer cannot read: commas
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise InputError(Diagnostic("error", "the editions CSV is empty: it needs a header row and a row per "
                                        "edition", Location(path, 1, 1), hint="columns: " + ", ".join(REQUIRED)))
        columns = [h.strip().lower() for h in header]
        _check_header(path, columns)
        rows: list[Row] = []
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue  # a blank line between rows
            if len(rows) >= MAX_ROWS:
                raise InputError(Diagnostic("error", f"more than {MAX_ROWS} editions in one CSV", Location(path, line, 1),
                                            hint="split the file into several"))
            if len(values) > len(columns):
                raise InputError(Diagnostic("error", f"the row has {len(values)} cells, the header {len(columns)}",
                                            Location(path, line, len(columns) + 1),
                                            hint="quote a cell that holds the separator, e.g. \"9.00-17.00, ma-vr\""))
            cells = {c: ((values[i] if i < len(values) else "").strip(), Location(path, line, i + 1))
                     for i, c in enumerate(columns) if c}
            rows.append(Row(line, cells))
    except csv.Error as exc:
        raise InputError(Diagnostic("error", f"the editions CSV cannot be read: {exc}", Location(path, reader.line_num, 1),
                                    hint="save it as CSV (UTF-8) from the spreadsheet")) from None
    if not rows:
        raise InputError(Diagnostic("error", "the editions CSV has a header but no edition", Location(path, 1, 1),
                                    hint="add a row per municipality"))
    return rows


def _check_header(path: Path, columns: list[str]) -> None:
    for i, column in enumerate(columns):
        if column and column not in REQUIRED + OPTIONAL:
            raise InputError(Diagnostic("error", f"unknown column {column!r}", Location(path, 1, i + 1),
                                        hint="columns: " + ", ".join(REQUIRED) + "; optional: " + ", ".join(OPTIONAL)))
        if column and columns.index(column) != i:
            raise InputError(Diagnostic("error", f"column {column!r} appears twice", Location(path, 1, i + 1),
                                        hint="keep one of them"))
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise InputError(Diagnostic("error", f"the editions CSV has no column {', '.join(map(repr, missing))}",
                                    Location(path, 1, 1), hint="the header row needs: " + ", ".join(REQUIRED)))


def slug(name: str) -> str:
    """An id from a name: "Gemeente Súdwest-Fryslân" -> "gemeente-sudwest-fryslan"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-")


def _scalar(value: str | bool, loc: Location) -> YScalar:
    return YScalar(loc, value, str(value))


def _entry(node: YNode) -> tuple[Location, YNode]:
    return node.loc, node


def edition_mapping(row: Row, campaign_ref: str) -> tuple[YMap, Path | None]:
    """The mapping an edition.yaml would hold for this row, every value at its cell; and the logo it names."""
    value = {c: v for c, (v, _) in row.cells.items()}
    at = {c: loc for c, (_, loc) in row.cells.items()}
    first = at[next(iter(row.cells))]
    edition_id = value.get("id") or slug(value["name"])
    contact_id = slug(value["contact"]) or f"{edition_id}-contact"
    brand, logo = value["brand"], None
    if Path(brand).suffix.lower() in LOGO_SUFFIXES:
        brand, logo = "national", brand
    free = value.get("free", "")
    contact = {
        "id": _scalar(contact_id, at["contact"]), "name": _scalar(value["contact"], at["contact"]),
        "description": _scalar(value["description"], at["description"]), "phone": _scalar(value["phone"], at["phone"]),
        "url": _scalar(value["web"], at["web"]), "hours": _scalar(value["hours"], at["hours"]),
        "free": _scalar(_YES.get(free.lower(), free) if free else False, at.get("free", first)),
        "cost": _scalar(value["cost"], at["cost"]),
    }
    languages = [c for c in re.split(r"[\s,;]+", value["languages"]) if c]
    root = {
        "format": _scalar(FORMAT_VERSION, first), "id": _scalar(edition_id, at.get("id", at["name"])),
        "name": _scalar(value["name"], at["name"]), "campaign": _scalar(campaign_ref, first),
        "brand": _scalar(brand, at["brand"]),
        "languages": YSeq(at["languages"], [_scalar(c, at["languages"]) for c in languages]),
        "web": _scalar(value["web"], at["web"]), "main_contact": _scalar(contact_id, at["contact"]),
        "help_contacts": YSeq(at["contact"], [YMap(at["contact"], {k: _entry(v) for k, v in contact.items()})]),
    }
    return YMap(first, {k: _entry(v) for k, v in root.items()}), (Path(logo) if logo else None)


def _checked_logo(folder: Path, written: str, loc: Location) -> Path:
    """The row's logo file, refused at its cell unless it is a readable, safe image inside the CSV's folder."""
    from campaign_studio.content.design_loader import logo_bound_px

    path = logos.logo_path(folder, written, loc, "brand", thing="logo image")
    if not logos.logo_info(path, loc, "brand").vector:
        logos.load_logo(path, logo_bound_px(), loc, "brand")
    return path


def load_row(path: Path, row: Row, base: LoadedCampaign, campaign_ref: str) -> LoadedEdition:
    """One row as an edition of `base`, checked as an edition.yaml is."""
    root, logo = edition_mapping(row, campaign_ref)
    folder = path.parent.resolve()
    checked = _checked_logo(folder, str(logo), row.cells["brand"][1]) if logo is not None else None
    loaded = load_edition_root(root, path, folder, base=base, logo=checked)
    # a finding names the CSV's column, not the edition.yaml key the row was made into
    renamed = Diagnostics(dataclasses.replace(d, key_path=_COLUMN_OF.get(d.key_path, d.key_path))
                          for d in loaded.diagnostics)
    return dataclasses.replace(loaded, diagnostics=renamed)


def load_csv_editions(path: Path, base: LoadedCampaign, campaign_ref: str) -> list[LoadedEdition]:
    """Every row of the CSV as an edition; two rows of one id are refused at the second."""
    loaded: list[LoadedEdition] = []
    seen: dict[str, int] = {}
    for row in read_rows(path):
        edition = load_row(path, row, base, campaign_ref)
        if edition.edition is not None:
            if edition.edition.id in seen:
                where = row.cells.get("id", row.cells["name"])[1]
                raise InputError(Diagnostic("error", f"two rows make the edition {edition.edition.id!r} (also row "
                                            f"{seen[edition.edition.id]})", where, "id",
                                            "give the rows different names, or an id column"))
            seen[edition.edition.id] = row.line
        loaded.append(edition)
    return loaded
