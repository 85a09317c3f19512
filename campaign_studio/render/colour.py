"""sRGB → CMYK for print output, through the FOGRA39 output profile.

Every colour in a print PDF is converted here, so the whole document speaks one
CMYK dialect and matches the output intent it declares. Conversions use relative
colorimetric rendering with black-point compensation: brand colours that are in
the press gamut keep their measured values, out-of-gamut ones are clipped to the
nearest printable colour, and the sRGB black point maps onto the press black.

A colour whose brand kit fixed a CMYK value (``Color.cmyk``) is used as given.

Neutral greys used for small things (text, QR modules, marks) can be asked for as
black-only tints (``prefer_k=True``): a four-colour grey or "rich" black makes
thin strokes fringe when the plates are slightly misregistered. The K tint is the
one whose L* on press matches the sRGB grey's L* (looked up once in the profile);
pure black is 100 % K.
"""

from __future__ import annotations

from functools import cache

from PIL import Image, ImageCms

from campaign_studio.model.pagetree import Color
from campaign_studio.resources import cmyk_profile_path

CMYK = tuple[float, float, float, float]

#: the intent for both vector colours and images (see the module docstring)
INTENT = ImageCms.Intent.RELATIVE_COLORIMETRIC
_FLAGS = ImageCms.Flags.BLACKPOINTCOMPENSATION


@cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@cache
def _cmyk_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.getOpenProfile(str(cmyk_profile_path()))


@cache
def _rgb_to_cmyk() -> ImageCms.ImageCmsTransform:
    return ImageCms.buildTransform(_srgb(), _cmyk_profile(), "RGB", "CMYK", renderingIntent=INTENT, flags=_FLAGS)


@cache
def _k_ramp_lightness() -> tuple[float, ...]:
    """L* (0-100) of K-only tints 0..255 printed on the FOGRA39 condition."""
    ramp = Image.new("CMYK", (256, 1))
    ramp.putdata([(0, 0, 0, k) for k in range(256)])
    lab_profile = ImageCms.createProfile("LAB")
    to_lab = ImageCms.buildTransform(
        _cmyk_profile(), lab_profile, "CMYK", "LAB", renderingIntent=INTENT, flags=_FLAGS
    )
    lab = to_lab.apply(ramp)
    return tuple(lab.getpixel((k, 0))[0] * 100.0 / 255.0 for k in range(256))  # type: ignore[index]


def _srgb_lightness(value: int) -> float:
    """CIE L* of the sRGB grey (value, value, value)."""
    c = value / 255.0
    lin = c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 116.0 * lin ** (1.0 / 3.0) - 16.0 if lin > 216 / 24389 else lin * 24389 / 27


@cache
def _k_only(value: int) -> CMYK:
    if value == 0:
        return (0.0, 0.0, 0.0, 1.0)
    if value == 255:
        return (0.0, 0.0, 0.0, 0.0)
    target = _srgb_lightness(value)
    ramp = _k_ramp_lightness()
    # the ramp falls monotonically from paper white; find the first tint at or below target
    for k in range(1, 256):
        if ramp[k] <= target:
            hi, lo = ramp[k - 1], ramp[k]
            frac = (hi - target) / (hi - lo) if hi != lo else 0.0
            return (0.0, 0.0, 0.0, round((k - 1 + frac) / 255.0, 3))
    return (0.0, 0.0, 0.0, 1.0)


@cache
def _convert(rgb: tuple[int, int, int]) -> CMYK:
    pixel = Image.new("RGB", (1, 1), rgb)
    c, m, y, k = _rgb_to_cmyk().apply(pixel).getpixel((0, 0))  # type: ignore[misc]
    return (round(c / 255.0, 3), round(m / 255.0, 3), round(y / 255.0, 3), round(k / 255.0, 3))


def to_cmyk(color: Color, *, prefer_k: bool = False) -> CMYK:
    """The CMYK (0-1, three decimals) for `color` on the FOGRA39 condition."""
    if color.cmyk is not None:
        return color.cmyk
    if prefer_k and color.r == color.g == color.b:
        return _k_only(color.r)
    return _convert(color.rgb)


def image_to_cmyk(image: Image.Image) -> Image.Image:
    """Convert an RGB image to CMYK with the same transform as vector colours."""
    if image.mode != "RGB":
        image = image.convert("RGB")
    result = _rgb_to_cmyk().apply(image)
    assert result is not None
    return result
