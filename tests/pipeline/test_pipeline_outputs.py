"""Byte-identical outputs for the same design, and a QR code that phones can read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from campaign_studio import pipeline
from campaign_studio.model.pagetree import QRCode

HELP_URL = "https://centrumseksueelgeweld.nl"


def lay_out(template: str, fmt: str, lang: str):  # type: ignore[no-untyped-def]
    loaded = pipeline.open_campaign(None)
    assert loaded.campaign is not None
    design = pipeline.resolve_design(loaded.campaign, template, fmt, lang)
    page, diagnostics = pipeline.layout(design)
    assert page is not None, [d.format() for d in diagnostics.errors]
    return design, page


# (kind, print_ready): PNG, screen PDF, printer's PDF
OUTPUTS = [("png", False), ("pdf", False), ("pdf", True)]


@pytest.mark.parametrize(("template", "fmt", "lang"), [("women-men", "post-4x5", "nl"),
                                                       ("statistic-spotlight", "a4", "ar")])
def test_the_same_design_gives_the_same_bytes(template: str, fmt: str, lang: str) -> None:
    design, page = lay_out(template, fmt, lang)
    design_again, page_again = lay_out(template, fmt, lang)
    assert page_again == page  # layout is deterministic too
    dpi = 60.0 if design.format.kind == "print" else None
    for kind, print_ready in OUTPUTS:
        first = pipeline.render_bytes(page, kind, print_ready=print_ready, dpi=dpi, fmt=design.format)
        second = pipeline.render_bytes(page_again, kind, print_ready=print_ready, dpi=dpi, fmt=design_again.format)
        assert first == second, f"{kind} (print_ready={print_ready}) differs between two renders"
        assert first.startswith(b"\x89PNG\r\n\x1a\n" if kind == "png" else b"%PDF-")


_OTHER_PROCESS = """
import sys
from pathlib import Path
from campaign_studio import pipeline
c = pipeline.open_campaign(None).campaign
d = pipeline.resolve_design(c, "women-men", "post-4x5", "ar")
page, _ = pipeline.layout(d)
out = Path(sys.argv[1])
(out / "card.png").write_bytes(pipeline.render_bytes(page, "png", fmt=d.format))
(out / "card.pdf").write_bytes(pipeline.render_bytes(page, "pdf"))
(out / "print.pdf").write_bytes(pipeline.render_bytes(page, "pdf", print_ready=True))
"""


def test_another_process_gives_the_same_bytes(tmp_path: Path) -> None:
    """No clock, hash order or object address leaks into an output (manifest hashes must mean something)."""
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", _OTHER_PROCESS, str(tmp_path)], check=True, env=env, timeout=120)
    design, page = lay_out("women-men", "post-4x5", "ar")
    assert (tmp_path / "card.png").read_bytes() == pipeline.render_bytes(page, "png", fmt=design.format)
    assert (tmp_path / "card.pdf").read_bytes() == pipeline.render_bytes(page, "pdf")
    assert (tmp_path / "print.pdf").read_bytes() == pipeline.render_bytes(page, "pdf", print_ready=True)


def test_help_card_qr_code_carries_the_helpline_website() -> None:
    _, page = lay_out("where-to-get-help", "post-4x5", "nl")
    codes = [i for i in page.items if isinstance(i, QRCode)]
    assert [c.data for c in codes] == [HELP_URL]
    # VISUAL-GUIDE: a QR code only with its address written beside it
    assert any(b.text == "centrumseksueelgeweld.nl" for b in page.text_blocks())


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_qr_code_in_the_png_decodes(lang: str, cli, tmp_path: Path, run_tool) -> None:
    out = tmp_path / "help.png"
    result = cli("render", "-t", "where-to-get-help", "-f", "post-4x5", "--lang", lang, "-o", out)
    assert result.code == 0, result.err
    assert run_tool("zbarimg", "--raw", "-q", out).strip() == HELP_URL


def test_qr_code_in_the_print_pdf_decodes(cli, tmp_path: Path, run_tool) -> None:
    out = tmp_path / "help.pdf"
    result = cli("render", "-t", "where-to-get-help", "-f", "a4", "--print", "-o", out)
    assert result.code == 0, result.err
    run_tool("pdftoppm", "-r", "100", "-png", "-singlefile", out, tmp_path / "page")
    assert run_tool("zbarimg", "--raw", "-q", tmp_path / "page.png").strip() == HELP_URL
