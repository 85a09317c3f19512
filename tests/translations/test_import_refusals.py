"""A bad import file is refused whole, with a located message, and nothing changes."""

from __future__ import annotations

import polib
import pytest
from trkit import HEADLINE, line_of, po_edit, po_line, replace_in, xliff_edit, xliff_line

BODY = "messages.respect-boundaries.body"
NL_BODY = "Iedereen heeft eigen wensen en grenzen. Vraag wat de ander wil. Luister naar het antwoord."


@pytest.fixture
def exported(cli, campaign_copy, tmp_path):  # type: ignore[no-untyped-def]
    """export(lang, name): a fresh export of the campaign copy in tmp_path."""

    def export(lang: str, name: str):  # type: ignore[no-untyped-def]
        out = tmp_path / name
        result = cli("translations", "export", "--lang", lang, "--campaign", campaign_copy.folder, "-o", out)
        assert result.code == 0, result.err
        return out

    return export


def _refused(cli, campaign_copy, snapshot, path, code: int = 1):  # type: ignore[no-untyped-def]
    before = snapshot(campaign_copy.folder)
    result = cli("translations", "import", path, "--campaign", campaign_copy.folder)
    assert result.code == code, result.err
    result.assert_no_traceback()
    assert snapshot(campaign_copy.folder) == before, "nothing changed"
    assert "merged" not in result.out
    if code == 1:
        assert result.err.rstrip().endswith("; nothing was changed")
    return result


# --- placeholders --------------------------------------------------------------------------------

def _source_with_placeholder(campaign_copy) -> None:  # type: ignore[no-untyped-def]
    campaign_copy.replace(f"body: {NL_BODY}", "body: Hoi {name}, iedereen heeft eigen wensen en grenzen. "
                          "Vraag wat de ander wil.")


@pytest.mark.parametrize(("translation", "messages"), [
    ("Hi, everyone has their own wishes and boundaries. Ask what the other person wants.",
     ["placeholder '{name}' of the source is missing from the translation"]),
    ("Hi {naam}, everyone has their own wishes and boundaries. Ask what the other person wants.",
     ["placeholder '{name}' of the source is missing from the translation",
      "the translation has placeholder '{naam}', which the source does not have"]),
    ("Hi {name}, {name}, everyone has their own wishes. %s",
     ["the translation has placeholder '%s', '{name}', which the source does not have"]),
])
def test_a_broken_placeholder_is_refused(cli, campaign_copy, snapshot, exported, diagnostic, translation,
                                         messages) -> None:
    _source_with_placeholder(campaign_copy)
    out = exported("en", "en.po")
    po_edit(out, BODY, translation, flags=[])

    result = _refused(cli, campaign_copy, snapshot, out)

    line = po_line(out, BODY)
    assert [e.split(" (")[0] for e in result.errors] == [f"{out}:{line}:1: error: {BODY}: {m}" for m in messages]
    assert diagnostic(result, out, line, 1)


def test_a_broken_placeholder_in_xliff_is_refused(cli, campaign_copy, snapshot, exported) -> None:
    _source_with_placeholder(campaign_copy)
    out = exported("en", "en.xlf")
    xliff_edit(out, BODY, "Hi, everyone has their own wishes and boundaries.", state="final")

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors == [f"{out}:{xliff_line(out, BODY)}:7: error: {BODY}: placeholder '{{name}}' of the source "
                             "is missing from the translation (copy the placeholder exactly as it is in the source, "
                             "e.g. {name}; only the words around it are translated)"]


# --- language ------------------------------------------------------------------------------------

def test_a_file_in_the_wrong_language_is_refused(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "ar.po")
    po_edit(out, HEADLINE, language="ar")  # the English file, declared Arabic
    judged = sum(e.msgstr != e.msgid for e in polib.pofile(str(out)))  # names such as '112' are not judged

    result = _refused(cli, campaign_copy, snapshot, out)

    assert 70 < judged < 80
    assert result.errors == [
        f"{out}:{line_of(out, 'Language: ar')}:1: error: the file declares language 'ar' (Arabic, Arabic script), "
        f"but only 0 of its {judged} translations contain Arabic letters; they are written in Latin script "
        "(is this the right file, or is the declared language wrong?)"]


def test_a_wrong_language_xliff_is_refused_at_its_file_element(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("tr", "uk.xlf")
    xliff_edit(out, HEADLINE, "Nereye kadar ikiniz için de hoş?", target_language="uk")

    result = _refused(cli, campaign_copy, snapshot, out)

    assert len(result.errors) == 1
    assert result.errors[0].startswith(f"{out}:{line_of(out, '<file ')}:3: error: the file declares language 'uk' "
                                       "(Ukrainian, Cyrillic script), but only 0 of its")


def test_names_that_stay_dutch_do_not_count_against_the_script(cli, campaign_copy, exported) -> None:
    out = exported("ar", "ar.po")
    po_edit(out, HEADLINE, "إلى أي حد يكون الأمر ممتعًا لكليكما؟")

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err
    assert "1 updated" in result.out


@pytest.mark.parametrize(("header", "message"), [
    ("Language: english", "the declared language 'english' is not a language CLDR knows"),
    ("Language: en GB", "the declared language 'en GB' is not a BCP 47 language code"),
    ("Language: nl", "the file declares the campaign's source language 'nl' as its language"),
    ("X-Source-Language: de", "the file was translated from 'de', but the campaign's source language is 'nl'"),
])
def test_a_bad_language_header_is_refused(cli, campaign_copy, snapshot, exported, header, message) -> None:
    out = exported("en", "en.po")
    key = header.split(":")[0]
    text = out.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith(f'"{key}: '))
    replace_in(out, old, f'"{header}\\n"')

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors[0].startswith(f"{out}:{line_of(out, 'Language: ')}:1: error: {message}"), result.err


def test_a_file_without_a_language_is_refused(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.po")
    replace_in(out, '"Language: en\\n"\n', "")

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors == [f"{out}:1:1: error: the file does not say which language it holds "
                             "(add a 'Language: xx' header line)"]


# --- markup --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("translation", "shown"), [
    ("How far is it fun <script>alert('x')</script> for both of you?", "'<script>', '</script>'"),
    ("How far is it <b>fun</b> for both of you?", "'<b>', '</b>'"),
    ("<img src=x onerror=alert(1)> How far is it fun?", "'<img src=x onerror=alert(1)>'"),
    ("How far is it fun&nbsp;for both of you?", "'&nbsp;'"),
    ("How far is it fun for both of you? javascript:alert(1)", "'javascript:'"),
])
def test_injected_markup_is_refused(cli, campaign_copy, snapshot, exported, translation, shown) -> None:
    out = exported("en", "en.po")
    po_edit(out, HEADLINE, translation)

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors == [f"{out}:{po_line(out, HEADLINE)}:1: error: {HEADLINE}: the translation contains markup "
                             f"the source does not have: {shown} (translations are plain text; remove it)"]


def test_a_control_character_is_refused(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.po")
    po_edit(out, HEADLINE, "How far is it fun\tfor both of you?")

    result = _refused(cli, campaign_copy, snapshot, out)

    line = line_of(out, "How far is it fun\\tfor")  # the msgstr line, at the escape
    assert result.errors == [f"{out}:{line}:26: error: {HEADLINE}: the translation contains U+0009 CHARACTER "
                             "TABULATION, a control character (remove it; only line breaks may appear in a text)"]


def test_escaped_markup_in_xliff_is_refused(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.xlf")
    xliff_edit(out, HEADLINE, "How far <script>alert(1)</script> is it fun?", state="final")
    assert "&lt;script&gt;" in out.read_text(encoding="utf-8")

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors == [f"{out}:{xliff_line(out, HEADLINE)}:7: error: {HEADLINE}: the translation contains markup "
                             "the source does not have: '<script>', '</script>' (translations are plain text; remove it)"]


def test_an_xml_element_in_an_xliff_target_is_refused(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.xlf")
    replace_in(out, ">How far is it fun for both of you?</target>",
               '>How far is it <g id="1" ctype="bold">fun</g> for both of you?</target>')

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors == [f"{out}:{xliff_line(out, HEADLINE)}:7: error: {HEADLINE}: the translation contains the XML "
                             "element <g>; campaign texts are plain text (remove the element, keep its words)"]


# --- ids -----------------------------------------------------------------------------------------

def test_an_unknown_text_id_is_refused_with_a_suggestion(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.po")
    po_edit(out, HEADLINE, msgctxt="messages.respect-boundaries.headlin")
    po_edit(out, "programme.title", msgctxt="programme.subtitle-that-never-was")

    result = _refused(cli, campaign_copy, snapshot, out)

    assert result.errors == [
        f"{out}:{po_line(out, 'programme.subtitle-that-never-was')}:1: error: unknown text id "
        "'programme.subtitle-that-never-was': the campaign has no such text (did you mean 'programme.title'?)",
        f"{out}:{po_line(out, 'messages.respect-boundaries.headlin')}:1: error: unknown text id "
        "'messages.respect-boundaries.headlin': the campaign has no such text "
        "(did you mean 'messages.respect-boundaries.headline'?)"]


def test_an_entry_without_context_and_a_duplicate_are_refused(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.po")
    text = out.read_text(encoding="utf-8")
    replace_in(out, 'msgctxt "programme.title"\n', "")
    out.write_text(out.read_text(encoding="utf-8") + '\nmsgctxt "programme.name"\nmsgid "x"\nmsgstr "y"\n',
                   encoding="utf-8")
    last = len(out.read_text(encoding="utf-8").splitlines()) - 2

    result = _refused(cli, campaign_copy, snapshot, out)

    assert f"{out}:{last}:1: error: text id 'programme.name' appears twice (first on line " \
           f"{po_line(out, 'programme.name')})" in result.err
    context_line = text.splitlines().index('msgctxt "programme.title"') + 1
    assert f"{out}:{context_line}:1: error: entry 'Elkaars wensen en grenzen herkennen, erkennen ...' has no " \
           "msgctxt, so it is not clear which text it translates" in result.err


def test_every_finding_of_a_file_is_reported_at_once(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.po")
    po_edit(out, HEADLINE, "How far <i>is</i> it fun?")
    po_edit(out, BODY, msgctxt="messages.respect-boundaries.bdy")

    result = _refused(cli, campaign_copy, snapshot, out)

    assert len(result.errors) == 2
    assert "refused (2 errors, 0 warnings); nothing was changed" in result.err


# --- unreadable files (exit 2) -------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "column", "message"), [
    ('msgstr "How far is it fun for both of you?"', 'msgstr "How far is it fun for both of you?', 8,
     "not a valid PO file: the quoted text that starts here is not closed properly"),
    ('msgstr "How far is it fun for both of you?"', 'msgstr "How far is it "fun" for both of you?"', 8,
     "not a valid PO file: the quoted text that starts here is not closed properly"),
    ('msgstr "How far is it fun for both of you?"', 'msgstr How far is it fun for both of you?', 1,
     "not a valid PO file: msgstr must be followed by a text in double quotes"),
    ('msgstr "How far is it fun for both of you?"', 'How far is it fun for both of you?', 1,
     "not a valid PO file: expected a msgctxt, msgid or msgstr line, a quoted continuation or a # comment"),
    ('msgstr "How far is it fun for both of you?"', 'msgstr "How far is it fun \\q for both of you?"', 27,
     "not a valid PO file: unknown escape '\\q' in a quoted text"),
])
def test_a_po_file_with_a_syntax_error_is_refused(cli, campaign_copy, snapshot, exported, old, new, column,
                                                 message) -> None:
    out = exported("en", "en.po")
    line = line_of(out, old)
    replace_in(out, old, new)

    result = _refused(cli, campaign_copy, snapshot, out, code=2)

    assert result.err.splitlines()[0].startswith(f"{out}:{line}:{column}: error: {message}"), result.err


def test_a_po_grammar_error_polib_finds_is_refused(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.po")
    line = line_of(out, 'msgstr "How far is it fun for both of you?"')
    replace_in(out, 'msgstr "How far is it fun for both of you?"', 'msgid "How far is it fun for both of you?"')

    result = _refused(cli, campaign_copy, snapshot, out, code=2)

    assert result.err.startswith(f"{out}:"), result.err
    assert "error: not a valid PO file: syntax error" in result.err
    assert abs(int(result.err.split(":")[1]) - line) <= 1


DOCTYPE = '<!DOCTYPE xliff [\n  <!ENTITY lol "lol">\n  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'


def test_an_xliff_with_a_doctype_entity_is_refused_before_parsing(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.xlf")
    text = out.read_text(encoding="utf-8")
    declaration_end = text.index("?>") + 2
    out.write_text(text[:declaration_end] + "\n" + DOCTYPE + text[declaration_end + 1:].replace(
        ">How far is it fun for both of you?<", ">&lol2;<"), encoding="utf-8")

    result = _refused(cli, campaign_copy, snapshot, out, code=2)

    assert result.err.splitlines()[0] == (
        f"{out}:2:1: error: the file has a DOCTYPE declaration; XLIFF files need none, and it was refused before "
        "parsing (entity declarations can make a small file expand enormously) "
        "(remove the <!DOCTYPE ...> or <!ENTITY ...> declaration)")


def test_an_xliff_entity_declaration_without_doctype_is_refused(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.xlf")
    replace_in(out, "<body>", '<body><!ENTITY x "y">')

    result = _refused(cli, campaign_copy, snapshot, out, code=2)

    assert result.err.startswith(f"{out}:{line_of(out, '<!ENTITY')}:")
    assert "error: the file has a ENTITY declaration" in result.err


@pytest.mark.parametrize(("old", "new", "message"), [
    ("</target>", "</targt>", "not well-formed XML: mismatched tag"),
    (">How far is it fun for both of you?<", ">How far &amp is it fun?<", "not well-formed XML: not well-formed"),
    (">How far is it fun for both of you?<", ">How far &lol; is it fun?<", "not well-formed XML: undefined entity"),
])
def test_malformed_xliff_is_refused(cli, campaign_copy, snapshot, exported, old, new, message) -> None:
    out = exported("en", "en.xlf")
    line = line_of(out, old)
    replace_in(out, old, new)

    result = _refused(cli, campaign_copy, snapshot, out, code=2)

    assert result.err.startswith(f"{out}:{line}:"), result.err
    assert message in result.err


def test_an_xml_file_that_is_not_xliff_is_refused(cli, campaign_copy, snapshot, tmp_path) -> None:
    out = tmp_path / "en.xliff"
    out.write_text('<?xml version="1.0"?>\n<resources>\n  <string name="x">y</string>\n</resources>\n',
                   encoding="utf-8")

    result = _refused(cli, campaign_copy, snapshot, out, code=2)

    assert result.err.startswith(f"{out}:2:1: error: not an XLIFF 1.2 or 2.x document: the root element is "
                                 "<resources> without a namespace")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("en.txt", "hello", "cannot import a '.txt' file: translations come as .po, .xlf or .xliff"),
    ("en.po", None, "PO file not found"),
    ("en.po", b"msgid \"\"\nmsgstr \"\\xff\"\n\xff\n", "PO file is not UTF-8 text"),
])
def test_unreadable_files_are_refused(cli, campaign_copy, snapshot, tmp_path, name, content, message) -> None:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)

    result = _refused(cli, campaign_copy, snapshot, path, code=2)

    assert result.err.startswith(f"{path}:"), result.err
    assert message in result.err


def test_dry_run_checks_without_writing(cli, campaign_copy, snapshot, exported) -> None:
    out = exported("en", "en.po")
    po_edit(out, HEADLINE, "Where is it still fun for you both?")
    before = snapshot(campaign_copy.folder)

    result = cli("translations", "import", out, "--dry-run", "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err
    assert "would merge" in result.out and "1 updated" in result.out and "nothing written (--dry-run)" in result.out
    assert snapshot(campaign_copy.folder) == before
