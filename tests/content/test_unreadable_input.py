"""Input that cannot be read at all (exit code 2): bad YAML, wrong encoding, unsafe tags, huge files.

Each case asserts the exit code, the exact FILE:LINE:COL of the one error, the words of
the message and of the fix, and that no Python traceback reaches the user.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from campaign_studio.content.yamlsource import MAX_FILE_BYTES


def _single_error(result, path: Path, line: int | None, column: int | None, diagnostic) -> str:
    assert result.code == 2, result.err
    result.assert_no_traceback()
    found = diagnostic(result, path, line, column)
    assert result.errors == [found], result.err
    assert result.out == "", "nothing is printed on stdout for unreadable input"
    return found


# --- YAML syntax, edited into a copy made with `init` ------------------------------------------------

YAML_CASES = [
    # id, old, new, reported line holds `at` (first one after `at_after`), column of `col` on it, words
    ("colon-in-unquoted-text",
     'citation: "Bron: Rutgers, Seksuele gezondheid in Nederland 2017. Onderzoek onder ruim 17.000 mensen van 18 tot 80 jaar."',
     "citation: Bron: Rutgers, Seksuele gezondheid in Nederland 2017.",
     "citation: Bron", None, ": Rutgers",
     ("invalid YAML: unexpected ':' here", "put text that contains ': ' in quotes")),
    ("unclosed-bracket",
     "  title: Elkaars wensen", "  title: [Elkaars wensen",
     "title: [", None, "[",
     ("the list opened with '[' here is not closed properly", "YAML stopped at line",
      "text that starts with '[' must be in quotes")),
    ("unclosed-quote",
     "    short: OCW", '    short: "OCW',
     'short: "OCW', None, '"OCW',
     ("the quoted text that starts here is not closed on its line; it runs on to line 48",
      "add the closing quote at the end of the text")),
    ("unclosed-quote-on-the-last-line",
     "    help: centrum-seksueel-geweld\n\n  - id: lgbtiq", "    help: centrum-seksueel-geweld\n\n  - id: 'lgbtiq",
     "id: 'lgbtiq", None, "'lgbtiq",
     ("the quoted text that starts here is never closed", "add the closing quote")),
    ("misaligned-key",
     "    short: SZW", "   short: SZW",
     "   short: SZW", None, "short",
     ("this line does not line up with the lines above it", "indent it exactly like the other keys")),
    ("value-then-indented-key",
     "    short: VWS", "      short: VWS",
     "      short: VWS", None, ":",
     ("unexpected ':' here; this line is indented deeper than line 31 above it, so YAML reads it as more text "
      "of 'name:'", "line 31 or this line has the wrong indentation")),
    ("list-item-key-indented-too-little",
     "  - id: vws\n    name:", "  - id: vws\n   name:",
     "   name:", "id: vws", "name",
     ("this line does not line up with the lines above it", "a key and a list item cannot share a level")),
    ("list-item-indented-too-much",
     "      - group: women\n        value: 53", "    - group: women\n        value: 53",
     "        value: 53", None, ":",
     ("this line is indented deeper than line 94 above it, so YAML reads it as more text of 'group:'",
      "line 94 or this line has the wrong indentation")),
    ("character-that-cannot-start-a-value",
     "    short: JenV", "    short: @JenV",
     "short: @JenV", None, "@",
     ("a value cannot start with '@'", "put the text in quotes")),
    ("tab-in-indentation",
     "    short: OCW", "\tshort: OCW",
     "\tshort: OCW", None, "\t",
     ("tab character in indentation", "YAML indents with spaces only; replace the tab with spaces")),
    ("tab-after-spaces-in-indentation",
     "    short: OCW", "  \t short: OCW",
     "\t short: OCW", None, "\t",
     ("tab character in indentation", "replace the tab with spaces")),
    ("duplicate-key-in-a-mapping",
     "    short: OCW\n", "    short: OCW\n    short: Onderwijs\n",
     "short: Onderwijs", None, "short",
     ("organisations[0].short:", "key 'short' appears twice in the same mapping (first on line 24)",
      "remove or rename one of them")),
    ("item-without-its-dash",
     "  - id: veilig-thuis\n", "",
     "    name: Veilig Thuis", None, "name",
     ("help_contacts[0].name: key 'name' appears twice in the same mapping (first on line 150)",
      "if they belong to different items, start the new item with '- '")),
    ("duplicate-top-level-key",
     "id: nap-sggsg\n", "id: nap-sggsg\nid: other\n",
     "id: other", None, "id",
     ("id:", "key 'id' appears twice in the same mapping (first on line 8)")),
    ("undefined-alias",
     "    short: OCW", "    short: *ocw",
     "short: *ocw", None, "*ocw",
     ("alias *ocw has no anchor &ocw before it", "define &ocw earlier in the file, or write the value out")),
    ("duplicate-anchor",
     "    short: OCW\n", "    short: &s OCW\n    role: initiator\n  - id: ocw2\n    short: &s OCW\n",
     "short: &s OCW", "id: ocw2", "&s",
     ("found duplicate anchor 's' (first on line 24)", "give each anchor its own name")),
    ("merge-key",
     "    short: OCW", "    <<: {short: OCW}",
     "<<:", None, "<<",
     ("merge keys ('<<: *name') are not supported", "write the keys out in this mapping")),
    ("key-that-is-a-list",
     "    short: OCW", "    [a, b]: OCW",
     "[a, b]: OCW", None, "[",
     ("a key must be plain text", "write the key as a word followed by ':'")),
]


@pytest.mark.parametrize(("old", "new", "at", "at_after", "col", "words"), [c[1:] for c in YAML_CASES],
                         ids=[c[0] for c in YAML_CASES])
def test_yaml_error_is_located(old, new, at, at_after, col, words, campaign_copy, cli, diagnostic) -> None:
    campaign_copy.replace(old, new)
    line = campaign_copy.line_of(at, at_after)
    column = campaign_copy.column_of(line, col)

    found = _single_error(cli("validate", "--campaign", campaign_copy.folder), campaign_copy.file, line, column,
                          diagnostic)

    for w in words:
        assert w in found, f"{w!r} missing from:\n{found}"


# --- whole files -----------------------------------------------------------------------------------

FILE_CASES = [
    # id, content, line, column, words
    ("empty-file", b"", 1, 1, ("campaign.yaml is empty", "start from a copy made with 'campaign-studio init DIR'")),
    ("only-blank-lines", b"\n   \n\n", 1, 1, ("campaign.yaml is empty",)),
    ("only-comments", b"# a campaign\n# to be written\n", 1, 1, ("campaign.yaml is empty",)),
    ("list-instead-of-mapping", b"- format: campaign-studio/1\n- id: x\n", 1, 1,
     ("campaign.yaml must be a mapping of keys (format:, id:, programme:, ...), found a list",
      "remove the leading '- '")),
    ("single-value-instead-of-mapping", b"just some text\n", 1, 1,
     ("campaign.yaml must be a mapping of keys", "found a single value", "campaign-studio init DIR")),
    ("not-utf-8", "format: campaign-studio/1\nid: café\n".encode("latin-1"), 2, 8,
     ("campaign.yaml is not UTF-8 text (byte 0xE9 cannot be decoded)", "save the file with UTF-8 encoding")),
    ("utf-16", "format: campaign-studio/1\n".encode("utf-16"), 1, 1,
     ("campaign.yaml is not UTF-8 text (byte 0xFF", "save the file with UTF-8 encoding")),
    ("control-character", b"format: campaign-studio/1\nid: nap\x07sggsg\n", 2, 8,
     ("the file contains the control character U+0007", "remove it")),
    ("nul-byte", b"format: campaign-studio/1\nid: nap\x00\n", 2, 8, ("control character U+0000",)),
    ("deep-nesting", b"format: " + b"[" * 120 + b"]" * 120 + b"\n", 1, None,
     ("nested more than 50 levels deep", "check the indentation and brackets")),
    ("very-deep-nesting", b"format: " + b"[" * 20000 + b"]" * 20000 + b"\n", None, None,
     ("nested more than 50 levels deep",)),
    ("self-referencing-alias", b"format: &loop [campaign-studio/1, *loop]\n", 1, 35,
     ("alias *loop is used inside the value &loop it stands for, an endless loop", "remove *loop here")),
    ("self-referencing-alias-in-mapping", b"programme: &p\n  name: x\n  again: *p\n", 3, 10,
     ("alias *p is used inside the value &p it stands for",)),
]


@pytest.mark.parametrize(("content", "line", "column", "words"), [c[1:] for c in FILE_CASES],
                         ids=[c[0] for c in FILE_CASES])
def test_unreadable_file_is_located(content, line, column, words, campaign_copy, cli, diagnostic) -> None:
    campaign_copy.write(content)

    result = cli("validate", "--campaign", campaign_copy.folder)

    if line is None:  # reported somewhere, but exactly once and cleanly
        assert result.code == 2
        result.assert_no_traceback()
        assert len(result.errors) == 1, result.err
        found = result.errors[0]
        assert found.startswith(f"{campaign_copy.file}:")
    else:
        found = _single_error(result, campaign_copy.file, line, column, diagnostic)
    for w in words:
        assert w in found, f"{w!r} missing from:\n{found}"


def test_tab_between_key_and_value_is_valid_yaml(campaign_copy, cli) -> None:
    campaign_copy.replace("    short: OCW", "    short:\tOCW")

    assert cli("validate", "--campaign", campaign_copy.folder).code == 0


def test_byte_order_mark_is_accepted(campaign_copy, cli) -> None:
    campaign_copy.write(b"\xef\xbb\xbf" + campaign_copy.text().encode("utf-8"))

    assert cli("validate", "--campaign", campaign_copy.folder).code == 0


def test_windows_line_endings_keep_line_numbers(campaign_copy, cli, diagnostic) -> None:
    line = campaign_copy.replace("    phone: 0800-2000", "    phone: 0800-XXXX")
    campaign_copy.write(campaign_copy.text().replace("\n", "\r\n").encode("utf-8"))

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    diagnostic(result, campaign_copy.file, line, 12)


# --- unsafe YAML ---------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system",
    "!!python/object/new:os.system",
    "!!python/name:os.system",
])
def test_python_tag_is_refused_and_nothing_runs(tag, campaign_copy, cli, diagnostic, tmp_path) -> None:
    marker = tmp_path / "executed"
    line = campaign_copy.replace("id: nap-sggsg", f"id: {tag} ['touch {marker}']")
    column = campaign_copy.column_of(line, "!!python")

    found = _single_error(cli("validate", "--campaign", campaign_copy.folder), campaign_copy.file, line, column,
                          diagnostic)

    assert f"id: YAML tag '{tag}' is not allowed; nothing was built from it" in found
    assert "campaign files hold plain data: remove the tag" in found
    assert not marker.exists(), "the tag was executed"


def test_python_tag_at_the_top_is_refused(campaign_copy, cli, diagnostic, tmp_path) -> None:
    marker = tmp_path / "executed"
    campaign_copy.write(f"!!python/object/apply:os.system ['touch {marker}']\n")

    found = _single_error(cli("validate", "--campaign", campaign_copy.folder), campaign_copy.file, 1, 1, diagnostic)

    assert "YAML tag '!!python/object/apply:os.system' is not allowed" in found
    assert not marker.exists()


@pytest.mark.parametrize(("value", "shown"), [
    ("!!binary aGVsbG8=", "!!binary"),
    ("!!set {a, b}", "!!set"),
    ("!custom thing", "!custom"),
    ("!!str [a, b]", "!!str"),
])
def test_other_tags_are_refused(value, shown, campaign_copy, cli, diagnostic) -> None:
    line = campaign_copy.replace("id: nap-sggsg", f"id: {value}")

    found = _single_error(cli("validate", "--campaign", campaign_copy.folder), campaign_copy.file, line, 5, diagnostic)

    assert f"YAML tag '{shown}' is not allowed" in found


def test_standard_tags_on_plain_values_are_fine(campaign_copy, cli) -> None:
    campaign_copy.replace('    phone: "112"', "    phone: !!str 112")

    assert cli("validate", "--campaign", campaign_copy.folder).code == 0


def test_alias_bomb_is_refused_without_expanding(campaign_copy, cli, diagnostic) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    campaign_copy.write("\n".join(lines) + "\n")

    found = _single_error(cli("validate", "--campaign", campaign_copy.folder), campaign_copy.file, 9, 8, diagnostic)

    assert "alias *h expands to 48,427,561 values, more than the 100,000 a file may hold" in found
    assert "refused without expanding them" in found
    assert "remove the anchors and aliases" in found


def test_many_small_aliases_adding_up_are_refused(campaign_copy, cli) -> None:
    block = "x: &x [" + ",".join(["1"] * 200) + "]\n"
    campaign_copy.write(block + "y: [" + ",".join(["*x"] * 600) + "]\n")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 2
    assert "the aliases in this file expand to 120,805 values" in result.err


def test_a_few_aliases_are_allowed(campaign_copy, cli) -> None:
    """Anchors and aliases are ordinary YAML; only loops and bombs are refused."""
    campaign_copy.replace("    hours: dag en nacht\n", "    hours: &always dag en nacht\n")
    campaign_copy.replace("    hours: dag en nacht\n", "    hours: *always\n")

    assert cli("validate", "--campaign", campaign_copy.folder).code == 0


# --- files that are too large or not files --------------------------------------------------------

def test_50_mb_file_is_refused_by_its_size(campaign_copy, cli, diagnostic, monkeypatch) -> None:
    with campaign_copy.file.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them

    def no_reading(*args, **kwargs):  # the size alone must refuse it
        raise AssertionError("the 50 MB file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    found = _single_error(cli("validate", "--campaign", campaign_copy.folder), campaign_copy.file, None, None, diagnostic)

    assert "campaign.yaml is 50.0 MB, more than the 2 MB such a file may have; it was not read" in found
    assert "is this the right file?" in found


def test_file_just_over_the_limit_is_refused(campaign_copy, cli) -> None:
    campaign_copy.write(b"#" * (MAX_FILE_BYTES + 1))

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 2
    assert "more than the 2 MB" in result.err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_special_file_is_refused(campaign_copy, cli, diagnostic) -> None:
    campaign_copy.file.unlink()
    campaign_copy.file.symlink_to("/dev/zero")

    found = _single_error(cli("validate", "--campaign", campaign_copy.folder), campaign_copy.file, None, None, diagnostic)

    assert "campaign.yaml is not a regular file (a device, pipe or socket)" in found


def test_campaign_yaml_that_is_a_folder(campaign_copy, cli, diagnostic) -> None:
    campaign_copy.file.unlink()
    campaign_copy.file.mkdir()

    found = _single_error(cli("validate", "--campaign", campaign_copy.folder), campaign_copy.file, None, None, diagnostic)

    assert "campaign.yaml is a folder, expected a file" in found


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(campaign_copy, cli, diagnostic) -> None:
    campaign_copy.file.chmod(0)
    try:
        found = _single_error(cli("validate", "--campaign", campaign_copy.folder), campaign_copy.file, None, None,
                              diagnostic)
    finally:
        campaign_copy.file.chmod(0o644)
    assert "cannot read campaign.yaml: permission denied" in found


def test_permission_denied_is_reported(campaign_copy, cli, diagnostic, monkeypatch) -> None:
    """Simulated, so it also runs as root (who may read any file)."""

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)

    found = _single_error(cli("validate", "--campaign", campaign_copy.folder), campaign_copy.file, None, None, diagnostic)

    assert "cannot read campaign.yaml: permission denied" in found
    assert "check the file's permissions" in found


# --- the --campaign folder -----------------------------------------------------------------------

def test_folder_without_campaign_yaml(tmp_path, cli, diagnostic) -> None:
    folder = tmp_path / "empty-folder"
    folder.mkdir()

    found = _single_error(cli("validate", "--campaign", folder), folder, None, None, diagnostic)

    assert "no campaign.yaml in this folder" in found
    assert "campaign-studio init DIR" in found


def test_campaign_folder_that_does_not_exist(tmp_path, cli, diagnostic) -> None:
    folder = tmp_path / "nowhere"

    found = _single_error(cli("validate", "--campaign", folder), folder, None, None, diagnostic)

    assert "campaign folder not found" in found
    assert "check the --campaign path" in found


def test_campaign_option_naming_the_yaml_file(campaign_copy, cli, diagnostic) -> None:
    found = _single_error(cli("validate", "--campaign", campaign_copy.file), campaign_copy.file, None, None, diagnostic)

    assert "--campaign must name a folder that holds campaign.yaml, not a file" in found
    assert f"use --campaign {campaign_copy.folder}" in found


def test_list_on_unreadable_campaign_is_exit_2(campaign_copy, cli, diagnostic) -> None:
    campaign_copy.write("- a list\n")

    found = _single_error(cli("list", "stats", "--campaign", campaign_copy.folder), campaign_copy.file, 1, 1,
                          diagnostic)

    assert "must be a mapping of keys" in found


# --- translations ---------------------------------------------------------------------------------

PO_HEADER = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(("content", "line", "words"), [
    (PO_HEADER + 'msgctxt "programme.name"\nmsgid "x"\nmsgid "y"\n', 8, ("not a valid PO file: syntax error",)),
    (PO_HEADER + 'msgctxt "programme.name"\nmsgid "a" "x\nmsgstr "b"\n', 7,
     ("not a valid PO file: syntax error (unescaped double quote found)",)),
    ("this is not a PO file\n", 1, ("not a valid PO file: syntax error",)),
])
def test_broken_po_file_for_list_languages(content, line, words, campaign_copy, cli, diagnostic) -> None:
    po = campaign_copy.folder / "translations" / "de.po"
    po.parent.mkdir(exist_ok=True)
    po.write_text(content, encoding="utf-8")

    found = _single_error(cli("list", "languages", "--campaign", campaign_copy.folder), po, line, 1, diagnostic)

    for w in words:
        assert w in found
    assert "check the quotes and msgctxt/msgid/msgstr lines here" in found


def test_po_file_not_utf8(campaign_copy, cli, diagnostic) -> None:
    po = campaign_copy.folder / "translations" / "de.po"
    po.parent.mkdir(exist_ok=True)
    po.write_bytes((PO_HEADER + 'msgctxt "programme.name"\nmsgid "a"\nmsgstr "Straße"\n').encode("latin-1"))

    found = _single_error(cli("list", "languages", "--campaign", campaign_copy.folder), po, 8, 13, diagnostic)

    assert "translation file is not UTF-8 text" in found
