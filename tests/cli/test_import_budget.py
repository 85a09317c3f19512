"""Start-up budget: each command imports only what it uses (issue 14).

Every command entry runs in a fresh interpreter; the test reads the modules it imported
(sys.modules at the end, in import order). It fails when a module the command never needs
was imported (ReportLab for a PNG, any renderer for `list`), or when the module count or
the cumulative import time is over the budget. The import time is the CPU time a second
fresh interpreter spends importing exactly those modules in that order (the smaller of two
runs): CPU time rather than the wall-clock `-X importtime` figures, which on the shared
2-core machine varied threefold with the load while CPU time varied by about 15 %.
Budgets from measurements (bench/results/imports.txt), with margin: module counts about
15 % over what was measured; import CPU time about 1.6 times the smallest measurement at a
load average of 7. The module counts and the forbidden modules are the sharp edges; the
time budget catches a new heavy import that the counts would let through.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RUN = ("import json, sys\n"
       "from campaign_studio.cli.main import run\n"
       "code = run(sys.argv[2:])\n"
       "open(sys.argv[1], 'w').write(json.dumps({'code': code, 'modules': list(sys.modules)}))\n")
REPLAY = ("import importlib, json, sys, time\n"
          "modules = json.load(open(sys.argv[1]))['modules']\n"
          "start = time.process_time()\n"
          "for name in modules:\n"
          "    try:\n"
          "        importlib.import_module(name)\n"
          "    except Exception:  # an alias some package puts into sys.modules by hand\n"
          "        pass\n"
          "print(round((time.process_time() - start) * 1e6))\n")

#: never wanted by a command line run
NOBODY = ("PySide6", "shiboken6")
#: drawing, shaping and the PDF stack
RENDERERS = ("reportlab", "pikepdf", "PIL", "numpy", "colorspacious", "segno", "uharfbuzz", "fontTools", "pyphen",
             "campaign_studio.render", "campaign_studio.layout", "campaign_studio.text.fonts",
             "campaign_studio.text.setter", "campaign_studio.checks.registry", "campaign_studio.checks.output_files")

#: name: (arguments, forbidden module prefixes, module count budget, import CPU time budget in µs)
ENTRIES: dict[str, tuple[list[str], tuple[str, ...], int, int]] = {
    "--help": (["--help"], (*RENDERERS, "campaign_studio.pipeline", "campaign_studio.content", "yaml", "babel",
                            "polib"), 140, 150_000),
    "list stats": (["list", "stats"], (*RENDERERS, "campaign_studio.glyph_coverage"), 255, 300_000),
    # validate checks glyph coverage: fonts (fontTools, uharfbuzz) are allowed, drawing and layout are not
    "validate": (["validate"], ("reportlab", "pikepdf", "numpy", "colorspacious", "segno", "pyphen",
                                "campaign_studio.render", "campaign_studio.layout", "campaign_studio.text.setter",
                                "campaign_studio.checks.output_files"), 340, 450_000),
    "render .png": (["render", "-t", "women-men", "-f", "post-4x5", "--no-alt", "--no-data", "-o", "{tmp}/c.png"],
                    ("reportlab", "pikepdf", "PIL.ImageCms", "campaign_studio.render.pdf",
                     "campaign_studio.checks.output_files"), 420, 650_000),
    "render .pdf": (["render", "-t", "statistic-spotlight", "-f", "a3", "--print", "--no-alt", "--no-data", "-o",
                     "{tmp}/p.pdf"], ("campaign_studio.checks.output_files", "campaign_studio.render.raster"),
                    500, 900_000),
}


def _modules(args: list[str], tmp: Path) -> tuple[int, list[str], Path]:
    """Exit code and imported modules (in import order) of one command in a new interpreter."""
    report = tmp / "modules.json"
    subprocess.run([sys.executable, "-c", RUN, str(report), *args], capture_output=True, cwd=tmp, timeout=120,
                   check=False)
    result = json.loads(report.read_text())
    return result["code"], result["modules"], report


def _import_cpu_us(report: Path) -> int:
    done = subprocess.run([sys.executable, "-c", REPLAY, str(report)], capture_output=True, text=True,
                          cwd=report.parent, timeout=120, check=True)
    return int(done.stdout)


@pytest.mark.parametrize("entry", list(ENTRIES))
def test_command_imports_only_what_it_uses(entry: str, tmp_path: Path) -> None:
    template, forbidden, max_modules, max_us = ENTRIES[entry]
    args = [a.replace("{tmp}", str(tmp_path)) for a in template]
    code, modules, report = _modules(args, tmp_path)
    assert code == 0
    unwanted = sorted(m for m in modules
                      if any(m == f or m.startswith(f + ".") for f in (*forbidden, *NOBODY)))
    assert not unwanted, f"{entry} imported {', '.join(unwanted[:12])}"
    assert len(modules) <= max_modules, f"{entry} imported {len(modules)} modules, the budget is {max_modules}"
    first = _import_cpu_us(report)
    total = first if first <= max_us else min(first, _import_cpu_us(report))
    assert total <= max_us, f"{entry}: {total} µs of import CPU time, the budget is {max_us} µs"


def test_png_output_leaves_the_pdf_stack_alone_even_with_a_simulation(tmp_path: Path) -> None:
    code, modules, _ = _modules(["render", "-t", "women-men", "-f", "post-4x5", "--simulate", "deuteranopia",
                                        "--no-alt", "--no-data", "-o", str(tmp_path / "s.png")], tmp_path)
    assert code == 0
    assert "numpy" in modules  # the simulation needs it, and loads it when asked
    assert not [m for m in modules if m.split(".")[0] in ("reportlab", "pikepdf")]


def test_the_parser_offers_the_formats_translation_io_reads() -> None:
    from campaign_studio.cli import translations_cmd
    from campaign_studio.content import translation_io

    assert translations_cmd.FORMATS == translation_io.FORMATS
