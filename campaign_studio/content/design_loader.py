"""Read templates, the shared type scale and brand kits, with located errors."""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path
from typing import Any

from campaign_studio.content import brand_fonts, files, logos, page_specs
from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.schema import INVALID, Bool, Choice, Field, ListOf, Number, Obj, Text, node_at
from campaign_studio.content.yamlsource import YMap, YSeq, parse_yaml, read_text
from campaign_studio.model.colour import contrast_ratio
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location
from campaign_studio.model.formats import Format
from campaign_studio.model.pagetree import Color
from campaign_studio.model.template import (
    Arrangement,
    Brand,
    BrandFontFile,
    Column,
    LogoPlacement,
    Slot,
    Template,
    TextRole,
)
from campaign_studio.resources import brands_dir, templates_dir

SLOT_KINDS = ("text", "figure", "comparison", "help", "help-card", "help-panel", "help-list", "logo",
              "bars", "icon-array", "share-ring", "statement", "figures", "action-lines", "picture")
CONTENT_KEYS = (
    "statistic.label", "statistic.footnote", "statistic.source", "statistic.values",
    "message.headline", "message.body", "message.call_to_action",
    # The source of the figure or statement a message refers to (nothing when it refers to none).
    "message.source",
    "action_line.text", "action_line.numbered",
    "programme.title", "programme.sender_line", "programme.campaign_name",
    "help.primary", "help.others", "brand.logo", "brand.partner",
    # The message's or statement's picture (pictures: in campaign.yaml), with its credit line; nothing when
    # it names none.
    "message.picture", "statement.picture",
    "statement.text", "statement.source",
    # Several figures, each drawn as its chart with its definition and source (layout.infographic).
    "statistics.figures",
    # The programme's action lines, numbered, as one list.
    "action_lines.all",
)
# What each slot kind can show; the layout's builders read nothing else.
KIND_CONTENTS = {
    "text": (*(k for k in CONTENT_KEYS if k.split(".")[0] in ("statistic", "message", "action_line", "programme")
                  and k != "statistic.values"), "statement.source"),
    "figure": ("statistic.values",), "comparison": ("statistic.values",),
    "help": ("help.primary",), "help-card": ("help.primary",), "help-panel": ("help.primary",),
    "help-list": ("help.others",), "logo": ("brand.logo", "brand.partner"),
    "bars": ("statistic.values",), "icon-array": ("statistic.values",), "share-ring": ("statistic.values",),
    "statement": ("statement.text",),
    "figures": ("statistics.figures",), "action-lines": ("action_lines.all",),
    "picture": ("message.picture", "statement.picture"),
}
# Content a template can show only when it shows a statistic, or only when it shows a message.
SHOWS_ONLY = {"statistic": "statistic", "message": "message", "action_line": "message", "statement": "statement",
              "statistics": "statistics"}
# Text roles the layout's own blocks use (figures, help panels and cards), besides those slots name.
BUILT_IN_ROLES = ("hero", "figures", "secondary", "lead", "label", "phone", "panel", "panel_bold", "kicker")
COLOR_ROLES = ("background", "text", "accent", "muted", "panel", "panel_text")

_SLOT = Obj({
    "kind": Field(Choice(options=SLOT_KINDS)),
    "content": Field(Choice(options=CONTENT_KEYS)),
    "role": Field(Text(max_length=30), required=False, default="body"),
    "required": Field(Bool(), required=False, default=True),
    "max_share": Field(Number(minimum=0.02, maximum=1.0, range_name="a share of the column height"),
                       required=False, default=0.4),
    "max_lines": Field(Number(minimum=1, maximum=20, integer=True), required=False),
    # The hero may grow up to this factor over the design's scale to fill its column's free space.
    "grow": Field(Number(minimum=1.0, maximum=1.5, range_name="a growth factor"), required=False, default=1.0),
    # On a card with columns the slot may move to the foot of the other column to balance them.
    "flows": Field(Bool(), required=False, default=False),
})
COLUMN_ALIGNS = ("spread", "top", "bottom")
_NAMES = ListOf(Text(max_length=30))
_COLUMN = Obj({
    "width": Field(Number(minimum=0.1, maximum=1.0, range_name="a share of the width")),
    "top": Field(_NAMES, required=False, default=[]),
    "middle": Field(_NAMES, required=False, default=[]),
    "bottom": Field(_NAMES, required=False, default=[]),
    # Where the column's free space goes: between its groups, or below / above all of them.
    "align": Field(Choice(options=COLUMN_ALIGNS), required=False, default="spread"),
})
_ARRANGEMENT = Obj({"columns": Field(ListOf(_COLUMN, min_items=1)), "band": Field(_NAMES, required=False, default=[])})
_TEMPLATE = Obj({
    "id": Field(Text(max_length=60, pattern=re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*"),
                     pattern_hint="use lower-case letters, digits and hyphens", expected="an id")),
    "name": Field(Text()),
    "description": Field(Text()),
    "shows": Field(Choice(options=("statistic", "statistics", "message", "statement"))),
    # Every text role's size and minimum times this, for a template that holds much more than a card.
    "type_scale": Field(Number(minimum=0.5, maximum=1.0, range_name="a factor on the type scale"), required=False,
                        default=1.0),
    "slots": Field(Obj(free_keys=True)),  # checked per slot below, so each error names the slot
    "tall": Field(_ARRANGEMENT),
    "wide": Field(_ARRANGEMENT),
    # Other ways to arrange a format: layout takes the one that keeps the most slots, leaves no
    # hole over the bound, and has the largest scale.
    "tall_alternatives": Field(ListOf(_ARRANGEMENT), required=False, default=[]),
    "wide_alternatives": Field(ListOf(_ARRANGEMENT), required=False, default=[]),
    # The formats the template is made for (default: every format); `check --all` skips the others.
    "formats": Field(ListOf(Text(max_length=60), min_items=1), required=False),
    # The pages of a multi-page design (carousel, handout): see content/page_specs.py.
    "document": Field(page_specs.document_schema(_ARRANGEMENT), required=False),
})
_ROLE = Obj({
    "size": Field(Number(minimum=0.5, maximum=60)),
    "min": Field(Number(minimum=0.5, maximum=60)),
    "weight": Field(Choice(options=("regular", "bold"))),
    "line_height": Field(Number(minimum=0.8, maximum=2.5)),
    "color": Field(Choice(options=COLOR_ROLES)),
    "case": Field(Choice(options=("as-is", "upper")), required=False, default="as-is"),
})
_HEX = Text(pattern=re.compile(r"#[0-9A-Fa-f]{6}"), pattern_hint='write the colour as "#RRGGBB" in quotes',
            expected="a colour")
_LOGO_SIZE = Number(minimum=1, maximum=20, range_name="a logo height (hundredths of the canvas unit)")


def _minimum_not_above_preferred(size: dict[str, Any], node: YMap, path: str, diags: Diagnostics) -> None:
    if size["preferred"] is not INVALID and size["minimum"] is not INVALID and size["minimum"] > size["preferred"]:
        diags.error(f"logo_size minimum {size['minimum']} is larger than preferred {size['preferred']}", node.loc,
                    path, "make minimum at most preferred, e.g. preferred: 5.5, minimum: 3.5")


MARK_CONTRAST = 3.0  # WCAG 1.4.11: graphical objects against what is behind them


def _series_contrast(brand: dict[str, Any], node: YMap, path: str, diags: Diagnostics) -> None:
    """Chart marks in a series colour must stand out from the background by 3:1."""
    series, colors = brand.get("series"), brand.get("colors")
    if not series or series is INVALID or not colors or colors is INVALID or colors.get("background") in (None, INVALID):
        return
    background = Color.from_hex(colors["background"])
    seq = node_at(node, "series")
    for i, value in enumerate(series):
        if value is INVALID:
            continue
        ratio = contrast_ratio(Color.from_hex(value), background)
        if ratio < MARK_CONTRAST:
            where = seq.items[i].loc if isinstance(seq, YSeq) else seq.loc
            diags.error(f"series colour {value} has contrast {ratio:.1f}:1 on the background {colors['background']}; "
                        f"chart marks need {MARK_CONTRAST:g}:1", where, f"series[{i}]",
                        "choose a darker (or, on a dark background, lighter) colour")


PLACEMENT_VERTICAL = ("template", "top", "bottom")
_FACE_FILES = Obj({weight: Field(Text(max_length=300), required=weight == "regular") for weight in brand_fonts.WEIGHTS})


def _known_families(fonts: dict[str, Any], node: YMap, path: str, diags: Diagnostics) -> None:
    """heading and body name a shipped family or one of the brand's own (fonts.files)."""
    files = node.entries["files"][1] if "files" in node.entries else None
    own = list(files.entries) if isinstance(files, YMap) else []
    for role in ("heading", "body"):
        family = fonts.get(role)
        if family is INVALID or family is None or family in brand_fonts.SHIPPED_FAMILIES or family in own:
            continue
        known = ", ".join(repr(f) for f in (*brand_fonts.SHIPPED_FAMILIES, *own))
        diags.error(f"font family {family!r} is neither shipped with Campaign Studio nor one of this brand's font "
                    f"files (known: {known})", node_at(node, role).loc, f"{path}.{role}",
                    f"add its files under fonts: files: {family}: {{regular: fonts/Regular.ttf, bold: fonts/Bold.ttf}} "
                    "with the font's licence beside them")


_BRAND = Obj({
    "id": Field(Text(max_length=60)),
    "name": Field(Text()),
    "colors": Field(Obj({role: Field(_HEX) for role in COLOR_ROLES})),
    "fonts": Field(Obj({
        "heading": Field(Text(max_length=100)), "body": Field(Text(max_length=100)),
        # The brand's own faces: family name -> {regular: file, bold: file}, each with its licence beside it.
        "files": Field(Obj(free_keys=True), required=False),
    }, validators=(_known_families,))),
    "logo": Field(Text(), required=False),
    "logo_alt": Field(Text(), required=False, default=""),
    "partner_logo": Field(Text(), required=False),
    "partner_alt": Field(Text(), required=False, default=""),
    # Logo height in hundredths of the canvas unit: it shrinks toward minimum, never drops out.
    "logo_size": Field(Obj({"preferred": Field(_LOGO_SIZE), "minimum": Field(_LOGO_SIZE)},
                           validators=(_minimum_not_above_preferred,)), required=False),
    # Where the logo goes: the template's place, or the top or bottom of its column; start or end side;
    # clear_space: room kept free around it, as a share of its height.
    "logo_placement": Field(Obj({
        "vertical": Field(Choice(options=PLACEMENT_VERTICAL), required=False, default="template"),
        "horizontal": Field(Choice(options=("start", "end")), required=False, default="start"),
        "clear_space": Field(Number(minimum=0, maximum=1, range_name="a share of the logo's height"),
                             required=False, default=0.0),
    }), required=False),
    # "in samenwerking met ..." above the partner logo.
    "partner_line": Field(Text(max_length=120), required=False, default=""),
    # Chart series colours in order; they must differ for colour-blind readers too (tests/layout/cvd.py).
    "series": Field(ListOf(_HEX, min_items=2), required=False),
}, validators=(_series_contrast,))


def _read(path: Path, what: str) -> YMap:
    root = parse_yaml(read_text(path, what), path)
    if not isinstance(root, YMap):
        loc = root.loc if root else Location(path, 1, 1)
        raise InputError(Diagnostic("error", f"{what} must be a mapping of keys", loc))
    return root


def _raise_first(diags: Diagnostics) -> None:
    if diags.has_errors:
        raise InputError(diags.errors[0])


@cache
def load_styles(path: Path | None = None) -> dict[str, TextRole]:
    path = path or templates_dir() / "styles.yaml"
    root = _read(path, "type scale")
    diags = Diagnostics()
    Obj({"roles": Field(Obj(free_keys=True))}).check(root, "", diags)
    _raise_first(diags)
    roles_node = node_at(root, "roles")
    roles: dict[str, TextRole] = {}
    assert isinstance(roles_node, YMap)
    for name, (_, node) in roles_node.entries.items():
        spec = _ROLE.check(node, f"roles.{name}", diags)
        if spec is not INVALID:
            roles[name] = TextRole(name, spec["size"], spec["min"], spec["weight"], spec["line_height"], spec["color"],
                                   spec["case"])
    _raise_first(diags)
    missing = [r for r in BUILT_IN_ROLES if r not in roles]
    if missing:
        raise InputError(Diagnostic("error", f"the type scale lacks the role(s) {', '.join(missing)}, which the "
                                    "layout uses for figures and help panels", roles_node.loc, "roles",
                                    hint="add them under roles: (the shipped templates/styles.yaml has them all)"))
    return roles


def load_template(path: Path) -> Template:
    root = _read(path, "template")
    diags = Diagnostics()
    slots_node = root.entries.get("slots", (None, None))[1]
    data = _TEMPLATE.check(root, "", diags)
    _raise_first(diags)
    roles = load_styles()
    slots: dict[str, Slot] = {}
    if not isinstance(slots_node, YMap):
        raise InputError(Diagnostic("error", "slots must be a mapping of slot names", root.loc, "slots"))
    for name, (key_loc, node) in slots_node.entries.items():
        spec = _SLOT.check(node, f"slots.{name}", diags)
        _raise_first(diags)
        # a document's pages each show their own subject: page_specs checks their slots' content
        _check_content(name, node, spec, None if data["document"] else data["shows"], diags)
        if spec["role"] not in roles:
            diags.error(f"unknown text role {spec['role']!r}", node_at(node, "role").loc, f"slots.{name}.role",
                        "use one of " + ", ".join(roles))
        slots[name] = Slot(name, spec["kind"], spec["content"], spec["role"], spec["required"], spec["max_share"],
                           spec["max_lines"], key_loc, spec["grow"], spec["flows"])
    _raise_first(diags)

    def arrangement(key: str, index: int | None = None) -> Arrangement:
        spec: dict[str, Any] = data[key] if index is None else data[key][index]
        return _arrangement(key, node_at(root, key), spec, slots, diags)

    tall, wide = arrangement("tall"), arrangement("wide")
    tall_alternatives = tuple(arrangement("tall_alternatives", i) for i in range(len(data["tall_alternatives"])))
    wide_alternatives = tuple(arrangement("wide_alternatives", i) for i in range(len(data["wide_alternatives"])))
    formats = page_specs.check_formats(data["formats"], node_at(root, "formats"), list(load_formats()), diags) \
        if data["formats"] else ()
    document = None
    if data["document"]:
        block = node_at(root, "document")
        assert isinstance(block, YMap)
        document = page_specs.read_document(
            data["document"], block, slots, data["shows"],
            lambda key, node, value: _arrangement(key, node, value, slots, diags), diags)
        own = page_specs.PageSpec("(template)", data["shows"], "statistics", tall, wide, root.loc,
                                  tall_alternatives, wide_alternatives)
        page_specs.check_page_content(own, node_at(root, "tall"), "tall", slots, diags)
    _raise_first(diags)
    return Template(data["id"], data["name"], data["description"], data["shows"], tall, wide, slots, path,
                    wide_alternatives, tall_alternatives, formats, document, data["type_scale"])


def _arrangement(key: str, node: Any, spec: dict[str, Any], slots: dict[str, Slot], diags: Diagnostics) -> Arrangement:
    used = [n for c in spec["columns"] for part in ("top", "middle", "bottom") for n in c[part]] + spec["band"]
    for n in used:
        if n not in slots:
            diags.error(f"slot {n!r} is not defined under slots:", node.loc, key,
                        "define it under slots: or remove it here")
    return Arrangement(
        tuple(Column(c["width"], tuple(c["top"]), tuple(c["middle"]), tuple(c["bottom"]), c["align"])
              for c in spec["columns"]),
        tuple(spec["band"]),
    )


def _check_content(name: str, node: Any, spec: dict[str, Any], shows: str | None, diags: Diagnostics) -> None:
    """A slot's content must be something its kind can show, and something the template's subject has."""
    kind, content = spec["kind"], spec["content"]
    where, key_path = node_at(node, "content").loc, f"slots.{name}.content"
    if content not in KIND_CONTENTS[kind]:
        diags.error(f"a {kind!r} slot cannot show {content!r}", where, key_path,
                    "use one of " + ", ".join(KIND_CONTENTS[kind]) + " or another kind")
    elif shows is not None and SHOWS_ONLY.get(content.split(".")[0], shows) != shows:
        diags.error(f"{content!r} is part of a {SHOWS_ONLY[content.split('.')[0]]}, but this template shows a {shows}",
                    where, key_path, f"show {shows} content here, or change shows:")


def template_paths(folder: Path | None = None) -> list[Path]:
    folder = folder or templates_dir()
    return sorted(p for p in folder.glob("*.yaml") if p.name not in ("formats.yaml", "styles.yaml"))


def load_templates(folder: Path | None = None) -> dict[str, Template]:
    """All templates of a folder; re-read only when a file changed (the GUI asks on every edit)."""
    paths = template_paths(folder)
    return _load_templates_cached(tuple((p, p.stat().st_mtime_ns) for p in paths))


@cache
def _load_templates_cached(stamped: tuple[tuple[Path, int], ...]) -> dict[str, Template]:
    templates = [load_template(p) for p, _ in stamped]
    return {t.id: t for t in templates}


def brand_ids(folder: Path | None = None) -> list[str]:
    folder = folder or brands_dir()
    return sorted(p.parent.name for p in folder.glob("*/brand.yaml"))


def load_brand(brand: str | Path) -> Brand:
    """A brand by id (from assets/brands) or by path to a brand folder or brand.yaml."""
    path = Path(brand)
    files.refuse_link_loop(path, "the brand folder")
    if isinstance(brand, str) and not path.exists():
        path = brands_dir() / brand / "brand.yaml"
        if not path.exists():
            raise InputError(Diagnostic("error", f"unknown brand {brand!r}", Location(brands_dir()),
                                        hint="use one of " + ", ".join(brand_ids()) + ", or the path to a brand folder"))
    if path.is_dir():
        path = path / "brand.yaml"
    root = _read(path, "brand kit")
    diags = Diagnostics()
    data = _BRAND.check(root, "", diags)
    _raise_first(diags)

    def asset(key: str) -> Path | None:
        if not data[key]:
            return None
        loc = node_at(root, key).loc
        file = logos.logo_path(path.parent, data[key], loc, key)
        # Checked (and a raster one decoded) now, so a bad logo is refused here, at its line.
        if not logos.logo_info(file, loc, key).vector:
            logos.load_logo(file, logo_bound_px(), loc, key)
        return file

    font_files = _font_files(path.parent, root, data["fonts"], diags)
    _raise_first(diags)
    keys = {family: brand_fonts.family_key(family, faces) for family, faces in font_files.items()}
    placement = data["logo_placement"] or {"vertical": "template", "horizontal": "start", "clear_space": 0.0}
    return Brand(
        id=data["id"], name=data["name"],
        colors={k: Color.from_hex(v) for k, v in data["colors"].items()},
        heading_font=keys.get(data["fonts"]["heading"], data["fonts"]["heading"]),
        body_font=keys.get(data["fonts"]["body"], data["fonts"]["body"]),
        font_files={keys[family]: faces for family, faces in font_files.items()},
        placement=LogoPlacement(placement["vertical"], placement["horizontal"], placement["clear_space"]),
        partner_line=data["partner_line"] or "",
        logo=asset("logo"), logo_alt=data["logo_alt"] or "",
        partner_logo=asset("partner_logo"), partner_alt=data["partner_alt"] or "",
        path=path,
        series=tuple(Color.from_hex(v) for v in data["series"] or ()),
        **({"logo_preferred": data["logo_size"]["preferred"], "logo_minimum": data["logo_size"]["minimum"]}
           if data["logo_size"] else {}),
        color_locations={k: node_at(root, "colors", k).loc for k in data["colors"]},
    )


def _font_files(folder: Path, root: YMap, fonts: dict[str, Any], diags: Diagnostics
                ) -> dict[str, dict[str, BrandFontFile]]:
    """Each family of fonts.files, its faces checked (brand_fonts.check_font_file); a missing bold uses the regular."""
    out: dict[str, dict[str, BrandFontFile]] = {}
    fonts_node = node_at(root, "fonts")
    files_node = fonts_node.entries["files"][1] if isinstance(fonts_node, YMap) and "files" in fonts_node.entries \
        else None
    if not isinstance(files_node, YMap):
        return out
    for family, (_, node) in files_node.entries.items():
        spec = _FACE_FILES.check(node, f"fonts.files.{family}", diags)
        if spec is INVALID:
            continue
        faces = {}
        for weight in brand_fonts.WEIGHTS:
            if spec.get(weight):
                key = f"fonts.files.{family}.{weight}"
                faces[weight] = brand_fonts.check_font_file(folder, family, weight, spec[weight],
                                                            node_at(node, weight).loc, key)
        faces.setdefault("bold", faces["regular"])
        out[family] = faces
    return out


#: Print formats are drawn at up to this resolution (the PDF stores images at no more).
LOGO_PRINT_PPI = 300.0


def logo_bound_px() -> tuple[int, int]:
    """The largest logo, in pixels, any format can show: the size logos are downscaled to once.

    No logo is wider than the widest page, nor taller than the largest logo slot share
    (max_share of the column height) of the tallest page; print pages count at LOGO_PRINT_PPI.
    """
    def px(fmt: Format, length: float) -> float:
        return length if fmt.kind == "social" else length / 72.0 * LOGO_PRINT_PPI

    formats = list(load_formats().values())
    shares = [s.max_share for t in load_templates().values() for s in t.slots.values() if s.kind in ("logo", "picture")]
    width = max(px(f, f.width) for f in formats)
    height = max(px(f, f.height) for f in formats) * max(shares, default=1.0)
    return math.ceil(width), math.ceil(height)
