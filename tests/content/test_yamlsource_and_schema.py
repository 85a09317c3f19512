"""The building blocks: located YAML nodes and the declarative schema."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.schema import INVALID, Choice, Date, Field, ListOf, Number, Obj, Text
from campaign_studio.content.yamlsource import YMap, YScalar, YSeq, parse_yaml
from campaign_studio.model.diagnostics import Diagnostics, InputError

F = Path("f.yaml")


def test_nodes_remember_line_and_column() -> None:
    root = parse_yaml("a: 1\nb:\n  - x\n  - 'y'\nc: 2026-01-02\n", F)
    assert isinstance(root, YMap)
    key_loc, a = root.entries["a"]
    assert (key_loc.line, key_loc.column) == (1, 1)
    assert isinstance(a, YScalar) and a.value == 1 and (a.loc.line, a.loc.column) == (1, 4)
    b = root.entries["b"][1]
    assert isinstance(b, YSeq)
    assert [(i.loc.line, i.loc.column) for i in b.items] == [(3, 5), (4, 5)]
    c = root.entries["c"][1]
    assert isinstance(c, YScalar) and c.value == dt.date(2026, 1, 2) and c.raw == "2026-01-02"


def test_empty_document_is_none() -> None:
    assert parse_yaml("# only a comment\n", F) is None


def test_scalar_keeps_raw_text_for_hints() -> None:
    root = parse_yaml("phone: 0113\nok: yes\n", F)
    assert isinstance(root, YMap)
    phone = root.entries["phone"][1]
    assert isinstance(phone, YScalar) and phone.raw == "0113"
    ok = root.entries["ok"][1]
    assert isinstance(ok, YScalar) and ok.value is True and ok.raw == "yes"


def test_aliases_are_shared_not_copied() -> None:
    root = parse_yaml("a: &x [1, 2]\nb: *x\n", F)
    assert isinstance(root, YMap)
    assert root.entries["a"][1] is root.entries["b"][1]


@pytest.mark.parametrize("text", [
    "a: !!python/object/apply:os.system ['true']\n",
    "a: !!python/name:os.system\n",
    "a: !!python/tuple [1, 2]\n",
    "a: !!omap [{x: 1}]\n",
])
def test_unsafe_tags_raise_input_error(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_yaml(text, F)
    assert "is not allowed" in info.value.diagnostic.message


def _check(schema, text: str):
    diags = Diagnostics()
    root = parse_yaml(f"v: {text}\n", F)
    assert isinstance(root, YMap)
    return schema.check(root.entries["v"][1], "v", diags), diags


def test_text_schema() -> None:
    assert _check(Text(), "hallo")[0] == "hallo"
    value, diags = _check(Text(), "true")
    assert value is INVALID
    assert diags[0].message == "expected text, found true"
    assert diags[0].hint == 'put the value in quotes to keep it as text: "true"'


def test_number_schema_ranges() -> None:
    assert _check(Number(minimum=0, maximum=100), "22")[0] == 22
    value, diags = _check(Number(maximum=10, range_name="a score"), "11")
    assert value is INVALID
    assert diags[0].message == "11 is out of range for a score (at most 10)"
    assert diags[0].hint == "use a number of 10 or less"
    assert _check(Number(), ".inf")[0] is INVALID
    assert _check(Number(), "true")[0] is INVALID


def test_choice_did_you_mean() -> None:
    value, diags = _check(Choice(options=("initiator", "partner", "support")), "partnr")
    assert value is INVALID
    assert diags[0].hint == "did you mean 'partner'?"
    value, diags = _check(Choice(options=("initiator", "partner")), "zzz")
    assert diags[0].hint == "use one of initiator, partner"


def test_date_schema() -> None:
    assert _check(Date(), "2026-12-31")[0] == dt.date(2026, 12, 31)
    assert _check(Date(), '"2026-12-31"')[0] == dt.date(2026, 12, 31)
    value, diags = _check(Date(), "2025-02-29")
    assert value is INVALID and diags[0].message == "'2025-02-29' is not a real date: that month has no day 29"
    value, diags = _check(Date(), "2026-12-31 10:00:00")
    assert value is INVALID and "expected a date (YYYY-MM-DD)" in diags[0].message


def test_obj_reports_missing_and_unknown_keys_once() -> None:
    schema = Obj({"name": Field(Text()), "size": Field(Number(), required=False, default=3)})
    diags = Diagnostics()
    root = parse_yaml("v:\n  nmae: x\n", F)
    assert isinstance(root, YMap)
    assert schema.check(root.entries["v"][1], "v", diags) is INVALID
    assert [(d.key_path, d.message, d.hint) for d in diags] == [
        ("v.nmae", "unknown key 'nmae'", "did you mean 'name'? rename the key")]


def test_obj_fills_defaults() -> None:
    schema = Obj({"name": Field(Text()), "size": Field(Number(), required=False, default=3)})
    value, _ = _check(schema, "{name: x}")
    assert value == {"name": "x", "size": 3}


def test_list_of_paths_name_the_item() -> None:
    value, diags = _check(ListOf(Number()), "[1, x, 3]")
    assert value is INVALID
    assert diags[0].key_path == "v[1]"


def test_formats_file_has_twelve_formats() -> None:
    formats = load_formats()
    assert len(formats) == 12
    assert formats["post-4x5"].size_label == "1080×1350 px"
    assert formats["long-1080x2700"].size_label == "1080×2700 px" and formats["long-1080x2700"].safe_area is None
    assert formats["abri"].size_label == "1185×1750 mm"
    assert formats["story-9x16"].safe_area == (0.0, 250.0, 1080.0, 1420.0)
    assert formats["a4"].bleed == pytest.approx(3 * 72 / 25.4)


def test_broken_formats_file_is_located(tmp_path) -> None:
    path = tmp_path / "formats.yaml"
    path.write_text("social:\n  - id: x\n    name: X\n    width_px: 10\n    height_px: 1350\nprint: []\n")
    with pytest.raises(InputError) as info:
        load_formats(path)
    d = info.value.diagnostic
    assert (d.location.file, d.location.line, d.location.column) == (path, 4, 15)
    assert d.format().endswith("error: social[0].width_px: 10 is out of range for a size in pixels (100 to 10000) "
                               "(use a number from 100 to 10000)")
