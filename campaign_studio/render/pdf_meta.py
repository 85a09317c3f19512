"""Document metadata for PDFs: the Info dictionary and the XMP packet.

ReportLab's Info dictionary always carries a creation date (2000-01-01 in
invariant mode), "anonymous" as author and "unspecified" as subject; ours carries
only what the page tree says. Dates are written only when the page brings one
(``Page.metadata["date"]``, ISO ``YYYY-MM-DD``): the renderer never reads the
clock, so identical input gives identical bytes.
"""

from __future__ import annotations

import re
import uuid
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFStream, PDFString, format

PRODUCER = "Campaign Studio (ReportLab)"
CREATOR = "Campaign Studio"
PDFUA_PART = 1

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def page_date(metadata: dict[str, str]) -> tuple[str, str] | None:
    """(PDF date, XMP date) from metadata['date'] when it is an ISO date, else None."""
    m = _DATE.match(metadata.get("date", "").strip())
    if not m:
        return None
    y, mo, d = m.groups()
    return f"D:{y}{mo}{d}000000Z", f"{y}-{mo}-{d}T00:00:00Z"


class Info(PDFInfo):
    """A PDFInfo that writes the given fields only (no clock, no placeholders)."""

    def __init__(self, title: str, *, author: str = "", subject: str = "", keywords: str = "",
                 date: str | None = None, pdfx: str | None = None) -> None:
        super().__init__()
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.trapped = "False"
        self._date = date
        self._pdfx = pdfx

    def format(self, document: Any) -> bytes:
        d: dict[str, object] = {
            "Title": PDFString(self.title),
            "Producer": PDFString(PRODUCER),
            "Creator": PDFString(CREATOR),
            "Trapped": PDFName(self.trapped),
        }
        for key, value in (("Author", self.author), ("Subject", self.subject), ("Keywords", self.keywords)):
            if value:
                d[key] = PDFString(value)
        if self._date:
            d["CreationDate"] = d["ModDate"] = PDFString(self._date)
        if self._pdfx:
            d["GTS_PDFXVersion"] = PDFString(self._pdfx)
        return PDFDictionary(d).format(document)


class MetadataStream(PDFStream):
    """The XMP packet as an uncompressed stream with no /Filter entry.

    ReportLab writes an empty ``/Filter []`` for a stream without filters, which
    PDF/UA validators do not read as XMP (the pdfuaid and dc:title checks then fail).
    """

    def __init__(self, xmp: bytes) -> None:
        super().__init__(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}), xmp, filters=[])

    def format(self, document: Any) -> bytes:
        d = PDFDictionary(self.dictionary.dict.copy())
        content = document.encrypt.encode(self.content)
        d["Length"] = len(content)
        return bytes(format(d, document) + b"\nstream\n" + format(content, document) + b"endstream\n")


def document_id(*parts: bytes | str) -> str:
    """A UUID URN derived from the content (stable for identical input)."""
    seed = b"\0".join(p.encode("utf-8") if isinstance(p, str) else p for p in parts)
    return "uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, seed.hex()))


def xmp_packet(*, title: str, language: str, doc_id: str, author: str = "", subject: str = "",
               date: str | None = None, pdfx: str | None = None) -> bytes:
    """An XMP packet mirroring the Info dictionary: PDF/UA-1 identification, and PDF/X-4 when `pdfx`."""
    t = escape(title)
    lines = [
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '  <rdf:Description rdf:about=""',
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
        '    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
        '    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"',
    '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
        "   <dc:format>application/pdf</dc:format>",
        f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>',
        f"   <dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>",
    ]
    if author:
        lines.append(f"   <dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>")
    if subject:
        lines.append(
            f'   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}'
            "</rdf:li></rdf:Alt></dc:description>"
        )
    lines += [
        f"   <pdf:Producer>{escape(PRODUCER)}</pdf:Producer>",
        "   <pdf:Trapped>False</pdf:Trapped>",
        f"   <xmp:CreatorTool>{escape(CREATOR)}</xmp:CreatorTool>",
    ]
    if date:
        lines += [
            f"   <xmp:CreateDate>{date}</xmp:CreateDate>",
            f"   <xmp:ModifyDate>{date}</xmp:ModifyDate>",
            f"   <xmp:MetadataDate>{date}</xmp:MetadataDate>",
        ]
    lines += [
        f"   <xmpMM:DocumentID>{doc_id}</xmpMM:DocumentID>",
        f"   <xmpMM:InstanceID>{doc_id}</xmpMM:InstanceID>",
        "   <xmpMM:VersionID>1</xmpMM:VersionID>",
        "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
    ]
    if pdfx:
        lines.append(f"   <pdfxid:GTS_PDFXVersion>{escape(pdfx)}</pdfxid:GTS_PDFXVersion>")
    lines.append(f"   <pdfuaid:part>{PDFUA_PART}</pdfuaid:part>")  # every PDF is tagged to PDF/UA-1 (pdf_tags)
    lines += ["  </rdf:Description>", " </rdf:RDF>", "</x:xmpmeta>", '<?xpacket end="w"?>']
    return "\n".join(lines).encode("utf-8")
