"""Translations are held to the rules of source texts: characters, a length limit, glyphs the fonts have.

Checked on import (refused whole, at the place in the translator's file), by `validate` for
the PO files already in a campaign, and before a design is drawn from one.
"""

from __future__ import annotations

import polib
import pytest
from trkit import HEADLINE, line_of, po_edit, po_line, replace_in, xliff_edit

from campaign_studio.content.translation_rules import max_translation_length

BODY = "messages.respect-boundaries.body"
NL_BODY = "Iedereen heeft eigen wensen en grenzen. Vraag wat de ander wil. Luister naar het antwoord."
EN_BODY = "Everyone has their own wishes and boundaries. Ask what the other person wants. Listen to the answer."


@pytest.fixture
def exported(cli, campaign_copy, tmp_path):  # type: ignore[no-untyped-def]
    def export(lang: str, name: str):  # type: ignore[no-untyped-def]
        out = tmp_path / name
        result = cli("translations", "export", "--lang", lang, "--campaign", campaign_copy.folder, "-o", out)
        assert result.code == 0, result.err
        return out

    return export


def _refused(cli, campaign_copy, snapshot, path):  # type: ignore[no-untyped-def]
    before = snapshot(campaign_copy.folder)
    result = cli("translations", "import", path, "--campaign", campaign_copy.folder)
    assert result.code == 1, result.err
    result.assert_no_traceback()
    assert snapshot(campaign_copy.folder) == before, "nothing changed"
    assert not (campaign_copy.folder / ".campaign-studio.lock").exists(), "a refused file never touches the folder"
    assert result.err.rstrip().endswith("; nothing was changed")
    return result


def _column(path, line: int, snippet: str) -> int:
    return path.read_text(encoding="utf-8").splitlines()[line - 1].index(snippet) + 1


# --- invisible characters ------------------------------------------------------------------------

def test_a_right_to_left_override_in_a_po_translation_is_refused_at_the_character(cli, campaign_copy, snapshot,
                                                                                  exported) -> None:
    out = exported("en", "en.po")
    po_edit(out, BODY, "Bel 0800-0188 of kijk op \u202ecentrumseksueelgeweld.nl")
    line = line_of(out, "\u202e")

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors == [
        f"{out}:{line}:{_column(out, line, chr(0x202e))}: error: {BODY}: the translation contains U+202E "
        "RIGHT-TO-LEFT OVERRIDE, an invisible bidi control that changes the order in which the text is shown "
        "(delete it: it is invisible, so retype the words around it or search for \\u202E in your editor; "
        "Campaign Studio sets the direction of each language itself)"]


@pytest.mark.parametrize(("written", "name"), [("&#x2066;", "LEFT-TO-RIGHT ISOLATE"), ("\u200f", "RIGHT-TO-LEFT MARK"),
                                               ("\u061c", "ARABIC LETTER MARK")])
def test_bidi_characters_in_an_xliff_target_are_refused_where_they_are_written(cli, campaign_copy, snapshot, exported,
                                                                               written, name) -> None:
    out = exported("ar", "ar.xlf")
    replace_in(out, 'xml:space="preserve">لكل شخص', f'xml:space="preserve">{written}لكل شخص')
    line = line_of(out, written)

    result = _refused(cli, campaign_copy, snapshot, out)

    assert len(result.errors) == 1, result.err
    assert result.errors[0].startswith(f"{out}:{line}:{_column(out, line, written)}: error: {BODY}: the translation "
                                       "contains U+")
    assert f" {name}, an invisible" in result.errors[0]


def test_a_persian_translation_keeps_its_zero_width_non_joiners(cli, campaign_copy, exported) -> None:
    out = exported("fa", "fa.po")
    before = polib.pofile(str(out), wrapwidth=0)
    with_zwnj = [e.msgctxt for e in before if "\u200c" in e.msgstr]
    assert with_zwnj, "the shipped Persian translation uses ZWNJ"
    po_edit(out, HEADLINE, "تا کجا برای هر دوی شما لذت\u200cبخش است؟")

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err
    assert "1 updated" in result.out


# --- length --------------------------------------------------------------------------------------

def test_a_translation_longer_than_its_limit_is_refused_with_the_limit(cli, campaign_copy, snapshot,
                                                                       exported) -> None:
    out = exported("en", "en.po")
    po_edit(out, BODY, "x" * 100_000)
    limit = max(3 * len(NL_BODY), len(NL_BODY) + 200)

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors == [
        f"{out}:{po_line(out, BODY) + 2}:1: error: {BODY}: the translation is 100000 characters long; a translation may "
        f"have at most 3 × its source's length or 200 characters more, whichever is more: {limit} characters for "
        f"this source of {len(NL_BODY)} (shorten it, or check that the entry holds only this text's translation)"]


def test_a_translation_at_its_limit_is_merged(cli, campaign_copy, exported) -> None:
    out = exported("en", "en.po")
    long = (EN_BODY + " ") * 4
    long = long[:max_translation_length(NL_BODY) - 1].rstrip() + "."
    po_edit(out, BODY, long)

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err
    assert "merged into" in result.out
    assert "as long as the source" in result.err  # still warned about: it may not fit


@pytest.mark.parametrize(("source", "limit"), [("", 200), ("Gratis", 206), ("x" * 100, 300), ("x" * 600, 1800)])
def test_the_limit_is_three_times_the_source_or_200_characters_more(source, limit) -> None:
    assert max_translation_length(source) == limit


# --- glyphs --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("character", "name"), [("\u2d30", "TIFINAGH LETTER YA"),
                                                 ("\U0001f600", "GRINNING FACE")])
def test_a_character_no_shipped_font_has_is_refused_on_import(cli, campaign_copy, snapshot, exported, character,
                                                              name) -> None:
    out = exported("en", "en.po")
    po_edit(out, BODY, f"{EN_BODY} {character}")
    line = line_of(out, character)

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors == [
        f"{out}:{line}:{_column(out, line, character)}: error: {BODY} (en): U+{ord(character):04X} {name} cannot be "
        "drawn: no font of the 'Voorbeeld Sans' family (used by brand gemeente-voorbeeld) has it (replace or "
        "remove the character; no font Campaign Studio ships can draw it)"]
    assert "no longer fits" not in result.err


def test_validate_finds_a_character_no_font_has_in_a_source_text(cli, campaign_copy) -> None:
    line = campaign_copy.replace("body: Iedereen heeft", "body: Iedereen \u2d30 heeft")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert result.errors == [
        f"{campaign_copy.file}:{line}:{campaign_copy.column_of(line, chr(0x2d30))}: error: {BODY} (nl): U+2D30 "
        "TIFINAGH LETTER YA cannot be drawn: no font of the 'Voorbeeld Sans' family (used by brand "
        "gemeente-voorbeeld) has it (replace or remove the character; no font Campaign Studio ships can draw it)"]


def test_validate_checks_every_stored_translation(cli, campaign_copy) -> None:
    """A PO file edited by hand: each problem at its line, in its language; render refuses that language."""
    ar = campaign_copy.folder / "translations" / "ar.po"
    tr = campaign_copy.folder / "translations" / "tr.po"
    po_edit(ar, BODY, "\u2067" + polib.pofile(str(ar), wrapwidth=0).find(NL_BODY, msgctxt=BODY).msgstr)
    po_edit(tr, HEADLINE, "Nereye kadar \u2d30 eğlenceli?")
    po_edit(tr, BODY, "y" * 1000)
    ar_line, tr_line = line_of(ar, "\u2067"), line_of(tr, "\u2d30")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert sorted(result.errors) == sorted([
        f"{ar}:{ar_line}:{_column(ar, ar_line, chr(0x2067))}: error: {BODY}: the translation contains U+2067 "
        "RIGHT-TO-LEFT ISOLATE, an invisible bidi control that changes the order in which the text is shown (delete "
        "it: it is invisible, so retype the words around it or search for \\u2067 in your editor; Campaign Studio "
        "sets the direction of each language itself)",
        f"{tr}:{tr_line}:{_column(tr, tr_line, chr(0x2d30))}: error: {HEADLINE} (tr): U+2D30 TIFINAGH LETTER YA "
        "cannot be drawn: no font of the 'Voorbeeld Sans' family (used by brand gemeente-voorbeeld) has it "
        "(replace or remove the character; no font Campaign Studio ships can draw it)",
        f"{tr}:{po_line(tr, BODY) + 2}:1: error: {BODY}: the translation is 1000 characters long; a translation may "
        f"have at most 3 × its source's length or 200 characters more, whichever is more: 290 characters for this "
        f"source of {len(NL_BODY)} (shorten it, or check that the entry holds only this text's translation)",
    ])

    rendered = cli("render", "-t", "action-line", "-f", "post-4x5", "--message", "respect-boundaries", "--lang", "ar",
                   "--campaign", campaign_copy.folder, "-o", campaign_copy.folder.parent / "ar.png")
    assert rendered.code == 1
    assert "U+2067 RIGHT-TO-LEFT ISOLATE" in rendered.err
    assert not (campaign_copy.folder.parent / "ar.png").exists()


# --- every entry merged or refused ---------------------------------------------------------------

def test_a_msgstr_0_without_msgid_plural_is_refused_at_its_line(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.po")
    replace_in(out, f'msgstr "{EN_BODY}"', f'msgstr[0] "{EN_BODY} Now."')
    line = line_of(out, "msgstr[0]")

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors == [f'{out}:{line}:1: error: {BODY}: the translation is written as msgstr[0], a plural form, '
                             'but the entry has no msgid_plural (write it as msgstr "..."; campaign texts have one '
                             'translation each)']


def test_untranslated_entries_are_counted_not_dropped_silently(cli, campaign_copy, exported) -> None:
    out = exported("en", "en.xlf")
    xliff_edit(out, HEADLINE, "", state="translated")
    replace_in(out, f'<target state="final" xml:space="preserve">{EN_BODY}</target>', "")

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err
    assert result.out.rstrip().endswith("; 2 without a translation in the file, left as before)")


# --- the place it writes to ------------------------------------------------------------------------

def test_a_translations_file_where_the_folder_belongs_is_refused_by_name(cli, campaign_copy, exported) -> None:
    """Regression: import into a campaign whose translations/ is a file ended in exit 3 (FileExistsError)."""
    out = exported("en", "en.po")
    po_edit(out, BODY, EN_BODY + " Now.")
    folder = campaign_copy.folder / "translations"
    for po in folder.iterdir():
        po.unlink()
    folder.rmdir()
    folder.write_text("not a folder\n", encoding="utf-8")

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 2, result.err
    result.assert_no_traceback()
    assert result.errors == [f"{folder}: error: the translations folder is a file, not a folder "
                             "(move the file away and let a folder translations/ take its place)"]
    assert folder.read_text(encoding="utf-8") == "not a folder\n"
