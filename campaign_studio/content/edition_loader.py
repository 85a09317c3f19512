"""Load an edition folder: read edition.yaml, check it against its campaign's locks, make the edition's campaign.

The edition's campaign is the campaign with the edition applied: its local help contacts added
after the campaign's (never replacing one), the texts it replaces (only where no lock holds them),
its own translations folder over the campaign's, and the edition itself (main contact, QR
address, languages) for layout to read. Problems in a readable edition.yaml are diagnostics at
their line (exit code 1); a file that cannot be read at all raises InputError (exit code 2).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from campaign_studio.content import files
from campaign_studio.content.campaign_loader import LoadedCampaign, load_campaign, texts
from campaign_studio.content.campaign_schema import HELP_CONTACT, ID, LANGUAGE, PICTURE, SHORT_TEXT, URL
from campaign_studio.content.design_loader import brand_ids
from campaign_studio.content.edition_locks import item_ids, lock_of
from campaign_studio.content.schema import INVALID, Choice, Field, ListOf, Obj, Text, node_at
from campaign_studio.content.translations import campaign_catalog
from campaign_studio.content.yamlsource import YMap, YSeq, parse_yaml, read_text
from campaign_studio.model import campaign as m
from campaign_studio.model.diagnostics import Diagnostic, Diagnostics, InputError, Location
from campaign_studio.model.edition import EDITION_FILE, Edition
from campaign_studio.resources import builtin_campaign_dir, translations_dir

FORMAT_VERSION = "campaign-studio-edition/1"
BUILTIN_CAMPAIGNS = {"national": builtin_campaign_dir}
TRANSLATIONS = "translations"  # the edition's own PO files, beside edition.yaml

# A local contact as in campaign.yaml, without national: and primary: (an edition's contacts are local).
LOCAL_CONTACT = Obj({k: v for k, v in HELP_CONTACT.fields.items() if k not in ("national", "primary")},
                    validators=HELP_CONTACT.validators)
REFERENCE = Text(literal=True, max_length=300, expected="a built-in id or a folder relative to the edition")

EDITION = Obj(
    {
        "format": Field(Choice(options=(FORMAT_VERSION,))),
        "id": Field(ID),
        "name": Field(SHORT_TEXT),
        "campaign": Field(REFERENCE),
        "brand": Field(REFERENCE),
        "languages": Field(ListOf(LANGUAGE, min_items=1)),
        "web": Field(URL, required=False),
        "main_contact": Field(ID, required=False),
        "help_contacts": Field(ListOf(LOCAL_CONTACT), required=False, default=[]),
        # the edition's own photo or illustration in place of a campaign picture of the same id
        "pictures": Field(ListOf(PICTURE), required=False, default=[]),
        "overrides": Field(Obj(free_keys=True), required=False, default={}),
    }
)

_BRACED = re.compile(r"\{[^{}\n]*\}")
OVERRIDE_TEXT = Text(max_length=600)


@dataclass
class LoadedEdition:
    """An edition read: `campaign` is the edition's campaign (None when either file has errors)."""

    edition: Edition | None
    campaign: m.Campaign | None
    diagnostics: Diagnostics
    file: Path
    base: LoadedCampaign | None = None  # the campaign it names, as loaded


def edition_file(path: Path) -> Path:
    """edition.yaml in a folder, or the file itself; refused with the fix when neither is there."""
    files.refuse_link_loop(path, "the edition folder")
    if not path.exists():
        raise InputError(Diagnostic("error", "edition folder not found", Location(path),
                                    hint="check the --edition path: a folder holding edition.yaml"))
    if path.is_file():
        if path.name != EDITION_FILE:
            raise InputError(Diagnostic("error", f"an edition is a folder holding {EDITION_FILE}, not this file",
                                        Location(path), hint=f"use --edition {path.parent}"))
        return path
    found = path / EDITION_FILE
    files.refuse_link_loop(found, EDITION_FILE)
    if not found.is_file():
        raise InputError(Diagnostic("error", f"no {EDITION_FILE} in this folder", Location(path),
                                    hint="copy one from examples/editions/ and edit it (see the README)"))
    return found


def load_edition(path: Path, *, translating: bool = False) -> LoadedEdition:
    """Read and check an edition folder (or its edition.yaml) and the campaign it names.

    `translating`: for the translation commands, a language without any PO file yet is a warning
    (exporting its texts is how its file starts), not an error.
    """
    file = edition_file(path)
    folder = file.parent.resolve()
    root = parse_yaml(read_text(file, EDITION_FILE), file)
    if not isinstance(root, YMap):
        raise InputError(Diagnostic("error", f"{EDITION_FILE} must be a mapping of keys (format:, id:, campaign:, "
                                    "brand:, ...)", root.loc if root is not None else Location(file, 1, 1),
                                    hint="copy one from examples/editions/ and edit it"))
    return load_edition_root(root, file, folder, translating=translating)


def load_edition_root(root: YMap, file: Path, folder: Path, *, translating: bool = False,
                      base: LoadedCampaign | None = None, logo: Path | None = None) -> LoadedEdition:
    """An edition from its parsed mapping (an edition.yaml's, or one a CSV row makes): checked, applied.

    folder: what its references are relative to (its translations/ are there too); base: the campaign
    when the caller has it (a CSV's rows edition the job's campaign); logo: the brand kit's logo replaced.
    """
    diags = Diagnostics()
    data = EDITION.check(root, "", diags)
    if data is INVALID:
        return LoadedEdition(None, None, diags, file)
    if base is None:
        base = _campaign(folder, data["campaign"], node_at(root, "campaign").loc)
    if base.campaign is None:
        diags.extend(base.diagnostics)
        diags.error(f"the campaign this edition names has errors ({base.file})", node_at(root, "campaign").loc,
                    "campaign", "fix the campaign first: campaign-studio validate --campaign DIR")
        return LoadedEdition(None, None, diags, file, base)
    campaign = base.campaign
    brand = _brand(folder, data["brand"], node_at(root, "brand").loc)
    contacts = _contacts(campaign, data, root, diags)
    overrides = _overrides(campaign, root, diags)
    pictures = _pictures(campaign, data, root, folder, diags)
    main = data["main_contact"]
    if main is not None and main not in {c.id for c in contacts}:
        own = ", ".join(c.id for c in contacts) or "none yet"
        which = "is one of the campaign's contacts; the main contact is" if main in {
            h.id for h in campaign.help_contacts} else "is not"
        diags.error(f"main_contact {main!r} {which} one of the edition's own help_contacts", node_at(
            root, "main_contact").loc, "main_contact", f"name one of the edition's contacts ({own}), or leave it out")
    if diags.has_errors:
        return LoadedEdition(None, None, diags, file, base)
    edition = Edition(
        id=data["id"], name=data["name"], folder=folder, file=file, campaign_ref=data["campaign"],
        brand_ref=data["brand"], brand=brand, languages=tuple(dict.fromkeys(data["languages"])),
        contact_ids=tuple(c.id for c in contacts), main_contact=main, qr_url=data["web"],
        overridden=tuple(overrides), brand_location=node_at(root, "brand").loc, logo=logo)
    edited = apply_edition(campaign, edition, contacts, overrides, pictures)
    _check_languages(edited, edition, root, diags, translating)
    return LoadedEdition(edition if not diags.has_errors else None, edited if not diags.has_errors else None,
                         diags, file, base)


def _campaign(folder: Path, ref: str, loc: Location) -> LoadedCampaign:
    """The campaign an edition names: a folder relative to the edition, else a built-in campaign's id."""
    target = folder / ref
    if _inside_reference(ref) and target.is_dir():
        return load_campaign(target)
    if ref in BUILTIN_CAMPAIGNS:
        return load_campaign(BUILTIN_CAMPAIGNS[ref](), translations_dir())
    raise InputError(Diagnostic("error", f"campaign {ref!r} is neither a built-in campaign nor a folder beside "
                                "the edition", loc, "campaign",
                                "built-in campaigns: " + ", ".join(BUILTIN_CAMPAIGNS)
                                + "; or a path relative to the edition folder, e.g. ../my-campaign"))


def _brand(folder: Path, ref: str, loc: Location) -> str:
    """What load_brand takes for the edition's brand: a folder relative to the edition, else a shipped brand's id."""
    target = folder / ref
    if _inside_reference(ref) and (target / "brand.yaml").is_file():
        return str(target.resolve())
    known = brand_ids()
    if ref in known:
        return ref
    close = difflib.get_close_matches(ref, known, n=1)
    raise InputError(Diagnostic("error", f"brand {ref!r} is neither a shipped brand nor a brand-kit folder beside "
                                "the edition", loc, "brand",
                                (f"did you mean {close[0]!r}? " if close else "") + "shipped brands: "
                                + ", ".join(known) + "; or a folder holding brand.yaml, relative to the edition"))


def _inside_reference(ref: str) -> bool:
    return not Path(ref).is_absolute()


def _contacts(campaign: m.Campaign, data: dict[str, Any], root: YMap, diags: Diagnostics) -> list[m.HelpContact]:
    """The edition's own contacts, local (national: false), each id new to the campaign."""
    found = []
    known = {h.id: h for h in campaign.help_contacts}
    seen: dict[str, int] = {}
    for i, h in enumerate(data["help_contacts"]):
        at = node_at(root, "help_contacts", i, "id").loc
        path = f"help_contacts[{i}].id"
        if h["id"] in known:
            lock = lock_of(campaign, f"help_contacts.{h['id']}")
            why = f" ({lock.describe()})" if lock and lock.name == "national-helpline" else ""
            diags.error(f"help contact {h['id']!r} is the campaign's{why}; an edition adds contacts and never "
                        "replaces one", at, path, "give the local contact its own id, e.g. "
                        f"{h['id']}-{data['id']}")
            continue
        if h["id"] in seen:
            diags.error(f"duplicate id {h['id']!r} (also help_contacts[{seen[h['id']]}])", at, path,
                        "give each contact its own id")
            continue
        seen[h["id"]] = i

        def text(key: str, value: str, i: int = i, cid: str = h["id"]) -> m.Text:
            return m.Text(f"help_contacts.{cid}.{key}", value, node_at(root, "help_contacts", i, key).loc)

        found.append(m.HelpContact(id=h["id"], **{k: text(k, h[k]) for k in ("name", "description", "hours", "cost")},
                                   phone=h["phone"], url=h["url"], free=h["free"], national=False, primary=False))
    return found


def _pictures(campaign: m.Campaign, data: dict[str, Any], root: YMap, folder: Path,
              diags: Diagnostics) -> dict[str, m.Picture]:
    """The edition's own pictures, each in place of the campaign's picture of its id where no lock holds it;
    their files inside the edition folder, held to a logo's bounds."""
    from campaign_studio.content import logos
    from campaign_studio.content.design_loader import logo_bound_px

    known = {p.id for p in campaign.pictures}
    found: dict[str, m.Picture] = {}
    for i, p in enumerate(data["pictures"]):
        at = node_at(root, "pictures", i, "id").loc
        if p["id"] not in known:
            diags.error(f"{p['id']!r} is no picture of the campaign; an edition replaces a picture, it adds none",
                        at, f"pictures[{i}].id", "campaign pictures: " + (", ".join(sorted(known)) or "none"))
            continue
        lock = lock_of(campaign, f"pictures.{p['id']}.file")
        if lock is not None:
            diags.error(f"picture {p['id']!r} is locked ({lock.describe()}); an edition cannot replace it", at,
                        f"pictures[{i}].id", "leave it out, or ask the campaign to list pictures.* under editions: "
                        "overridable:")
            continue
        loc, key = node_at(root, "pictures", i, "file").loc, f"pictures[{i}].file"
        path = logos.logo_path(folder, p["file"], loc, key, thing="picture", example="pictures/photo.jpg",
                               where="edition folder", beside=EDITION_FILE)
        if not logos.logo_info(path, loc, key).vector:
            logos.load_logo(path, logo_bound_px(), loc, key)
        texts_of = {k: m.Text(f"pictures.{p['id']}.{k}", p[k], node_at(root, "pictures", i, k).loc)
                    for k in ("alt", "credit")}
        found[p["id"]] = m.Picture(p["id"], path, focus=(float(p["focus"][0]), float(p["focus"][1])), **texts_of)
    return found


def _overrides(campaign: m.Campaign, root: YMap, diags: Diagnostics) -> dict[str, m.Text]:
    """The texts the edition replaces, by id: each must be a text of the campaign that no lock holds."""
    entry = root.entries.get("overrides")
    if entry is None or not isinstance(entry[1], YMap):
        return {}
    ids = item_ids(campaign)
    by_id = {t.id: t for t in texts(campaign)}
    found: dict[str, m.Text] = {}
    for key, (key_loc, node) in entry[1].entries.items():
        path = f"overrides.{key}"
        if key not in ids:
            close = difflib.get_close_matches(key, [i for i, is_text in ids.items() if is_text], n=1, cutoff=0.7)
            diags.error(f"{key!r} is no item of the campaign", key_loc, path,
                        f"did you mean {close[0]!r}?" if close else
                        "write a text id as the PO files do, e.g. messages.help-is-there.body")
            continue
        lock = lock_of(campaign, key)
        if lock is not None:
            diags.error(f"{key} is locked ({lock.describe()}); an edition cannot change it", key_loc, path,
                        "remove this override" + ("" if lock.name != "campaign" else
                                                  ", or ask the campaign to list it under editions: overridable:"))
            continue
        value = OVERRIDE_TEXT.check(node, path, diags)
        if value is INVALID:
            continue
        source = by_id[key]
        if Counter(_BRACED.findall(value)) != Counter(_BRACED.findall(source.source)):
            wanted = ", ".join(_BRACED.findall(source.source)) or "none"
            diags.error(f"the text must hold the placeholders of the campaign's ({wanted})",
                        node.loc, path, "keep every {placeholder} of the campaign's text, and add none")
            continue
        found[key] = dataclasses.replace(source, source=value, location=node.loc)
    return found


def apply_edition(campaign: m.Campaign, edition: Edition, contacts: list[m.HelpContact],
                  overrides: dict[str, m.Text], pictures: dict[str, m.Picture] | None = None) -> m.Campaign:
    """The campaign as the edition makes it: texts and pictures replaced, local contacts added, translations layered."""
    replaced = _replace_texts(campaign, overrides)
    assert isinstance(replaced, m.Campaign)
    own = pictures or {}
    return dataclasses.replace(
        replaced, help_contacts=(*replaced.help_contacts, *contacts), edition=edition,
        pictures=tuple(own.get(p.id, p) for p in replaced.pictures),
        translations_folder=edition.folder / TRANSLATIONS,
        base_translations_folder=campaign.translations_folder)


def _replace_texts(value: Any, overrides: dict[str, m.Text]) -> Any:
    """A copy of a model tree with the overridden texts in it; untouched parts are the same objects."""
    if not overrides:
        return value
    if isinstance(value, m.Text):
        return overrides.get(value.id, value)
    if isinstance(value, tuple):
        items = tuple(_replace_texts(v, overrides) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init or f.name in ("edition", "edition_rules"):
                continue
            old = getattr(value, f.name)
            new = _replace_texts(old, overrides)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def _check_languages(campaign: m.Campaign, edition: Edition, root: YMap, diags: Diagnostics,
                     translating: bool = False) -> None:
    """Every language of the edition has translations (its campaign's or its own PO file); the edition's own
    texts (local contacts, replaced texts) have a current translation in each, else a warning naming them."""
    own = [t for t in texts(campaign) if t.location is not None and t.location.file == edition.file]
    languages_node = node_at(root, "languages")
    for i, language in enumerate(edition.languages):
        if language == campaign.source_language:
            continue
        at = languages_node.items[i].loc if isinstance(languages_node, YSeq) else languages_node.loc
        catalog = campaign_catalog(campaign, language)
        if catalog is None:
            (diags.warning if translating else diags.error)(
                        f"no translations for {language!r}: neither the campaign nor the edition has "
                        f"{TRANSLATIONS}/{language}.po", at, f"languages[{i}]",
                        f"export the texts with 'campaign-studio translations export --edition {edition.folder} "
                        f"--lang {language} -o {language}.po', have them translated, then import the file")
            continue
        unusable = [t.id for t in own if catalog.lookup(t)[0] is None]
        if unusable:
            shown = ", ".join(unusable[:3]) + (f" and {len(unusable) - 3} more" if len(unusable) > 3 else "")
            diags.warning(f"{len(unusable)} of the edition's own texts have no current {language} translation "
                          f"({shown}); designs in {language} need them", at, f"languages[{i}]",
                          f"see 'campaign-studio translations status --edition {edition.folder}'")

