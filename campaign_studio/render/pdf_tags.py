"""The PDF structure tree (PDF/UA-1), added with pikepdf after ReportLab wrote the page.

While drawing, the renderer wraps every meaningful item in a marked-content
sequence with an MCID and records a `StructNode` for it, in reading order (the
page tree's order); everything else is drawn as /Artifact. `apply` then builds:

    StructTreeRoot → Document → H1 | H2 | P | Figure | L → LI → LBody

with the ParentTree that maps the page's MCIDs back to their elements, /MarkInfo,
/Tabs /S, /Lang on the document and on elements in another language, and /Alt
(plus a layout /BBox) on figures. Text elements also carry their logical text
as /ActualText, which readers of the structure (and ``pdfinfo -struct-text``) use. Only one page per PDF, so the page's
/StructParents is 0 and the ParentTree has one entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, String


@dataclass
class StructNode:
    kind: str  # 'H1', 'H2', 'P', 'Figure' or 'L'
    mcids: list[int] = field(default_factory=list)  # for 'L': one MCID per list item
    lang: str = ""  # only when it differs from the document's
    alt: str = ""
    text: str = ""  # logical text of a text element (the whole block), as its /ActualText
    lines: list[str] = field(default_factory=list)  # for 'L': logical text of each item
    bbox: tuple[float, float, float, float] | None = None  # PDF user space, for figures


@dataclass
class StructRecorder:
    """Hands out MCIDs and collects the structure elements while the page is drawn."""

    nodes: list[StructNode] = field(default_factory=list)
    _next: int = 0

    def mcid(self) -> int:
        self._next += 1
        return self._next - 1

    def add(self, node: StructNode) -> StructNode:
        self.nodes.append(node)
        return node


def apply(pdf: pikepdf.Pdf, nodes: list[StructNode], language: str) -> None:
    """Add the structure tree for `nodes` (in reading order) to the one-page `pdf`."""
    page = pdf.pages[0].obj
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    doc = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root, Lang=String(language)))
    parents: dict[int, pikepdf.Object] = {}
    kids = Array()

    def element(kind: str, parent: pikepdf.Object, mcids: list[int], **extra: pikepdf.Object) -> pikepdf.Object:
        elem = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + kind), P=parent, Pg=page))
        for key, value in extra.items():
            elem[Name("/" + key)] = value
        elem.K = mcids[0] if len(mcids) == 1 else Array(mcids)
        for m in mcids:
            parents[m] = elem
        return elem

    for node in nodes:
        extra: dict[str, pikepdf.Object] = {}
        if node.lang:
            extra["Lang"] = String(node.lang)
        if node.kind == "L":
            lst = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.L, P=doc))
            for key, value in extra.items():
                lst[Name("/" + key)] = value
            items = Array()
            for m, text in zip(node.mcids, node.lines, strict=True):
                li = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.LI, P=lst))
                li.K = Array([element("LBody", li, [m], ActualText=String(text))])
                items.append(li)
            lst.K = items
            kids.append(lst)
            continue
        if node.kind == "Figure":
            extra["Alt"] = String(node.alt)
            if node.bbox is not None:
                extra["A"] = Dictionary(O=Name.Layout, Placement=Name.Block, BBox=Array([round(v, 3) for v in node.bbox]))
        elif node.text:
            extra["ActualText"] = String(node.text)
        kids.append(element(node.kind, doc, node.mcids, **extra))
    doc.K = kids
    root.K = Array([doc])
    tree = Array()
    if parents:
        tree.append(0)
        tree.append(pdf.make_indirect(Array([parents[m] for m in range(max(parents) + 1)])))
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=tree))
    root.ParentTreeNextKey = 1
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = String(language)
    page.StructParents = 0
    page.Tabs = Name.S
