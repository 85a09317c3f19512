"""The command line: list, init, help, exit codes and internal errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from campaign_studio import pipeline
from campaign_studio.cli import main as cli_main
from campaign_studio.cli.listing import TABLE_COLUMNS

EXPECTED_FORMATS = [
    ("post-4x5", "social", 1080, 1350, "1080×1350 px"),
    ("post-1x1", "social", 1080, 1080, "1080×1080 px"),
    ("story-9x16", "social", 1080, 1920, "1080×1920 px"),
    ("long-1080x2700", "social", 1080, 2700, "1080×2700 px"),
    ("link-1.91x1", "social", 1200, 630, "1200×630 px"),
    ("wide-16x9", "social", 1600, 900, "1600×900 px"),
    ("a4", "print", 210, 297, "210×297 mm"),
    ("a3", "print", 297, 420, "297×420 mm"),
    ("a2", "print", 420, 594, "420×594 mm"),
    ("a1", "print", 594, 841, "594×841 mm"),
    ("a0", "print", 841, 1189, "841×1189 mm"),
    ("abri", "print", 1185, 1750, "1185×1750 mm"),
]


def _json_rows(result) -> list[dict]:
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert isinstance(rows, list) and rows
    for row in rows:
        assert isinstance(row, dict)
        assert isinstance(row["id"], str) and row["id"]
    assert len({r["id"] for r in rows}) == len(rows), "ids are unique"
    return rows


# --- list --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("what", ["stats", "messages", "help", "action-lines", "languages", "formats", "templates"])
def test_list_json_is_an_array_of_objects_with_id(what, cli) -> None:
    _json_rows(cli("list", what, "--json"))


@pytest.mark.parametrize("what", list(TABLE_COLUMNS))
def test_list_table_has_a_header_and_a_row_per_item(what, cli) -> None:
    table = cli("list", what)
    rows = _json_rows(cli("list", what, "--json"))

    assert table.code == 0, table.err
    lines = table.out.rstrip("\n").splitlines()
    assert lines[0].split()[0] == TABLE_COLUMNS[what][0].upper()
    assert len(lines) == 1 + len(rows)


def test_list_stats_json_has_every_field(cli) -> None:
    rows = {r["id"]: r for r in _json_rows(cli("list", "stats", "--json"))}

    assert list(rows) == ["victim-sexual-violence", "physical-transgressive", "consequences-forced",
                          "consequences-nonphysical"]
    stat = rows["victim-sexual-violence"]
    assert stat["values"] == [{"group": "women", "value": 22, "phrase": "{value} van de vrouwen"},
                              {"group": "men", "value": 6, "phrase": "{value} van de mannen"}]
    assert [(v["group"], v["value"]) for v in rows["physical-transgressive"]["values"]] == [("women", 53), ("men", 19)]
    assert stat["definition"] == "Is gedwongen tot seks, of had seks tegen de wil."
    assert stat["population"] == "Mensen van 18 tot 80 jaar in Nederland, ooit in hun leven"
    assert stat["year"] == 2017
    assert stat["source"] == "rutgers-2017"
    assert stat["source_citation"].startswith("Bron: Rutgers, Seksuele gezondheid in Nederland 2017.")
    assert stat["verified"] is True
    assert stat["unit"] == "percent"
    assert rows["consequences-forced"]["verified"] is False
    assert set(stat) >= {"id", "label", "definition", "population", "year", "source", "unit", "verified", "values",
                         "note", "source_citation"}


def test_list_help_json(cli) -> None:
    rows = _json_rows(cli("list", "help", "--json"))

    primary = [r for r in rows if r["primary"]]
    assert len(primary) == 1
    assert primary[0] == {
        "id": "centrum-seksueel-geweld", "name": "Centrum Seksueel Geweld",
        "description": "Voor hulp na seksueel geweld. Bellen of chatten.", "phone": "0800-0188",
        "url": "https://centrumseksueelgeweld.nl", "hours": "dag en nacht", "free": True, "cost": "gratis",
        "national": True, "primary": True,
    }


def test_list_action_lines_and_messages_json(cli) -> None:
    lines = _json_rows(cli("list", "action-lines", "--json"))
    assert [(r["number"], r["id"]) for r in lines] == [
        (1, "shared-norms"), (2, "laws"), (3, "organisations"), (4, "recognise-respond"), (5, "findable-help")]

    messages = {r["id"]: r for r in _json_rows(cli("list", "messages", "--json"))}
    assert len(messages) == 5
    assert messages["happens-more-often"]["statistic"] == "victim-sexual-violence"
    assert set(messages["lgbtiq"]) == {"id", "headline", "body", "call_to_action", "statistic", "statement",
                                        "action_line", "help", "picture"}


def test_list_formats_json_has_the_twelve_exact_sizes(cli) -> None:
    rows = _json_rows(cli("list", "formats", "--json"))

    assert [(r["id"], r["kind"], r["width"], r["height"], r["size"]) for r in rows] == EXPECTED_FORMATS
    assert all(r["unit"] == ("px" if r["kind"] == "social" else "mm") for r in rows)
    by_id = {r["id"]: r for r in rows}
    assert by_id["a4"]["bleed_mm"] == 3.0
    assert by_id["post-4x5"]["bleed_mm"] == 0.0
    assert by_id["story-9x16"]["safe_area"] == [0, 250, 1080, 1420]


def test_list_formats_table(cli) -> None:
    result = cli("list", "formats")

    assert result.code == 0
    assert "post-4x5        Feed post 4:5        social  1080×1350 px" in result.out
    assert "abri            Abri street poster   print   1185×1750 mm" in result.out


def test_list_languages_json_source_first(cli) -> None:
    rows = _json_rows(cli("list", "languages", "--json"))

    assert rows[0]["id"] == "nl"
    assert rows[0]["state"] == "source"
    assert rows[0]["direction"] == "ltr"
    assert rows[0]["missing"] == 0
    for row in rows[1:]:
        assert row["direction"] in ("ltr", "rtl")
        assert row["state"] in ("reviewed", "draft", "incomplete")
        assert row["translated"] + row["draft"] + row["outdated"] + row["missing"] == rows[0]["translated"]
    by_id = {r["id"]: r for r in rows}
    if "ar" in by_id:
        assert (by_id["ar"]["script"], by_id["ar"]["direction"]) == ("Arab", "rtl")


def test_list_languages_counts_a_translation(campaign_copy, cli) -> None:
    po = campaign_copy.folder / "translations" / "de.po"
    po.parent.mkdir(exist_ok=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "programme.title"\n'
        'msgid "Elkaars wensen en grenzen herkennen, erkennen en respecteren"\n'
        'msgstr "Die Wünsche und Grenzen des anderen erkennen und respektieren"\n\n'
        '#, fuzzy\nmsgctxt "programme.name"\nmsgid "alt"\nmsgstr "Nationales Aktionsprogramm"\n',
        encoding="utf-8",
    )

    rows = {r["id"]: r for r in _json_rows(cli("list", "languages", "--campaign", campaign_copy.folder, "--json"))}

    de = rows["de"]
    assert (de["name"], de["direction"], de["state"]) == ("German", "ltr", "incomplete")
    assert (de["translated"], de["outdated"]) == (1, 1)
    assert de["missing"] == rows["nl"]["translated"] - 2


def test_list_on_a_campaign_with_errors_exits_1(campaign_copy, cli, diagnostic) -> None:
    line = campaign_copy.replace("        value: 22", "        value: 120")

    result = cli("list", "stats", "--campaign", campaign_copy.folder, "--json")

    assert result.code == 1
    assert result.out == ""
    diagnostic(result, campaign_copy.file, line, 16)
    assert f"{campaign_copy.file}: cannot list stats: the campaign has errors (1 error, 0 warnings)" in result.err


def test_list_formats_ignores_campaign_errors(campaign_copy, cli) -> None:
    campaign_copy.write("- broken\n")

    assert cli("list", "formats", "--campaign", campaign_copy.folder).code == 0


# --- init ----------------------------------------------------------------------------------------

def test_init_writes_a_copy_that_validates(tmp_path, cli) -> None:
    target = tmp_path / "mine"

    result = cli("init", target)

    assert result.code == 0, result.err
    assert (target / "campaign.yaml").read_bytes() == (pipeline.builtin_campaign_dir() / "campaign.yaml").read_bytes()
    assert f"campaign-studio validate --campaign {target}" in result.out
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no staging folder left behind"
    validated = cli("validate", "--campaign", target)
    assert validated.code == 0
    assert len(validated.warnings) == 2


def test_init_into_an_existing_empty_folder(tmp_path, cli) -> None:
    target = tmp_path / "empty"
    target.mkdir()

    assert cli("init", target).code == 0
    assert (target / "campaign.yaml").is_file()


def test_init_refuses_a_non_empty_folder(tmp_path, cli, diagnostic) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine")

    result = cli("init", target)

    assert result.code == 2
    result.assert_no_traceback()
    found = diagnostic(result, target)
    assert "folder is not empty; init never overwrites files" in found
    assert "choose a new or empty folder" in found
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    assert (target / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy"]


def test_init_twice_refuses_the_second_time(campaign_copy, cli) -> None:
    campaign_copy.replace("id: nap-sggsg", "id: my-edit")

    result = cli("init", campaign_copy.folder)

    assert result.code == 2
    assert "id: my-edit" in campaign_copy.text(), "the edited copy is untouched"


def test_init_refuses_a_file(tmp_path, cli, diagnostic) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")

    result = cli("init", target)

    assert result.code == 2
    assert "exists and is a file" in diagnostic(result, target)
    assert target.read_text() == "x"


def test_init_with_missing_parent(tmp_path, cli, diagnostic) -> None:
    result = cli("init", tmp_path / "a" / "b")

    assert result.code == 2
    assert "parent folder does not exist" in diagnostic(result, tmp_path / "a")


# --- usage, help and exit codes ------------------------------------------------------------------

@pytest.mark.parametrize("argv", [["--help"], ["validate", "--help"], ["list", "--help"], ["init", "--help"]])
def test_help_lists_the_exit_codes(argv, cli) -> None:
    result = cli(*argv)

    assert result.code == 0
    for line in ("exit codes:", "0  success", "1  findings", "2  bad input or usage", "3  internal error"):
        assert line in result.out


def test_version(cli) -> None:
    result = cli("--version")

    assert result.code == 0
    assert result.out.startswith("campaign-studio ")


def test_no_command_prints_usage_and_exits_2(cli) -> None:
    result = cli()

    assert result.code == 2
    assert "usage: campaign-studio" in result.out


@pytest.mark.parametrize(("argv", "words"), [
    (["validate", "--bogus"], "unrecognized arguments: --bogus"),
    (["--frobnicate"], "unrecognized arguments: --frobnicate"),
    (["list", "statz"], "argument what: invalid choice: 'statz'"),
    (["list"], "the following arguments are required: what"),
    (["lint"], "argument COMMAND: invalid choice: 'lint'"),
    (["init"], "the following arguments are required: DIR"),
    (["validate", "--campaign"], "argument --campaign: expected one argument"),
])
def test_usage_errors_exit_2_without_traceback(argv, words, cli) -> None:
    result = cli(*argv)

    assert result.code == 2
    result.assert_no_traceback()
    assert words in result.err
    assert "run 'campaign-studio --help' for the commands and options" in result.err
    assert result.out == ""


def test_validate_writes_diagnostics_to_stderr_and_the_verdict_to_stdout(campaign_copy, cli) -> None:
    campaign_copy.replace("    unit: percent", "    unit: procent")

    result = cli("validate", "--campaign", campaign_copy.folder)

    assert result.code == 1
    assert result.out.strip() == f"{campaign_copy.file}: invalid (1 error, 0 warnings)"
    assert "error: statistics[0].unit" in result.err
    assert "error:" not in result.out


# --- internal errors -----------------------------------------------------------------------------

def _explode(*args, **kwargs):
    raise RuntimeError("something broke inside")


def test_internal_error_exits_3_without_traceback(monkeypatch, cli) -> None:
    monkeypatch.setattr(pipeline, "open_campaign", _explode)

    result = cli("validate")

    assert result.code == 3
    result.assert_no_traceback()
    assert "internal error: RuntimeError: something broke inside" in result.err
    assert "run again with --debug" in result.err


def test_internal_error_with_debug_shows_the_traceback(monkeypatch, cli) -> None:
    monkeypatch.setattr(pipeline, "open_campaign", _explode)

    result = cli("validate", "--debug")

    assert result.code == 3
    assert "Traceback (most recent call last)" in result.err
    assert "RuntimeError: something broke inside" in result.err


def test_internal_error_in_list_and_init(monkeypatch, cli, tmp_path) -> None:
    monkeypatch.setattr(pipeline, "init_campaign", _explode)
    monkeypatch.setattr(cli_main.listing, "stat_rows", _explode)

    for argv in (["init", tmp_path / "x"], ["list", "stats"]):
        result = cli(*argv)
        assert result.code == 3
        result.assert_no_traceback()


def test_broken_pipe_is_not_an_internal_error(monkeypatch, cli) -> None:
    def closed_pipe(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli_main, "cmd_list", closed_pipe)
    monkeypatch.setitem(cli_main.COMMANDS, "list", closed_pipe)

    result = cli("list", "stats")

    assert result.code == 0
    assert "internal error" not in result.err


# --- the installed console script ----------------------------------------------------------------

def _console_script() -> Path:
    script = Path(sys.executable).parent / "campaign-studio"
    if not script.exists():
        pytest.skip("console script not installed")
    return script


def test_console_script_validates_the_builtin_campaign() -> None:
    done = subprocess.run([_console_script(), "validate"], capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stderr
    assert "valid (0 errors, 2 warnings)" in done.stdout


def test_console_script_reports_bad_yaml_with_exit_2_and_no_traceback(campaign_copy) -> None:
    campaign_copy.write("format: campaign-studio/1\nid: [unclosed\n")

    done = subprocess.run([_console_script(), "validate", "--campaign", campaign_copy.folder],
                          capture_output=True, text=True, timeout=120)

    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{campaign_copy.file}:2:5: error: invalid YAML: the list opened with '[' here")


def test_python_m_campaign_studio() -> None:
    done = subprocess.run([sys.executable, "-m", "campaign_studio", "--help"], capture_output=True, text=True,
                          timeout=120)

    assert done.returncode == 0
    assert "exit codes:" in done.stdout


def test_readme_documents_the_exit_codes() -> None:
    readme = Path(__file__).resolve().parents[2] / "README.md"
    if not readme.exists():
        pytest.skip("no README.md in this tree")
    text = readme.read_text(encoding="utf-8")
    for code, meaning in ((0, "success"), (1, "findings"), (2, "bad input or usage"), (3, "internal error")):
        assert f"| {code} | {meaning}" in text
