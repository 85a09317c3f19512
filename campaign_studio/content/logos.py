"""Brand logos: where a brand kit may point, what a logo file may be, and the copy renderers draw.

A logo comes from outside (a municipality's brand kit), so nothing about it is trusted:
- its path must stay inside the brand folder (no absolute path, no '..', no link out);
- it is identified by its content, not its name: PNG, JPEG or SVG (SVG is parsed safely
  by content.svg_logo and drawn as vectors, never decoded here);
- its file size and pixel count are bounded, read from the header before anything is decoded;
- it is decoded once, with every decoder failure turned into a located refusal, and
  downscaled once to what the largest format can show (cached by content hash), so a
  12,000-pixel logo costs what a 2,000-pixel one does and Pillow never warns.
"""

from __future__ import annotations

import hashlib
import io
import stat
import struct
import threading
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from campaign_studio.content.files import link_loop
from campaign_studio.content.svg_logo import SvgInfo, check_svg
from campaign_studio.model.diagnostics import Diagnostic, InputError, Location

if TYPE_CHECKING:  # Pillow loads when a logo is decoded: `list` and `--help` never need it
    from PIL import Image

MAX_BYTES = 25 * 1024 * 1024
MAX_PIXELS = 40_000_000
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"
# Other formats a logo is sometimes saved in, named in the refusal (magic bytes -> name).
_OTHER_KINDS = (
    (b"GIF8", "a GIF image"), (b"RIFF", "a WebP image (or another RIFF file)"), (b"BM", "a BMP image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (such as a .docx or .zip file)"), (b"\x00\x00\x01\x00", "an icon (.ico) file"),
)
_CONVERT_HINT = "export the logo as an SVG, PNG or JPEG file and put it next to brand.yaml"


@dataclass(frozen=True)
class Logo:
    """A checked logo file: what the header says, and the hash its decoded copy is cached by."""

    path: Path
    format: str  # PNG | JPEG | SVG
    width: float  # pixels as stored in the file (SVG: its viewBox size, in user units)
    height: float
    digest: str  # sha256 of the file's bytes
    svg: SvgInfo | None = None  # the checked markup of an SVG logo

    @property
    def aspect(self) -> float:
        return self.width / self.height

    @property
    def vector(self) -> bool:
        return self.format == "SVG"


def _refuse(loc: Location, key: str, message: str, hint: str) -> InputError:
    return InputError(Diagnostic("error", message, loc, key, hint))


def logo_path(folder: Path, written: str, loc: Location, key: str, *, thing: str = "image",
              example: str = "logo.png", where: str = "brand folder", beside: str = "brand.yaml") -> Path:
    """The file `key: written` in the brand kit of `folder` names; refused unless it lies inside the folder.

    Any file a brand kit names (logos, fonts) goes through here; `thing` says what it should be.
    """
    inside = f"write the file name of {'an' if thing[0] in 'aeiou' else 'a'} {thing} inside the {where}, " \
             f"e.g. {example}"
    control = next((ch for ch in written if ord(ch) < 0x20 or ord(ch) == 0x7F), None)
    if control is not None:  # a NUL cannot even be asked about; no real file name has these
        raise _refuse(loc, key, f"{written!r} contains the control character U+{ord(control):04X}", inside)
    if PurePosixPath(written).is_absolute() or PureWindowsPath(written).is_absolute() or PureWindowsPath(written).drive:
        what = "a logo" if where == "brand folder" else f"a {thing}"
        raise _refuse(loc, key, f"{written!r} is an absolute path; {what} must lie inside the {where}", inside)
    parts = written.replace("\\", "/").split("/")
    if ".." in parts:
        raise _refuse(loc, key, f"{written!r} leads out of the {where} ('..')", inside)
    candidate = folder / written
    if link_loop(candidate) is not None:
        raise _refuse(loc, key, f"{written!r} is a loop of symbolic links", f"replace the link by the {thing} itself")
    real_folder, real = folder.resolve(), candidate.resolve()
    if not real.is_relative_to(real_folder):
        raise _refuse(loc, key, f"{written!r} is a link to {real}, outside the {where}",
                      f"copy the {thing} itself into the {where}")
    try:
        info = real.stat()
    except OSError:
        raise _refuse(loc, key, f"{key} file {written!r} not found next to {beside}",
                      f"put the {thing} next to {beside}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _refuse(loc, key, f"{written!r} is a folder, not {'an' if thing[0] in 'aeiou' else 'a'} {thing}", inside)
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(loc, key, f"{written!r} is not a plain file (a device, pipe or socket)", inside)
    return real


def _kind(data: bytes) -> str | None:
    """PNG or JPEG by the file's first bytes; None for anything else."""
    if data.startswith(_PNG_MAGIC):
        return "PNG"
    if data.startswith(_JPEG_MAGIC):
        return "JPEG"
    return None


def _looks_like_svg(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml", b"<!doctype svg")) and b"<svg" in data[:65536].lower()


def _describe(data: bytes) -> str:
    for magic, name in _OTHER_KINDS:
        if data.startswith(magic):
            return name
    if not data:
        return "an empty file"
    try:
        data[:512].decode("utf-8")
        return "a text file"
    except UnicodeDecodeError:
        return "not an image Campaign Studio knows"


def _png_size(data: bytes) -> tuple[int, int] | None:
    # The IHDR chunk must come first: length 13, type, then width and height.
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the first start-of-frame marker, walking the marker segments."""
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            i += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image or start of scan before any frame header
            return None
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in _SOF:
            if i + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    return None


def _read(path: Path, loc: Location, key: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _refuse(loc, key, f"the logo {path.name!r} is {size / 1024 / 1024:.1f} MB, more than the "
                          f"{MAX_BYTES // 1024 // 1024} MB a logo may have", "save a smaller copy of the logo, "
                          "e.g. 2000 pixels on its longest side")
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)  # never more, even if the file grows meanwhile
    except OSError as exc:
        raise _refuse(loc, key, f"cannot read the logo {path.name!r}: {exc.strerror}",
                      "check that the file exists and can be read") from None
    if len(data) > MAX_BYTES:
        raise _refuse(loc, key, f"the logo {path.name!r} is more than {MAX_BYTES // 1024 // 1024} MB",
                      "save a smaller copy of the logo")
    return data


def check_logo(path: Path, data: bytes, loc: Location, key: str = "") -> Logo:
    """What the file is, from its bytes and header alone (nothing is decoded); refusals at `loc`."""
    name = path.name
    kind = _kind(data)
    if kind is None:
        if _looks_like_svg(data):
            svg = check_svg(path, data, loc, key)
            return Logo(path, "SVG", svg.width, svg.height, hashlib.sha256(data).hexdigest(), svg)
        raise _refuse(loc, key, f"{name!r} is {_describe(data)}, not an SVG, PNG or JPEG image, whatever its name "
                      "says", _CONVERT_HINT)
    size = _png_size(data) if kind == "PNG" else _jpeg_size(data)
    if size is None or min(size) < 1:
        raise _refuse(loc, key, f"{name!r} starts like a {kind} image but its header is damaged",
                      f"save the logo again as {kind} from the original")
    width, height = size
    if width * height > MAX_PIXELS:
        raise _refuse(loc, key, f"{name!r} is {width:,} × {height:,} pixels ({width * height / 1e6:,.0f} megapixels), "
                      f"more than the {MAX_PIXELS // 1_000_000} megapixels a logo may have",
                      "save a smaller copy, e.g. 2000 pixels on its longest side; even an abri poster needs no more")
    return Logo(path, kind, width, height, hashlib.sha256(data).hexdigest())


def _to_rgba(image: Image.Image) -> Image.Image:
    """A new RGBA image, independent of the file (convert always copies)."""
    if image.mode == "CMYK":  # a CMYK JPEG: bring it to sRGB first
        image = image.convert("RGB")
    elif image.mode.startswith("I"):  # 16-bit grey: Pillow would clip to white, so scale to 8 bits
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    return image.convert("RGBA")


def _decode(logo: Logo, data: bytes, bound: tuple[int, int], loc: Location, key: str) -> Image.Image:
    from PIL import Image

    """The logo as RGBA, no larger than `bound` (aspect kept, never enlarged)."""
    try:
        # The size was checked above, so Pillow's own decompression-bomb warning can only repeat it;
        # any other decoder warning is about a file we refuse or repair here, never for the user's console.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data), formats=[logo.format]) as opened:
                if (opened.width, opened.height) != (logo.width, logo.height):
                    raise ValueError("the header and the image disagree about its size")
                if logo.format == "JPEG":
                    opened.draft("RGB", bound)  # JPEG decodes at 1/2, 1/4 or 1/8 scale when that is enough
                opened.load()
                if opened.width > bound[0] or opened.height > bound[1]:
                    opened.thumbnail(bound, Image.Resampling.LANCZOS)  # in place, before the copy below
                image = _to_rgba(opened)
    except Exception as exc:  # untrusted bytes: every decoder failure (OSError, SyntaxError, zlib...) is the file's
        raise _refuse(loc, key, f"{logo.path.name!r} is a damaged {logo.format} image ({exc})",
                      f"save the logo again as {logo.format} from the original") from None
    return image


_CACHE_SIZE = 8
_decoded: OrderedDict[tuple[str, tuple[int, int]], Image.Image] = OrderedDict()
_lock = threading.Lock()


_infos: OrderedDict[tuple[Path, int, int], Logo] = OrderedDict()


def logo_info(path: Path, loc: Location | None = None, key: str = "") -> Logo:
    """The checked logo at `path` (kind, size, digest; an SVG's checked markup), cached by the file's stamp."""
    try:
        stamp = path.stat()
    except OSError:
        stamp = None
    cache_key = (path, stamp.st_mtime_ns if stamp else 0, stamp.st_size if stamp else 0)
    with _lock:
        found = _infos.get(cache_key)
    if found is not None:
        return found
    where = loc or Location(path)
    logo = check_logo(path, _read(path, where, key), where, key)
    with _lock:
        _infos[cache_key] = logo
        while len(_infos) > _CACHE_SIZE:
            _infos.popitem(last=False)
    return logo


def load_logo(path: Path, bound: tuple[int, int], loc: Location | None = None, key: str = "") -> Image.Image:
    """The checked logo at `path`, decoded and downscaled to fit `bound`; cached by file content.

    Refusals are located at `loc` (the brand.yaml line of the key), else at the file itself.
    Treat the result as read-only: it is shared by every design that shows this logo.
    """
    where = loc or Location(path)
    data = _read(path, where, key)
    logo = check_logo(path, data, where, key)
    if logo.vector:
        raise ValueError(f"{path.name} is an SVG logo: draw it as vectors (render.vector_logo), do not decode it")
    cache_key = (logo.digest, bound)
    with _lock:
        cached = _decoded.get(cache_key)
        if cached is not None:
            _decoded.move_to_end(cache_key)
            return cached
    image = _decode(logo, data, bound, where, key)
    with _lock:
        _decoded[cache_key] = image
        while len(_decoded) > _CACHE_SIZE:
            _decoded.popitem(last=False)
    return image


def forget_decoded() -> None:
    """Drop the decoded copies (a long-lived process that loads other brands, or a test, frees them)."""
    with _lock:
        _decoded.clear()
        _infos.clear()
