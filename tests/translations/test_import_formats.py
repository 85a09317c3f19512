"""Files as other tools write them: wrapped PO lines, CRLF, XLIFF 1.2 with groups, XLIFF 2.0, language case."""

from __future__ import annotations

import polib
from trkit import HEADLINE, po_edit, po_entry

TITLE = "programme.title"


def _export(cli, folder, lang: str, out) -> None:  # type: ignore[no-untyped-def]
    result = cli("translations", "export", "--lang", lang, "--campaign", folder, "-o", out)
    assert result.code == 0, result.err


def test_a_po_file_with_wrapped_lines_and_crlf_imports(cli, campaign_copy, tmp_path) -> None:
    out = tmp_path / "en.po"
    _export(cli, campaign_copy.folder, "en", out)
    po = polib.pofile(str(out), wrapwidth=40)  # Poedit wraps long lines
    next(e for e in po if e.msgctxt == TITLE).msgstr = "Recognising and respecting each other's wishes and boundaries"
    po.save(str(out))
    out.write_bytes(out.read_bytes().replace(b"\n", b"\r\n"))
    assert b'msgstr ""\r\n"Recognising' in out.read_bytes()

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err
    assert "1 updated" in result.out
    stored = po_entry(campaign_copy.folder / "translations" / "en.po", TITLE)
    assert stored.msgstr == "Recognising and respecting each other's wishes and boundaries"


def test_a_wrapped_po_file_is_located_at_its_entries(cli, campaign_copy, tmp_path) -> None:
    out = tmp_path / "en.po"
    _export(cli, campaign_copy.folder, "en", out)
    po_edit(out, HEADLINE, "How far <b>is</b> it fun for both of you, and for how long does that last?")
    po = polib.pofile(str(out), wrapwidth=30)
    po.save(str(out))

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    lines = out.read_text(encoding="utf-8").splitlines()
    line = next(i + 1 for i, text in enumerate(lines)  # msgctxt "" with the id wrapped onto the next lines
                if text == 'msgctxt ""' and "".join(x.strip('"') for x in lines[i + 1:i + 4]).startswith(HEADLINE))
    assert result.code == 1
    assert result.errors[0].startswith(f"{out}:{line}:1: error: {HEADLINE}: the translation "
                                       "contains markup")


XLIFF12_FROM_A_CAT_TOOL = """<?xml version="1.0" encoding="utf-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:x="urn:example:extra">
 <file original="campaign.yaml" source-language="nl-NL" target-language="PL" datatype="plaintext">
  <header><x:tool name="SomeCAT"/></header>
  <body>
   <group id="g1">
    <trans-unit id="u1" resname="{title}" approved="yes">
     <source>Elkaars wensen en grenzen herkennen, erkennen en respecteren</source>
     <target>Rozpoznawać, uznawać i szanować wzajemne pragnienia i granice</target>
    </trans-unit>
    <trans-unit id="u2" resname="{headline}">
     <source>Tot waar is het leuk voor allebei?</source>
     <target state="needs-review-translation">Do kiedy to jest fajne dla was obojga?</target>
    </trans-unit>
    <trans-unit id="u3" resname="programme.name" translate="no">
     <source>Nationaal Actieprogramma</source>
     <target>ignored</target>
    </trans-unit>
   </group>
  </body>
 </file>
</xliff>
"""


def test_xliff_12_with_groups_resnames_and_approval(cli, campaign_copy, tmp_path) -> None:
    path = tmp_path / "pl.xlf"
    path.write_text(XLIFF12_FROM_A_CAT_TOOL.format(title=TITLE, headline=HEADLINE), encoding="utf-8")

    result = cli("translations", "import", path, "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err
    target = campaign_copy.folder / "translations" / "pl.po"
    assert f"merged into {target} (2 updated, 0 new, 0 unchanged; of these 1 outdated, 0 draft" in result.out
    title = po_entry(target, TITLE)
    assert (title.msgstr, title.flags) == ("Rozpoznawać, uznawać i szanować wzajemne pragnienia i granice", [])
    assert po_entry(target, HEADLINE).flags == ["fuzzy", "draft"]  # needs review, and not approved
    assert po_entry(target, "programme.name").msgstr != "ignored"


XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="nl" trgLang="de">
  <file id="f1">
    <unit id="{title}">
      <segment state="final">
        <source>Elkaars wensen en grenzen herkennen, erkennen en respecteren</source>
        <target>Die Wünsche und Grenzen des anderen erkennen, anerkennen und respektieren</target>
      </segment>
    </unit>
    <unit id="{headline}">
      <segment state="translated">
        <source>Tot waar is het leuk voor </source>
        <target>Bis wohin macht es </target>
      </segment>
      <segment state="translated">
        <source>allebei?</source>
        <target>beiden Spaß?</target>
      </segment>
    </unit>
    <unit id="programme.name">
      <segment><source>Nationaal Actieprogramma</source></segment>
    </unit>
    <unit id="groups.women.label">
      <segment state="reviewed">
        <source>vrouwen</source>
        <target>Frauen<pc id="1">!</pc></target>
      </segment>
    </unit>
  </file>
</xliff>
"""


def test_xliff_2_imports_segments_and_states(cli, campaign_copy, tmp_path) -> None:
    path = tmp_path / "de.xliff"
    path.write_text(XLIFF2.format(title=TITLE, headline=HEADLINE), encoding="utf-8")

    refused = cli("translations", "import", path, "--campaign", campaign_copy.folder)
    assert refused.code == 1
    line = XLIFF2.splitlines().index('    <unit id="groups.women.label">') + 1
    assert refused.errors == [f"{path}:{line}:5: error: "
                              "groups.women.label: the translation contains the XML element <pc>; campaign texts are "
                              "plain text (remove the element, keep its words)"]

    path.write_text(XLIFF2.format(title=TITLE, headline=HEADLINE).replace('<pc id="1">!</pc>', ""), encoding="utf-8")
    result = cli("translations", "import", path, "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err
    target = campaign_copy.folder / "translations" / "de.po"
    assert "(new language) (0 updated, 3 new" in result.out
    assert po_entry(target, HEADLINE).msgstr == "Bis wohin macht es beiden Spaß?"
    assert po_entry(target, HEADLINE).flags == ["draft"]
    assert po_entry(target, TITLE).flags == []
    assert po_entry(target, "groups.women.label").msgstr == "Frauen"


def test_the_declared_language_is_matched_in_any_case(cli, campaign_copy, tmp_path) -> None:
    out = tmp_path / "en.po"
    _export(cli, campaign_copy.folder, "en", out)
    po_edit(out, HEADLINE, "Up to where is it fun for both of you?", language="EN")

    result = cli("translations", "import", out, "--campaign", campaign_copy.folder)

    assert result.code == 0, result.err
    assert f"merged into {campaign_copy.folder / 'translations' / 'en.po'} (1 updated" in result.out
    assert sorted(p.name for p in (campaign_copy.folder / "translations").iterdir()) == \
        ["ar.po", "en.po", "fa.po", "pl.po", "ti.po", "tr.po", "uk.po"]
