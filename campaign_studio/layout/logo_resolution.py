"""How sharp a raster logo prints: its effective resolution at the size layout gives it.

Print wants 300 dpi up to A3 and 150 dpi for A2 and larger, which are seen from further
away (CONTENT-NOTES). A vector (SVG) logo is sharp at any size and never asked about.
"""

from __future__ import annotations

from dataclasses import dataclass

from campaign_studio.content.formats_loader import load_formats
from campaign_studio.content.logos import logo_info
from campaign_studio.layout.grid import make_grid
from campaign_studio.model.formats import MM, Format
from campaign_studio.model.template import Brand

LARGE_PRINT_SHORT_SIDE = 420 * MM  # A2 and larger: seen from further away
PRINT_DPI, LARGE_PRINT_DPI = 300.0, 150.0


def required_dpi(fmt: Format) -> float:
    return LARGE_PRINT_DPI if min(fmt.width, fmt.height) >= LARGE_PRINT_SHORT_SIDE - 1 else PRINT_DPI


def effective_dpi(pixels_high: float, height_pt: float) -> float:
    return pixels_high / (height_pt / 72.0)


@dataclass(frozen=True)
class LogoResolution:
    what: str  # logo | partner_logo
    file: str
    pixels: tuple[int, int]
    format: Format
    dpi: float
    needed: float

    @property
    def message(self) -> str:
        w, h = self.pixels
        return (f"{self.what} {self.file} ({w} × {h} px) prints at {self.dpi:.0f} dpi effective on "
                f"{self.format.id} ({self.format.name}), where print needs {self.needed:.0f} dpi")

    @property
    def hint(self) -> str:
        pixels = self.pixels[1] * self.needed / self.dpi
        return f"give a logo at least {pixels:.0f} pixels high, or an SVG (sharp at any size)"


def brand_logo_resolution(brand: Brand) -> list[LogoResolution]:
    """Raster logos too coarse for the print format that shows them largest (at the preferred size)."""
    prints = [f for f in load_formats().values() if f.kind == "print"]
    out = []
    for what, path in (("logo", brand.logo), ("partner_logo", brand.partner_logo)):
        if path is None or not prints:
            continue
        logo = logo_info(path)
        if logo.vector:
            continue
        # the lowest resolution relative to what the format needs
        worst = min(prints, key=lambda f: effective_dpi(logo.height, make_grid(f).size(brand.logo_preferred))
                    / required_dpi(f))
        dpi = effective_dpi(logo.height, make_grid(worst).size(brand.logo_preferred))
        if dpi < required_dpi(worst):
            out.append(LogoResolution(what, path.name, (int(logo.width), int(logo.height)), worst, dpi,
                                      required_dpi(worst)))
    return out

