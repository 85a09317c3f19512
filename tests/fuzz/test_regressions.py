"""Every crash the CLI fuzz test found, as a named case with its smallest input.

Each case runs the real command line on one workspace (fuzzkit.Runner) and asserts the
fuzz test's rules: exit 0, 1 or 2, no traceback, nothing written or changed on failure,
no temporary file left, within the time limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzkit import Case, Pristine, Runner
from mutators import Op, bomb_png, file_op

RENDER = ["render", "-t", "women-men", "-f", "post-1x1", "--campaign", "{ws}/campaign"]
RENDER_BRAND = [*RENDER, "--brand", "{ws}/brand", "-o", "out/design.png"]



def assert_survives(pristine: Pristine, case: Case) -> None:
    problems, outcome, ws = Runner(pristine).run(case)
    Runner(pristine).discard(ws)
    assert not problems, f"{problems}\nexit {outcome.code}\n{outcome.err}"


def _logo(label: str, transform: bytes | Op) -> Case:
    op = transform if isinstance(transform, Op) else file_op("brand/logo.png", label, lambda _d: transform)
    return Case("logo", RENDER_BRAND, [op], may_change=("out/design.png",), output="out/design.png")


def _replace_logo_by_link_to_itself(ws: Path) -> None:
    logo = ws / "brand" / "logo.png"
    logo.unlink()
    logo.symlink_to("logo.png")


# --- logos (brand kits) ----------------------------------------------------------------------------

def test_logo_that_is_a_symlink_loop(pristine: Pristine) -> None:
    """Found: RuntimeError 'Symlink loop' from Path.resolve in design_loader.load_brand."""
    assert_survives(pristine, _logo("", Op("logo.png -> logo.png", _replace_logo_by_link_to_itself)))


def test_logo_that_is_a_decompression_bomb(pristine: Pristine) -> None:
    """Found: DecompressionBombError from Image.open in layout/blocks.build_logo (a 100 kB PNG of 30,000² pixels)."""
    assert_survives(pristine, _logo("30000x30000 1-bit PNG", bomb_png(30000)))


def test_logo_of_144_megapixels(pristine: Pristine) -> None:
    """Found: exit 0 after 5-7 s with Pillow's DecompressionBombWarning printed raw (a 12,000² logo is decoded whole)."""
    assert_survives(pristine, _logo("12000x12000 1-bit PNG", bomb_png(12000)))


@pytest.mark.parametrize("content", [b"\0" * 100, b"PK\x03\x04" + b"\0" * 60, b""], ids=["zeros", "zip", "empty"])
def test_logo_that_is_not_an_image(pristine: Pristine, content: bytes) -> None:
    """Found: UnidentifiedImageError from Image.open in layout/blocks.build_logo."""
    assert_survives(pristine, _logo("not an image", content))


def test_logo_with_damaged_pixel_data(pristine: Pristine) -> None:
    """Found: OSError 'unrecognized data stream contents' from Image.load in render/images._load.

    Four bytes inserted into the IDAT chunk: the header still reads (layout sizes the logo), decoding fails.
    """
    damaged = file_op("brand/logo.png", "insert 4 bytes into IDAT", lambda d: d[:1260] + b"]6\xd5}" + d[1260:])
    assert_survives(pristine, _logo("", damaged))


def test_logo_with_a_repeated_run_of_bytes(pristine: Pristine) -> None:
    """Found (FUZZ_SEED=long7 FUZZ_REPLAY=logo:12): SyntaxError (Pillow's 'broken PNG file') in render/images._load."""
    def repeat(data: bytes) -> bytes:
        at = int(0.661 * (len(data) + 1))
        return data[:at] + data[at:at + 198] * 2 + data[at + 198:]

    assert_survives(pristine, _logo("", file_op("brand/logo.png", "repeat 198 bytes at 66%", repeat)))


def test_logo_path_naming_a_text_file_in_the_brand_folder(pristine: Pristine) -> None:
    """Found: UnidentifiedImageError in layout/blocks.build_logo for `logo: LICENSE.txt`."""
    op = file_op("brand/brand.yaml", "logo: LICENSE.txt", lambda d: d.replace(b"logo: logo.png", b"logo: LICENSE.txt"))
    assert_survives(pristine, Case("brand", RENDER_BRAND, [op], may_change=("out/design.png",), output="out/design.png"))


def test_logo_path_longer_than_a_file_name_may_be(pristine: Pristine) -> None:
    """Found: OSError ENAMETOOLONG from Path.is_file in design_loader.load_brand for a 300-character logo name."""
    op = file_op("brand/brand.yaml", "logo: x*300", lambda d: d.replace(b"logo: logo.png", b"logo: " + b"x" * 300))
    assert_survives(pristine, Case("brand", RENDER_BRAND, [op], may_change=("out/design.png",), output="out/design.png"))


# --- output paths -----------------------------------------------------------------------------------

def _render_to(place: str) -> Case:
    return Case("output", [*RENDER, "-o", place], may_change=(place,), output=place)


def test_output_that_is_an_existing_folder(pristine: Pristine) -> None:
    """Found: IsADirectoryError from os.replace in pipeline.write_atomically (the design was laid out first)."""
    assert_survives(pristine, _render_to("out/folder.png"))


@pytest.mark.parametrize("place", ["/proc/self/x.png", "/proc/x.png", "/sys/x.png"])
def test_output_in_a_system_folder(pristine: Pristine, place: str) -> None:
    """Found: FileNotFoundError (/proc) and PermissionError (/sys) from tempfile.mkstemp in pipeline.write_atomically."""
    assert_survives(pristine, Case("output", [*RENDER, "-o", place]))


@pytest.mark.parametrize("place", ["out/" + "x" * 256 + ".png", "out/" + "/".join(["sub"] * 1100) + "/x.png"],
                         ids=["name-of-256", "path-of-4400"])
def test_output_name_too_long(pristine: Pristine, place: str) -> None:
    """Found: OSError ENAMETOOLONG from Path.is_dir / mkstemp in pipeline.write_atomically."""
    assert_survives(pristine, Case("output", [*RENDER, "-o", place]))


def test_output_with_a_legal_name_of_250_characters(pristine: Pristine) -> None:
    """Found: OSError ENAMETOOLONG from tempfile.mkstemp in pipeline.write_atomically for a name the system allows.

    The temporary file is named '.' + name + '.' + 8 characters, which passes the 255-byte limit when the name does not.
    """
    assert_survives(pristine, _render_to("out/" + "x" * 246 + ".png"))


@pytest.mark.parametrize("target", ["folder", "link"], ids=["to-an-empty-folder", "to-itself"])
def test_init_into_a_link(pristine: Pristine, target: str) -> None:
    """Found: NotADirectoryError in pipeline.init_campaign, from Path.rmdir (a link to an empty folder) or from
    renaming the staging folder (a link to itself)."""
    link = Op(f"out/link -> {target}", lambda ws: (ws / "out" / "link").symlink_to(target))
    assert_survives(pristine, Case("output", ["init", "out/link"], [link], may_change=("out",)))


def test_init_with_a_path_too_long(pristine: Pristine) -> None:
    """Found: OSError ENAMETOOLONG from Path.exists in pipeline.init_campaign."""
    assert_survives(pristine, Case("output", ["init", "out/" + "/".join(["sub"] * 1100)]))


def test_export_into_a_system_folder(pristine: Pristine) -> None:
    """Found: PermissionError from tempfile.mkstemp in pipeline.write_atomically (translations export -o)."""
    argv = ["translations", "export", "-l", "en", "--campaign", "{ws}/campaign", "-o", "/sys/en.xliff"]
    assert_survives(pristine, Case("output", argv))


def test_init_into_a_system_folder(pristine: Pristine) -> None:
    """Found: PermissionError from tempfile.mkdtemp in pipeline.init_campaign."""
    assert_survives(pristine, Case("output", ["init", "/sys/campaign"]))


# --- templates and the type scale (CAMPAIGN_STUDIO_HOME) ------------------------------------------------

def _template_case(rel: str, old: bytes, new: bytes, template: str) -> Case:
    op = file_op(rel, f"{old!r} -> {new!r}", lambda d: d.replace(old, new))
    argv = ["render", "-t", template, "-f", "post-1x1", "--campaign", "{ws}/campaign", "-o", "out/design.png"]
    return Case("template", argv, [op], home=True, on_home=True, may_change=("out/design.png",), output="out/design.png")


def test_type_scale_without_a_role_the_help_panel_uses(pristine: Pristine) -> None:
    """Found: KeyError 'panel_bold' in layout/blocks.Ctx.style; now load_styles names the missing roles."""
    styles = (pristine.home_templates / "styles.yaml").read_bytes()
    line = next(line for line in styles.splitlines(keepends=True) if line.lstrip().startswith(b"panel_bold:"))
    assert_survives(pristine, _template_case("templates/styles.yaml", line, b"", "where-to-get-help"))


@pytest.mark.parametrize(("old", "new"), [
    (b"content: message.body, role: body", b"content: brand.partner, role: body"),
    (b"content: message.body, role: body", b"content: statistic.label, role: body"),
    (b"kind: help-card, content: help.primary", b"kind: figure, content: statistic.values"),
], ids=["text-slot-showing-a-logo", "statistic-text-in-a-message-template", "figure-in-a-message-template"])
def test_slot_content_its_kind_or_template_cannot_show(pristine: Pristine, old: bytes, new: bytes) -> None:
    """Found: LookupError "content 'brand.partner' is not text" in layout/blocks.content_text (a spliced value);
    now load_template checks each slot's content against its kind and the template's `shows:`."""
    assert_survives(pristine, _template_case("templates/where-to-get-help.yaml", old, new, "where-to-get-help"))


# --- translations -------------------------------------------------------------------------------------------

def _long_translation(rel: str) -> Op:
    def lengthen(data: bytes) -> bytes:
        import polib

        po = polib.pofile(data.decode("utf-8"), wrapwidth=0)
        next(e for e in po if e.msgctxt == "statistics.victim-sexual-violence.label").msgstr = "a" * 70000
        return str(po).encode("utf-8")

    return file_op(rel, "a translation of 70,000 characters", lengthen)


def test_import_of_a_translation_of_70000_characters(pristine: Pristine) -> None:
    """Found: `translations import` ran past 10 s (the fit check lays the text out in every design) and merged it."""
    case = Case("po", ["translations", "import", "in/en.po", "--campaign", "{ws}/campaign", "--dry-run"],
                [_long_translation("in/en.po")])
    assert_survives(pristine, case)


def test_xliff_import_of_a_translation_of_70000_characters(pristine: Pristine) -> None:
    """Found (FUZZ_SEED=ci FUZZ_REPLAY=xliff:66): the same through an XLIFF <target>: past 10 s."""
    def lengthen(data: bytes) -> bytes:
        start = data.index(b">", data.index(b"<target", data.index(b'id="statistics.victim-sexual-violence.label"'))) + 1
        return data[:start] + b"a" * 70000 + data[data.index(b"</target>", start):]

    case = Case("xliff", ["translations", "import", "in/ar.xlf", "--campaign", "{ws}/campaign", "--dry-run"],
                [file_op("in/ar.xlf", "a <target> of 70,000 characters", lengthen)])
    assert_survives(pristine, case)


def test_render_with_a_translation_of_70000_characters_in_the_campaign(pristine: Pristine) -> None:
    """Found with the import above: the campaign's own en.po with that text makes render lay it out for seconds."""
    argv = ["render", "-t", "statistic-spotlight", "-f", "link-1.91x1", "--lang", "en", "--campaign", "{ws}/campaign",
            "-o", "out/design.png"]
    case = Case("po", argv, [_long_translation("campaign/translations/en.po")], may_change=("out/design.png",),
                output="out/design.png")
    assert_survives(pristine, case)
