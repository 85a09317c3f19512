"""The PDF structure tree (PDF/UA-1), added to ReportLab's document before it writes the file.

While drawing, the renderer wraps every meaningful item in a marked-content
sequence with an MCID and records a `StructNode` for it, in reading order (the
page tree's order); everything else is drawn as /Artifact. `add_structure` then builds:

    StructTreeRoot → Document → H1 | H2 | P | Figure | L → LI → LBody | Table → TR → TH | TD

with the ParentTree that maps the page's MCIDs back to their elements, /MarkInfo,
/Tabs /S, /Lang on the document and on elements in another language, and /Alt
(plus a layout /BBox) on figures. Text elements also carry their block's logical
text as /ActualText, for readers of the structure (poppler's ``pdfinfo -struct-text``
shows the glyphs' ToUnicode text instead). Every page has its own MCIDs from 0: page n's
/StructParents is n, its entry in the ParentTree lists its elements, and each element's
/Pg is the page its content is on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString


@dataclass
class StructNode:
    kind: str  # 'H1', 'H2', 'P', 'Figure', 'L', 'Table' (or a cell's 'TH' / 'TD')
    mcids: list[int] = field(default_factory=list)  # for 'L': the MCIDs of all its lines
    lang: str = ""  # only when it differs from the document's
    alt: str = ""
    text: str = ""  # logical text of a text element (the whole block), as its /ActualText
    # for 'L': each item's logical text and the MCIDs of its lines (an item may wrap over several)
    items: list[tuple[str, list[int]]] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None  # PDF user space, for figures
    page: int = 0  # the page its content is on (from 0)
    # for 'Table': its rows of cells (a TH or TD element, its Scope for a TH, the columns it spans)
    rows: list[list[tuple[StructNode, str, int]]] = field(default_factory=list)


@dataclass
class StructRecorder:
    """Hands out MCIDs and collects the structure elements while the page is drawn."""

    nodes: list[StructNode] = field(default_factory=list)
    page: int = 0
    _next: int = 0

    def mcid(self) -> int:
        self._next += 1
        return self._next - 1

    def add(self, node: StructNode) -> StructNode:
        node.page = self.page
        self.nodes.append(node)
        return node

    def new_page(self) -> None:
        """MCIDs count from 0 again on the next page."""
        self.page += 1
        self._next = 0


def add_structure(doc: Any, page_refs: list[Any], nodes: list[StructNode], language: str) -> Any:
    """The structure tree for `nodes` (reading order) in ReportLab's document; returns the root's reference.

    Built with ReportLab's own objects before it writes the file: a second pass with
    pikepdf (parse, then save again) cost more than the whole untagged render.
    """
    counter = iter(range(1 << 30))

    def ref(d: dict[str, Any]) -> tuple[Any, PDFDictionary]:
        obj = PDFDictionary(d)
        return doc.Reference(obj, f"CS_Struct{next(counter)}"), obj

    root_ref, root = ref({"Type": PDFName("StructTreeRoot")})
    doc_ref, document = ref({"Type": PDFName("StructElem"), "S": PDFName("Document"), "P": root_ref,
                             "Lang": PDFString(language)})
    parents: list[dict[int, Any]] = [{} for _ in page_refs]  # per page: MCID -> its element
    page = 0

    def element(kind: str, parent: Any, mcids: list[int], extra: dict[str, Any]) -> Any:
        elem_ref, _ = ref({"Type": PDFName("StructElem"), "S": PDFName(kind), "P": parent, "Pg": page_refs[page],
                           "K": mcids[0] if len(mcids) == 1 else PDFArray(mcids), **extra})
        for m in mcids:
            parents[page][m] = elem_ref
        return elem_ref

    kids = []
    for node in nodes:
        page = node.page
        extra: dict[str, Any] = {"Lang": PDFString(node.lang)} if node.lang else {}
        if node.kind == "L":
            list_ref, lst = ref({"Type": PDFName("StructElem"), "S": PDFName("L"), "P": doc_ref, **extra})
            items = []
            for text, mcids in node.items:
                li_ref, li = ref({"Type": PDFName("StructElem"), "S": PDFName("LI"), "P": list_ref})
                li.dict["K"] = PDFArray([element("LBody", li_ref, mcids, {"ActualText": PDFString(text)})])
                items.append(li_ref)
            lst.dict["K"] = PDFArray(items)
            kids.append(list_ref)
            continue
        if node.kind == "Table":
            table_ref, table = ref({"Type": PDFName("StructElem"), "S": PDFName("Table"), "P": doc_ref, **extra})
            rows = []
            for row in node.rows:
                tr_ref, tr = ref({"Type": PDFName("StructElem"), "S": PDFName("TR"), "P": table_ref})
                cells = []
                for cell, scope, span in row:
                    attrs: dict[str, Any] = {"O": PDFName("Table")}
                    if scope:
                        attrs["Scope"] = PDFName(scope)
                    if span > 1:
                        attrs["ColSpan"] = span
                    cell_extra: dict[str, Any] = {"A": PDFDictionary(attrs), "ActualText": PDFString(cell.text)}
                    if cell.lang:
                        cell_extra["Lang"] = PDFString(cell.lang)
                    cells.append(element(cell.kind, tr_ref, cell.mcids, cell_extra))
                tr.dict["K"] = PDFArray(cells)
                rows.append(tr_ref)
            table.dict["K"] = PDFArray(rows)
            kids.append(table_ref)
            continue
        if node.kind == "Figure":
            extra["Alt"] = PDFString(node.alt)
            if node.bbox is not None:
                extra["A"] = PDFDictionary({"O": PDFName("Layout"), "Placement": PDFName("Block"),
                                            "BBox": PDFArray([round(v, 3) for v in node.bbox])})
        elif node.text:
            extra["ActualText"] = PDFString(node.text)
        kids.append(element(node.kind, doc_ref, node.mcids, extra))
    document.dict["K"] = PDFArray(kids)
    root.dict["K"] = PDFArray([doc_ref])
    nums: list[Any] = []
    for number, found in enumerate(parents):
        if found:
            array = PDFArray([found[m] for m in range(max(found) + 1)])
            nums += [number, doc.Reference(array, f"CS_ParentTree{number}")]
    root.dict["ParentTree"] = doc.Reference(PDFDictionary({"Nums": PDFArray(nums)}), "CS_ParentTree")
    root.dict["ParentTreeNextKey"] = len(page_refs)
    return root_ref


def page_entries(number: int = 0) -> dict[str, Any]:
    """Entries of page `number` (from 0): its MCIDs are that ParentTree key; tab order follows the structure."""
    return {"StructParents": number, "Tabs": PDFName("S")}


def mark_info() -> PDFDictionary:
    """/MarkInfo, new for every document (ReportLab names an object when it is first referenced)."""
    return PDFDictionary({"Marked": b"true"})  # ReportLab writes bytes as they are
