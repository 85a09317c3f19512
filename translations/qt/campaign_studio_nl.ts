<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>CheckList</name>
    <message>
        <source>Space ticks or unticks the item with the focus</source>
        <translation>Spatie vinkt het item met de focus aan of uit</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Tick every item of %1</source>
        <translation>Alles aanvinken in %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Untick every item of %1</source>
        <translation>Alles uitvinken in %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Export designs</source>
        <translation>Ontwerpen exporteren</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Sjablonen</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formaten</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Talen</translation>
    </message>
    <message>
        <source>Kinds of file</source>
        <translation>Soorten bestanden</translation>
    </message>
    <message>
        <source>Editions</source>
        <translation>Edities</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>Only the content shown now (%1)</source>
        <translation>Alleen de inhoud die nu getoond wordt (%1)</translation>
    </message>
    <message>
        <source>Each template&apos;s own content</source>
        <translation>De eigen inhoud van elk sjabloon</translation>
    </message>
    <message>
        <source>Every statistic, message and statement</source>
        <translation>Alle cijfers, boodschappen en uitspraken</translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>Doelmap</translation>
    </message>
    <message>
        <source>The folder the files, manifest.json and the review page go into</source>
        <translation>De map waarin de bestanden, manifest.json en de controlepagina komen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation>De doelmap kiezen</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Doelmap:</translation>
    </message>
    <message>
        <source>Write designs with error findings too</source>
        <translation>Ook ontwerpen met fouten wegschrijven</translation>
    </message>
    <message>
        <source>Without it, a design with an accessibility error is not written</source>
        <translation>Zonder dit wordt een ontwerp met een toegankelijkheidsfout niet weggeschreven</translation>
    </message>
    <message>
        <source>Make every file again, also unchanged ones</source>
        <translation>Alle bestanden opnieuw maken, ook ongewijzigde</translation>
    </message>
    <message>
        <source>What the export makes</source>
        <translation>Wat de export maakt</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Voortgang van de export</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v van %m bestanden</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Stand van de export</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Designs with errors</source>
        <translation>Ontwerpen met fouten</translation>
    </message>
    <message>
        <source>Designs with warnings</source>
        <translation>Ontwerpen met waarschuwingen</translation>
    </message>
    <message>
        <source>Findings by rule</source>
        <translation>Bevindingen per regel</translation>
    </message>
    <message>
        <source>Error findings</source>
        <translation>Fouten</translation>
    </message>
    <message>
        <source>No error findings</source>
        <translation>Geen fouten gevonden</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Bevindingen</translation>
    </message>
    <message>
        <source>Open review page</source>
        <translation>Controlepagina openen</translation>
    </message>
    <message>
        <source>Open the review page in the browser</source>
        <translation>De controlepagina in de browser openen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporteren</translation>
    </message>
    <message>
        <source>Start the export</source>
        <translation>De export starten</translation>
    </message>
    <message>
        <source>Makes the files ticked above in the destination folder</source>
        <translation>Maakt de hierboven aangevinkte bestanden in de doelmap</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Stop the export</source>
        <translation>De export stoppen</translation>
    </message>
    <message>
        <source>Stops after the design being written; the files made so far stay</source>
        <translation>Stopt na het ontwerp dat nu wordt weggeschreven; de bestanden die al gemaakt zijn blijven staan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Close the export dialog</source>
        <translation>Het exportvenster sluiten</translation>
    </message>
    <message>
        <source>PNG image (social formats)</source>
        <translation>PNG-afbeelding (sociale media)</translation>
    </message>
    <message>
        <source>Screen PDF (print formats)</source>
        <translation>PDF voor het scherm (drukformaten)</translation>
    </message>
    <message>
        <source>Print PDF with bleed and marks</source>
        <translation>PDF voor de drukker, met afloop en snijtekens</translation>
    </message>
    <message>
        <source>Alternative text</source>
        <translation>Alternatieve tekst</translation>
    </message>
    <message>
        <source>Data table (CSV)</source>
        <translation>Gegevenstabel (CSV)</translation>
    </message>
    <message>
        <source>Tick at least one item under %1.</source>
        <translation>Vink minstens één item aan onder %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln bestand</numerusform>
            <numerusform>%Ln bestanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln design(s)</source>
        <translation>
            <numerusform>%Ln ontwerp</numerusform>
            <numerusform>%Ln ontwerpen</numerusform>
        </translation>
    </message>
    <message>
        <source>This export makes %1 from %2.</source>
        <translation>Deze export maakt %1 van %2.</translation>
    </message>
    <message>
        <source>Choose a destination folder.</source>
        <translation>Kies een doelmap.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <source>Stopping after the design being written…</source>
        <translation>Stopt na het ontwerp dat nu wordt weggeschreven…</translation>
    </message>
    <message>
        <source>Files in this export: %1. Made: %2, unchanged: %3, not written: %4, in %5 s.</source>
        <translation>Bestanden in deze export: %1. Gemaakt: %2, ongewijzigd: %3, niet weggeschreven: %4, in %5 s.</translation>
    </message>
    <message>
        <source>Files that were missing or changed were made again: %1.</source>
        <translation>Ontbrekende of gewijzigde bestanden opnieuw gemaakt: %1.</translation>
    </message>
    <message>
        <source>Designs with error findings were not written: fix them, or tick &quot;Write designs with error findings too&quot;.</source>
        <translation>Ontwerpen met fouten zijn niet weggeschreven: verbeter ze, of vink ‘Ook ontwerpen met fouten wegschrijven’ aan.</translation>
    </message>
    <message>
        <source>Export stopped. Files written so far: %1, each whole and listed in the manifest; export again to make the rest.</source>
        <translation>Export gestopt. Tot nu toe weggeschreven bestanden: %1, elk volledig en vermeld in het manifest; exporteer opnieuw om de rest te maken.</translation>
    </message>
</context>
<context>
    <name>ExportThread</name>
    <message>
        <source>Campaign Studio hit an internal error; please report it:</source>
        <translation>Campaign Studio stuitte op een interne fout; meld die alstublieft:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Campaign Studio</source>
        <translation>Campaign Studio</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Sjabloon</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Huisstijl</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>Geen bevindingen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Bevindingen</translation>
    </message>
    <message>
        <source>Preview of the design</source>
        <translation>Voorbeeld van het ontwerp</translation>
    </message>
    <message>
        <source>The template&apos;s figures</source>
        <translation>De cijfers van het sjabloon</translation>
    </message>
    <message>
        <source>This design cannot be shown: see the findings.</source>
        <translation>Dit ontwerp kan niet worden getoond: zie de bevindingen.</translation>
    </message>
</context>
</TS>
