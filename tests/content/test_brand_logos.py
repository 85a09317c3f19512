"""Brand logos come from outside: through `render --brand DIR`, every bad logo is refused at its brand.yaml line.

Passing inputs: the shipped PNG logo, the same logo as JPEG, a logo taller than any format can show
(drawn from one downscaled copy). Failing inputs: what the logo file is (text, ZIP, a sizeless SVG, empty,
truncated, a 30,000 x 30,000 header, over 25 MB) and where it is (absolute, '..', a link out of
the folder, a link loop, a folder).
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from campaign_studio.content import logos
from campaign_studio.content.design_loader import logo_bound_px
from campaign_studio.render.images import load_rgba
from campaign_studio.resources import brands_dir

SHIPPED = brands_dir() / "gemeente-voorbeeld"


@pytest.fixture
def brand(tmp_path: Path) -> Path:
    folder = tmp_path / "brand"
    shutil.copytree(SHIPPED, folder)
    _set_logo(folder, "logo.png")  # the shipped kit's PNG variant (its default logo is the SVG)
    return folder


def _logo_line(folder: Path) -> int:
    lines = (folder / "brand.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith("logo:"))


def _set_logo(folder: Path, written: str) -> None:
    yaml = folder / "brand.yaml"
    lines = yaml.read_text(encoding="utf-8").splitlines()
    lines = [f"logo: {written}" if line.startswith("logo:") else line for line in lines]
    yaml.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _png_header(width: int, height: int) -> bytes:
    """A tiny PNG file whose header claims width x height (nothing behind it is ever decoded)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _render(cli, folder: Path, out: Path):
    return cli("render", "-t", "women-men", "-f", "post-1x1", "--brand", folder, "-o", out)


def test_shipped_and_jpeg_logos_render(brand, cli, tmp_path) -> None:
    out = tmp_path / "png.png"
    assert _render(cli, brand, out).code == 0
    with Image.open(brand / "logo.png") as im:
        im.convert("RGB").save(brand / "logo.jpg", "JPEG", quality=95)
    _set_logo(brand, "logo.jpg")

    result = _render(cli, brand, tmp_path / "jpeg.png")

    assert result.code == 0, result.err
    # the JPEG logo is drawn where the PNG one was: the top-left corner holds the logo's dark green
    with Image.open(out) as a, Image.open(tmp_path / "jpeg.png") as b:
        box = (60, 60, 200, 110)
        assert a.crop(box).convert("L").getextrema()[0] < 100
        assert b.crop(box).convert("L").getextrema()[0] < 100


def test_a_logo_larger_than_any_format_needs_is_downscaled_once(brand, cli, tmp_path) -> None:
    bound = logo_bound_px()
    tall = Image.new("RGBA", (300, bound[1] * 2), (27, 58, 47, 255))
    tall.save(brand / "logo.png")

    result = _render(cli, brand, tmp_path / "tall.png")

    assert result.code == 0, result.err
    assert "Warning" not in result.err
    drawn = load_rgba(brand / "logo.png")
    assert drawn.size == (150, bound[1]), "aspect kept, height at the bound"
    assert load_rgba(brand / "logo.png") is drawn, "decoded and downscaled once, then served from the cache"


REFUSALS = {
    "text": (lambda f: (f / "logo.png").write_text("hello\n"), "is a text file, not an SVG, PNG or JPEG image"),
    "zip renamed .png": (lambda f: (f / "logo.png").write_bytes(b"PK\x03\x04" + b"\0" * 60), "is a ZIP archive"),
    "svg": (lambda f: (f / "logo.png").write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
            "refused: it has no size (neither a viewBox nor a width and height)"),
    "empty": (lambda f: (f / "logo.png").write_bytes(b""), "is an empty file"),
    "truncated": (lambda f: (f / "logo.png").write_bytes((SHIPPED / "logo.png").read_bytes()[:3000]),
                  "is a damaged PNG image"),
    "30000x30000": (lambda f: (f / "logo.png").write_bytes(_png_header(30_000, 30_000)),
                    "is 30,000 × 30,000 pixels (900 megapixels), more than the 40 megapixels"),
    "over 25 MB": (lambda f: os.truncate(f / "logo.png", logos.MAX_BYTES + 1), "more than the 25 MB a logo may have"),
    "absolute": (lambda f: _set_logo(f, str(SHIPPED / "logo.png")), "is an absolute path"),
    "dot-dot": (lambda f: _set_logo(f, "../../../../etc/passwd"), "leads out of the brand folder ('..')"),
    "link out": (lambda f: ((f / "logo.png").unlink(), (f / "logo.png").symlink_to(SHIPPED / "logo.png")),
                 "outside the brand folder"),
    "link loop": (lambda f: ((f / "logo.png").unlink(), (f / "logo.png").symlink_to("logo.png")),
                  "is a loop of symbolic links"),
    "control character": (lambda f: _set_logo(f, '"logo\\0.png"'), "contains U+0000 NULL"),
    "folder": (lambda f: ((f / "logo.png").unlink(), (f / "logo.png").mkdir()), "is a folder, not an image"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_bad_logo_is_refused_at_its_brand_yaml_line(case, brand, cli, diagnostic, tmp_path) -> None:
    spoil, words = REFUSALS[case]
    spoil(brand)
    out = tmp_path / "never.png"

    result = _render(cli, brand, out)

    assert result.code == 2, result.err
    result.assert_no_traceback()
    found = diagnostic(result, brand / "brand.yaml", _logo_line(brand), 7)
    assert words in found
    assert "logo: " in found and "(" in found, "names the key and gives a fix"
    assert "Warning" not in result.err
    assert not out.exists()


def test_a_16_bit_grey_logo_keeps_its_tones(brand, cli, tmp_path) -> None:
    """Pillow clips 16-bit grey to white when converting; the logo is scaled to 8 bits instead."""
    Image.new("I;16", (400, 120), 0x2000).save(brand / "logo.png")  # dark grey: 32 of 255
    out = tmp_path / "grey.png"

    result = _render(cli, brand, out)

    assert result.code == 0, result.err
    with Image.open(out) as im:
        assert im.convert("L").crop((80, 80, 120, 110)).getextrema() == (32, 32)
