"""Read the output formats from templates/formats.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from campaign_studio.content.schema import INVALID, Field, ListOf, Number, Obj, Text
from campaign_studio.content.yamlsource import parse_yaml, read_text
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location
from campaign_studio.model.formats import MM, Format
from campaign_studio.resources import templates_dir

PRINT_BLEED_MM = 3.0

_ID = Text(max_length=40)
_PX = Number(minimum=100, maximum=10000, range_name="a size in pixels")
_MM = Number(minimum=50, maximum=5000, range_name="a size in millimetres")
_SOCIAL = Obj(
    {
        "id": Field(_ID),
        "name": Field(Text()),
        "width_px": Field(_PX),
        "height_px": Field(_PX),
        "safe_area_px": Field(ListOf(Number(minimum=0), min_items=4), required=False),
    }
)
_DISTANCE = Number(minimum=0.2, maximum=50, range_name="a reading distance in metres")
_PRINT = Obj({"id": Field(_ID), "name": Field(Text()), "width_mm": Field(_MM), "height_mm": Field(_MM),
              "reading_distance_m": Field(_DISTANCE)})
_FILE = Obj({"social": Field(ListOf(_SOCIAL)), "print": Field(ListOf(_PRINT))})


@cache
def load_formats(path: Path | None = None) -> dict[str, Format]:
    path = path or templates_dir() / "formats.yaml"
    root = parse_yaml(read_text(path, "formats file"), path)
    diags = Diagnostics()
    data = _FILE.check(root, "", diags) if root else INVALID
    if data is INVALID:
        first = diags[0] if diags else Diagnostic("error", "formats file is empty", Location(path, 1, 1))
        raise InputError(first)
    formats: dict[str, Format] = {}
    for f in data["social"]:
        area = f["safe_area_px"]
        formats[f["id"]] = Format(
            f["id"], f["name"], "social", float(f["width_px"]), float(f["height_px"]),
            tuple(float(v) for v in area[:4]) if area else None,  # type: ignore[arg-type]
        )
    for f in data["print"]:
        formats[f["id"]] = Format(
            f["id"], f["name"], "print", f["width_mm"] * MM, f["height_mm"] * MM, bleed=PRINT_BLEED_MM * MM,
            reading_distance_m=float(f["reading_distance_m"]),
        )
    return formats
