"""The brand kit's logo_size: read into the Brand, defaults without it, a clear error when inverted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from campaign_studio.content.design_loader import load_brand
from campaign_studio.model.diagnostics import InputError
from campaign_studio.resources import brands_dir


def _kit(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "kit"
    shutil.copytree(brands_dir() / "gemeente-voorbeeld", folder)
    text = (folder / "brand.yaml").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("logo_size")]
    (folder / "brand.yaml").write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return folder / "brand.yaml"


def test_the_example_brand_sets_its_logo_size() -> None:
    brand = load_brand("gemeente-voorbeeld")
    assert (brand.logo_preferred, brand.logo_minimum) == (5.5, 3.5)


def test_logo_size_is_read_and_defaults_without_it(tmp_path: Path) -> None:
    brand = load_brand(_kit(tmp_path, "logo_size: {preferred: 7, minimum: 4.5}\n"))
    assert (brand.logo_preferred, brand.logo_minimum) == (7, 4.5)
    plain = load_brand(_kit(tmp_path / "b", ""))
    assert (plain.logo_preferred, plain.logo_minimum) == (5.5, 3.5)


def test_a_minimum_above_the_preferred_size_is_refused_at_its_line(tmp_path: Path) -> None:
    path = _kit(tmp_path, "logo_size: {preferred: 3, minimum: 5}\n")
    with pytest.raises(InputError) as caught:
        load_brand(path)
    text = caught.value.diagnostic.format()
    assert "minimum 5 is larger than preferred 3" in text and "brand.yaml" in text
