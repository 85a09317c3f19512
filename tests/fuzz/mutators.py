"""Mutations of valid files for the CLI fuzz test: bytes, lines, YAML trees, PO entries, XLIFF elements.

Every mutation is an Op: a label a person can read and a function that changes one file
in a run's workspace. Parameters are drawn once from a seeded random.Random, and positions
are fractions of the file, so a subset of a case's ops can be replayed (to shrink a crash).
"""

from __future__ import annotations

import copy
import io
import random
import struct
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib
import yaml


@dataclass(frozen=True)
class Op:
    label: str
    apply: Callable[[Path], None]  # called with the run's workspace folder


def file_op(rel: str, label: str, transform: Callable[[bytes], bytes]) -> Op:
    def apply(ws: Path) -> None:
        path = ws / rel
        if path.is_file() and not path.is_symlink():
            path.write_bytes(transform(path.read_bytes()))

    return Op(f"{rel}: {label}", apply)


# --- random text ---------------------------------------------------------------------------------

CONTROLS = [chr(c) for c in (*range(0, 32), 0x7F, *range(0x80, 0xA0))]
FORMAT_CHARS = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\ufeff", "\u00ad", "\u2028", "\u2029", "\u180e",
                "\U000e0001", "\U000e0041"]
NONCHARACTERS = ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff"]
PRIVATE_USE = ["\ue000", "\uf8ff", "\U000f0000", "\U00100000"]
SCRIPTS = ["ⵜⴰⵎⴰⵣⵉⵖⵜ", "😀", "👩‍👩‍👧", "🇳🇱", "中文字", "𝕳𝖊𝖑𝖑𝖔", "עברית", "العربية", "ትግርኛ", "ẞß", "ﷺ", "ﷻ",
           "İı", "ǅ", "ﬀ", "Ⅻ", "٣٤٥", "۱۲۳", "𝟙𝟚", "a\u0301\u0301\u0301\u0301", "\u0e49" * 30, "ᚠᛇᚻ", "ꙮ", "\u0000"]
YAML_JUNK = ["", " ", "-", "- ", ":", ": ", "'", '"', "[", "]", "{", "}", "&a ", "*a", "!!str ", "!!python/none ",
             "!!binary ", "#", "\t", "~", "yes", "no", "1e309", "-1e309", "-0.0", ".nan", ".inf", "-1", "0x1F", "0o17",
             "2026-02-30", "a: b", "? ", "|", ">", "%", "@", ",", "<<: *a", "---", "...", "!custom ", "&b [*b]"]
PO_JUNK = ['"', '\\', '\\q', '\\x41', '"\n"', "\nmsgstr \"\"", "\n#, fuzzy", "\nmsgid_plural \"x\"", "\nmsgstr[0] \"x\"",
           "\nmsgctxt \"x\"", "#~ ", "#| ", "\r", "\r\n"]
XML_JUNK = ["<", ">", "&", "&amp;", "&lt;", "&#0;", "&#x1F600;", "&#xD800;", "&unknown;", "<![CDATA[x]]>", "<!-- c -->",
            "<?pi x?>", "<g id='1'>", "</g>", "<x/>", "<mrk mtype='x'>y</mrk>", "]]>", "\"", "'",
            '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '<!ENTITY e SYSTEM "file:///etc/passwd">', "&e;"]


def unassigned(rng: random.Random) -> str:
    """A code point Unicode has not assigned (category Cn), outside the surrogates."""
    while True:
        cp = rng.choice((rng.randrange(0x0370, 0x3000), rng.randrange(0x10000, 0x110000)))
        if not 0xD800 <= cp < 0xE000 and unicodedata.category(chr(cp)) == "Cn":
            return chr(cp)


def random_text(rng: random.Random) -> str:
    """A short text mixing plain letters with controls, invisible and unassigned characters, odd scripts, or length."""
    pieces: list[str] = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(10)
        if kind == 0:
            pieces.append(rng.choice(CONTROLS))
        elif kind == 1:
            pieces.append(rng.choice(FORMAT_CHARS))
        elif kind == 2:
            pieces.append(unassigned(rng))
        elif kind == 3:
            pieces.append(rng.choice(NONCHARACTERS + PRIVATE_USE))
        elif kind == 4:
            pieces.append(rng.choice(SCRIPTS))
        elif kind == 5:
            pieces.append(rng.choice(["x" * rng.choice([599, 600, 601, 2000]), "woord " * rng.choice([100, 3000]),
                                      "a" * 70000]))
        elif kind == 6:
            pieces.append(chr(rng.randrange(0x20, 0x3000)))
        else:
            pieces.append(rng.choice(["Bel 0800-0188", "tekst", "42", "%", "{x}", "%s", "\\n", " ", ""]))
    return "".join(pieces)


def raw_bytes(rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))


def _at(data: bytes, frac: float) -> int:
    return min(len(data), int(frac * (len(data) + 1)))


# --- byte and line mutations (any file) -------------------------------------------------------------

def byte_ops(rng: random.Random, rel: str, junk: list[str]) -> Op:
    """One mutation of the file's bytes or lines."""
    frac, frac2 = rng.random(), rng.random()
    kind = rng.randrange(9)
    if kind == 0:
        bits = [(rng.random(), rng.randrange(8)) for _ in range(rng.randint(1, 6))]

        def flip(data: bytes) -> bytes:
            out = bytearray(data)
            for f, bit in bits:
                if out:
                    out[min(len(out) - 1, int(f * len(out)))] ^= 1 << bit
            return bytes(out)

        return file_op(rel, f"flip bits {bits}", flip)
    if kind == 1:
        return file_op(rel, f"truncate at {frac:.3f}", lambda d: d[:_at(d, frac)])
    if kind == 2:
        n = rng.randint(1, 200)
        return file_op(rel, f"delete {n} bytes at {frac:.3f}", lambda d: d[:_at(d, frac)] + d[_at(d, frac) + n:])
    if kind == 3:
        n = rng.randint(1, 400)
        return file_op(rel, f"duplicate {n} bytes at {frac:.3f}",
                       lambda d: d[:_at(d, frac)] + d[_at(d, frac):_at(d, frac) + n] * 2 + d[_at(d, frac) + n:])
    if kind == 4:
        raw = raw_bytes(rng)
        return file_op(rel, f"insert bytes {raw!r} at {frac:.3f}", lambda d: d[:_at(d, frac)] + raw + d[_at(d, frac):])
    if kind in (5, 6):
        text = random_text(rng) if kind == 5 else rng.choice(junk)
        enc = text.encode("utf-8", "surrogatepass")
        return file_op(rel, f"insert {text[:80]!r} at {frac:.3f}", lambda d: d[:_at(d, frac)] + enc + d[_at(d, frac):])
    if kind == 7:
        def delete_line(data: bytes) -> bytes:
            lines = data.splitlines(keepends=True)
            if lines:
                del lines[min(len(lines) - 1, int(frac * len(lines)))]
            return b"".join(lines)

        return file_op(rel, f"delete line at {frac:.3f}", delete_line)

    def duplicate_line(data: bytes) -> bytes:  # a duplicated key, list item or PO entry line
        lines = data.splitlines(keepends=True)
        if lines:
            line = lines[min(len(lines) - 1, int(frac * len(lines)))]
            lines.insert(min(len(lines), int(frac2 * (len(lines) + 1))), line)
        return b"".join(lines)

    return file_op(rel, f"copy line at {frac:.3f} to {frac2:.3f}", duplicate_line)


# --- YAML tree mutations ---------------------------------------------------------------------------------

def _walk(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            found += _walk(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _walk(v, (*path, i))
    return found


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        node = node[p]
    return node


def _swap_value(rng: random.Random) -> Any:
    """A value of some other type than the one it replaces."""
    return rng.choice([
        None, True, 0, -1, 2 ** 64, -0.0, float("inf"), float("-inf"), float("nan"), 1e-320, 1.5, "", "tekst",
        [], {}, [1, 2], {"a": 1}, ["x"] * 50, random_text(rng), "2026-02-30", "#GGGGGG", "../../etc/passwd",
        {"nl": "x"}, [[[[[[["deep"]]]]]]],
    ])


def yaml_tree_op(rng: random.Random, rel: str, gentle: bool = False) -> Op:
    """One mutation of the parsed YAML tree.

    Rough ones break the schema (delete a key, swap a type, odd text or number, deep nesting);
    gentle ones keep each value's type, so the file still validates and the layout and the
    renderers get odd but valid input (a value spliced from elsewhere in the file, a number
    scaled, a list shuffled, a flag flipped, a text replaced).
    """
    frac, frac2 = rng.random(), rng.random()
    kind = rng.choice(["splice", "perturb", "shuffle", "flip", "text"] if gentle else
                      ["delete", "swap", "text", "number", "deepen", "empty", "duplicate-item", "rename-key"])
    value = _swap_value(rng)
    text = random_text(rng)
    number = rng.choice([0, -0.0, -1, 1e309, -1e309, float("nan"), 10 ** 30, 0.1 + 0.2, 100.0001, 1e-9, 101, 2 ** 63])
    factor = rng.choice([0, 0.01, 0.5, 0.99, 1.01, 2, 10, -1])
    depth = rng.choice([10, 49, 51, 200, 2000])
    seed = rng.random()

    def mutate(data: bytes) -> bytes:
        try:
            tree = yaml.safe_load(data.decode("utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
            return data
        if not isinstance(tree, dict | list):
            return data
        paths = [p for p in _walk(tree) if p]
        if not paths:
            return data
        path = paths[min(len(paths) - 1, int(frac * len(paths)))]
        parent, key = _get(tree, path[:-1]), path[-1]
        current = parent[key]
        if kind == "delete":
            del parent[key]
        elif kind == "swap":
            parent[key] = value
        elif kind == "text":
            parent[key] = text if not gentle or isinstance(current, str) else current
        elif kind == "number":
            parent[key] = number
        elif kind == "deepen":
            nested: Any = current
            for _ in range(depth):
                nested = [nested]
            parent[key] = nested
        elif kind == "empty":
            parent[key] = type(current)() if isinstance(current, list | dict | str) else None
        elif kind == "duplicate-item" and isinstance(parent, list):
            parent.insert(key, current)
        elif kind == "rename-key" and isinstance(parent, dict):
            parent[text] = parent.pop(key)
        elif kind == "splice":
            same = [p for p in paths if type(_get(tree, p)) is type(current) and p != path]
            if same:
                parent[key] = copy.deepcopy(_get(tree, same[min(len(same) - 1, int(frac2 * len(same)))]))
        elif kind == "perturb":
            numbers = [p for p in paths if type(_get(tree, p)) in (int, float)]
            if numbers:
                where = numbers[min(len(numbers) - 1, int(frac2 * len(numbers)))]
                holder, last = _get(tree, where[:-1]), where[-1]
                scaled = holder[last] * factor
                holder[last] = round(scaled) if isinstance(holder[last], int) else scaled
        elif kind == "shuffle":
            lists = [p for p in paths if isinstance(_get(tree, p), list)]
            if lists:
                items = _get(tree, lists[min(len(lists) - 1, int(frac2 * len(lists)))])
                random.Random(seed).shuffle(items)
        elif kind == "flip":
            flags = [p for p in paths if isinstance(_get(tree, p), bool)]
            if flags:
                where = flags[min(len(flags) - 1, int(frac2 * len(flags)))]
                _get(tree, where[:-1])[where[-1]] = not _get(tree, where)
        try:
            return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=10 ** 6).encode("utf-8", "surrogatepass")
        except (yaml.YAMLError, RecursionError):
            return data

    shown = {"swap": repr(value)[:60], "text": repr(text)[:60], "number": repr(number), "deepen": str(depth),
             "perturb": f"x{factor} at {frac2:.3f}", "splice": f"from {frac2:.3f}"}.get(kind, "")
    return file_op(rel, f"yaml {kind} {shown} at node {frac:.3f}", mutate)


def yaml_ops(rng: random.Random, rel: str, gentle_share: float = 0.3) -> list[Op]:
    ops = []
    for _ in range(rng.randint(1, 3)):
        pick = rng.random()
        if pick < gentle_share:
            ops.append(yaml_tree_op(rng, rel, gentle=True))
        elif pick < gentle_share + (1 - gentle_share) / 2:
            ops.append(yaml_tree_op(rng, rel))
        else:
            ops.append(byte_ops(rng, rel, YAML_JUNK))
    return ops


# --- PO mutations ---------------------------------------------------------------------------------------------

def po_entry_op(rng: random.Random, rel: str) -> Op:
    frac, frac2 = rng.random(), rng.random()
    kind = rng.choice(["msgstr", "long", "context", "copy-context", "delete", "duplicate", "flag", "plural",
                       "plural-only", "language", "no-header", "obsolete", "msgid", "previous"])
    text = random_text(rng)
    flag = rng.choice(["fuzzy", "draft", "no-c-format", random_text(rng)])
    language = rng.choice(["", "xx", "en", "ar", "nl", "pt_BR", "zz-Zzzz", "123", random_text(rng)])

    def mutate(data: bytes) -> bytes:
        try:
            po = polib.pofile(data.decode("utf-8"), wrapwidth=0)
        except (OSError, ValueError, UnicodeDecodeError):
            return data
        entries = list(po)
        if not entries:
            return data
        e = entries[min(len(entries) - 1, int(frac * len(entries)))]
        other = entries[min(len(entries) - 1, int(frac2 * len(entries)))]
        if kind == "msgstr":
            e.msgstr = text
        elif kind == "long":
            e.msgstr = e.msgid * 200
        elif kind == "context":
            e.msgctxt = text
        elif kind == "copy-context":
            e.msgctxt = other.msgctxt
        elif kind == "delete":
            po.remove(e)
        elif kind == "duplicate":
            po.append(polib.POEntry(msgctxt=e.msgctxt, msgid=e.msgid, msgstr=text))
        elif kind == "flag":
            e.flags.append(flag)
        elif kind == "plural":
            e.msgid_plural = e.msgid
            e.msgstr_plural = {0: text, 1: e.msgstr}
            e.msgstr = ""
        elif kind == "plural-only":
            e.msgstr_plural = {0: text}
            e.msgstr = ""
        elif kind == "language":
            po.metadata["Language"] = language
        elif kind == "no-header":
            po.metadata = {}
        elif kind == "obsolete":
            e.obsolete = True
        elif kind == "msgid":
            e.msgid = text
        elif kind == "previous":
            e.previous_msgid = text
        return str(po).encode("utf-8", "surrogatepass")

    shown = {"msgstr": text, "context": text, "msgid": text, "previous": text, "plural": text, "plural-only": text,
             "duplicate": text, "flag": flag, "language": language}.get(kind, "")
    return file_op(rel, f"po {kind} {shown[:60]!r} at entry {frac:.3f}", mutate)


def po_ops(rng: random.Random, rel: str) -> list[Op]:
    return [po_entry_op(rng, rel) if rng.random() < 0.6 else byte_ops(rng, rel, PO_JUNK)
            for _ in range(rng.randint(1, 3))]


# --- XLIFF mutations -----------------------------------------------------------------------------------------

XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"


def xliff_element_op(rng: random.Random, rel: str) -> Op:
    frac, frac2 = rng.random(), rng.random()
    kind = rng.choice(["delete", "duplicate", "text", "attribute", "drop-attribute", "inline", "rename", "version",
                       "namespace", "tail"])
    text = random_text(rng)
    attr = rng.choice(["id", "resname", "state", "target-language", "source-language", "version", "translate",
                       "{http://www.w3.org/XML/1998/namespace}space", "approved"])
    attr_value = rng.choice(["", "final", "translated", "needs-review-translation", "new", "en", "xx", "2.0", "no",
                             text])
    inline = rng.choice(["g", "x", "bx", "ph", "mrk", "bpt", "sub"])
    tag = rng.choice(["source", "target", "trans-unit", "unit", "segment", "file", "body", "note", "alt-trans"])
    version = rng.choice(["1.0", "1.2", "2.0", "2.1", "3", ""])

    def mutate(data: bytes) -> bytes:
        try:
            root = ET.fromstring(data)
        except ET.ParseError:
            return data
        elements = list(root.iter())
        parents = {child: parent for parent in elements for child in parent}
        el = elements[min(len(elements) - 1, int(frac * len(elements)))]
        ns = el.tag.split("}")[0] + "}" if el.tag.startswith("{") else ""
        if kind == "delete" and el in parents:
            parents[el].remove(el)
        elif kind == "duplicate" and el in parents:
            parent = parents[el]
            parent.insert(list(parent).index(el), ET.fromstring(ET.tostring(el)))
        elif kind == "text":
            el.text = text
        elif kind == "attribute":
            el.set(attr, attr_value)
        elif kind == "drop-attribute" and el.attrib:
            keys = sorted(el.attrib)
            del el.attrib[keys[min(len(keys) - 1, int(frac2 * len(keys)))]]
        elif kind == "inline":
            child = ET.SubElement(el, f"{ns}{inline}", {"id": "1"})
            child.text = text if frac2 < 0.5 else None
        elif kind == "rename":
            el.tag = f"{ns}{tag}"
        elif kind == "version":
            root.set("version", version)
        elif kind == "namespace":
            for e in elements:
                e.tag = e.tag.replace(XLIFF12, XLIFF2)
        elif kind == "tail":
            el.tail = text
        out = io.BytesIO()
        ET.ElementTree(root).write(out, encoding="UTF-8", xml_declaration=True)
        return out.getvalue()

    shown = {"text": text, "attribute": f"{attr}={attr_value}", "inline": inline, "rename": tag, "tail": text,
             "version": version}.get(kind, "")
    return file_op(rel, f"xliff {kind} {shown[:60]!r} at element {frac:.3f}", mutate)


def xliff_ops(rng: random.Random, rel: str) -> list[Op]:
    return [xliff_element_op(rng, rel) if rng.random() < 0.6 else byte_ops(rng, rel, XML_JUNK)
            for _ in range(rng.randint(1, 3))]


# --- images ---------------------------------------------------------------------------------------------

def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_with_header(width: int, height: int, depth: int = 8, colour: int = 6, data: bytes | None = None) -> bytes:
    """A PNG whose header claims width × height; its pixel data is `data` (compressed) or one short row."""
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    idat = zlib.compress(data if data is not None else b"\0" * 64, 9)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def bomb_png(side: int) -> bytes:
    """A small file that decodes to side × side 1-bit pixels (a 'decompression bomb' for large sides)."""
    row = b"\0" + b"\0" * ((side + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")


def pillow_image(kind: str, size: tuple[int, int]) -> bytes:
    from PIL import Image

    mode, fmt = kind.split(":")
    im = Image.new(mode, size, 128 if mode in ("L", "P", "1", "I", "I;16", "F") else (200, 30, 30, 120)[:len(mode)])
    out = io.BytesIO()
    kwargs: dict[str, Any] = {"save_all": True, "append_images": [im]} if fmt == "GIF" else {}
    try:
        im.save(out, format=fmt, **kwargs)
    except (OSError, ValueError):  # this format cannot hold that size or mode (e.g. ICO beyond 256 px): a PNG then
        out = io.BytesIO()
        im.convert("RGBA").save(out, format="PNG")
    return out.getvalue()


IMAGE_KINDS = ["RGBA:PNG", "RGB:PNG", "L:PNG", "LA:PNG", "P:PNG", "1:PNG", "I;16:PNG", "I:TIFF", "F:TIFF",
               "CMYK:JPEG", "RGB:JPEG", "L:JPEG", "RGB:GIF", "RGBA:WEBP", "RGB:BMP", "RGBA:ICO", "CMYK:TIFF",
               "RGBA:TIFF", "YCbCr:JPEG"]
NOT_IMAGES = [b"", b"\0" * 100, b"PK\x03\x04" + b"\0" * 60, b"<svg xmlns='http://www.w3.org/2000/svg'/>",
              b"%PDF-1.4\n%%EOF\n", b"GIF89a", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"BM", b"RIFF\0\0\0\0WEBP",
              "logo tekst \u202e".encode()]


def image_ops(rng: random.Random, rel: str) -> list[Op]:
    """Replace or damage the logo: other formats and modes, odd sizes, header lies, bombs, non-images, byte damage."""
    ops: list[Op] = []
    kind = rng.randrange(6)
    if kind == 0:
        fmt = rng.choice(IMAGE_KINDS)
        size = rng.choice([(1, 1), (1, 4000), (4000, 1), (3, 2), (640, 200), (2000, 2000)])
        ops.append(file_op(rel, f"replace with a {size[0]}x{size[1]} {fmt}", lambda _d: pillow_image(fmt, size)))
    elif kind == 1:
        w, h = rng.choice([(0, 0), (0, 10), (1, 2 ** 31 - 1), (2 ** 31, 1), (30000, 30000), (70000, 70000),
                           (12000, 12000), (2 ** 32 - 1, 2 ** 32 - 1)])
        depth, colour = rng.choice([(8, 6), (8, 2), (16, 6), (1, 0), (8, 3), (3, 2), (8, 9)])
        ops.append(file_op(rel, f"PNG header claims {w}x{h}, depth {depth}, colour type {colour}",
                           lambda _d: png_with_header(w, h, depth, colour)))
    elif kind == 2:
        side = rng.choice([9000, 30000])
        ops.append(file_op(rel, f"decompression bomb {side}x{side}", lambda _d: bomb_png(side)))
    elif kind == 3:
        junk = rng.choice(NOT_IMAGES)
        ops.append(file_op(rel, f"replace with {junk[:30]!r}", lambda _d: junk))
    for _ in range(rng.randint(1 if kind >= 4 else 0, 2)):
        ops.append(byte_ops(rng, rel, ["IHDR", "IDAT", "IEND", "tEXt", "\0\0\0\0"]))
    return ops
