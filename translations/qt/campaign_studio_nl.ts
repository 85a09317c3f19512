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
    <name>ContentPanel</name>
    <message>
        <source>Content</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>The texts of the current design, to edit</source>
        <translation>De teksten van het huidige ontwerp, om te bewerken</translation>
    </message>
    <message>
        <source>Texts of the design</source>
        <translation>Teksten van het ontwerp</translation>
    </message>
    <message>
        <source>This design shows no editable text.</source>
        <translation>Dit ontwerp toont geen bewerkbare tekst.</translation>
    </message>
    <message>
        <source>No editable text</source>
        <translation>Geen bewerkbare tekst</translation>
    </message>
    <message>
        <source>Label: %s</source>
        <translation>Label: %s</translation>
    </message>
    <message>
        <source>%s, %s</source>
        <translation>%s, %s</translation>
    </message>
    <message>
        <source>Edit the %s text; changes show in the preview</source>
        <translation>Bewerk de tekst (%s); wijzigingen verschijnen in het voorbeeld</translation>
    </message>
    <message>
        <source>%s, %s source (read-only)</source>
        <translation>%s, brontekst (%s, alleen-lezen)</translation>
    </message>
    <message>
        <source>The source text the translation is made from</source>
        <translation>De brontekst waarvan de vertaling is gemaakt</translation>
    </message>
    <message>
        <source>translated</source>
        <translation>vertaald</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>concept</translation>
    </message>
    <message>
        <source>outdated</source>
        <translation>verouderd</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ontbreekt</translation>
    </message>
    <message>
        <source>Translation state: %s</source>
        <translation>Vertaalstatus: %s</translation>
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
        <source>%1 (edition)</source>
        <translation>%1 (editie)</translation>
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
    <name>FileActions</name>
    <message>
        <source>Cannot save</source>
        <translation>Kan niet opslaan</translation>
    </message>
    <message>
        <source>Save campaign as (a new folder)</source>
        <translation>Campagne opslaan als (een nieuwe map)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>The campaign has unsaved changes. Save them?</source>
        <translation>De campagne heeft niet-opgeslagen wijzigingen. Wilt u ze opslaan?</translation>
    </message>
    <message numerus="yes">
        <source>Campaign Studio closed without saving %n edited text(s). Restore them?</source>
        <translation>
            <numerusform>Campaign Studio is afgesloten zonder %n bewerkte tekst op te slaan. Herstellen?</numerusform>
            <numerusform>Campaign Studio is afgesloten zonder %n bewerkte teksten op te slaan. Herstellen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover unsaved edits</source>
        <translation>Niet-opgeslagen bewerkingen herstellen</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Finding</source>
        <translation>Bevinding</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation>Zo los je het op</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Bevindingen</translation>
    </message>
    <message>
        <source>Accessibility and layout findings of the design shown; choose one to highlight its element in the preview</source>
        <translation>Bevindingen over toegankelijkheid en opmaak van het getoonde ontwerp; kies er een om het element ervan in het voorbeeld te markeren</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Waarschuwing</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Campaign Studio</source>
        <translation type="vanished">Campaign Studio</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Recent openen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporteren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Simulate &amp;colour vision</source>
        <translation>&amp;Kleurenzien simuleren</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>Interface&amp;taal</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>&amp;Open folder…</source>
        <translation>Map &amp;openen…</translation>
    </message>
    <message>
        <source>Open &amp;brand kit…</source>
        <translation>&amp;Huisstijlkit openen…</translation>
    </message>
    <message>
        <source>Open e&amp;dition…</source>
        <translation>E&amp;ditie openen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Opslaan &amp;als…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;Passend in venster</translation>
    </message>
    <message>
        <source>&amp;Actual size (100%)</source>
        <translation>&amp;Ware grootte (100%)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Inzoomen</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Uitzoomen</translation>
    </message>
    <message>
        <source>Show the &amp;safe area of stories</source>
        <translation>&amp;Veilige zone van stories tonen</translation>
    </message>
    <message>
        <source>&amp;About Campaign Studio</source>
        <translation>&amp;Over Campaign Studio</translation>
    </message>
    <message>
        <source>&amp;Normal vision</source>
        <translation>&amp;Normaal kleurenzien</translation>
    </message>
    <message>
        <source>&amp;Protanopia (no red cones)</source>
        <translation>&amp;Protanopie (geen rode kegeltjes)</translation>
    </message>
    <message>
        <source>&amp;Deuteranopia (no green cones)</source>
        <translation>&amp;Deuteranopie (geen groene kegeltjes)</translation>
    </message>
    <message>
        <source>&amp;Tritanopia (no blue cones)</source>
        <translation>&amp;Tritanopie (geen blauwe kegeltjes)</translation>
    </message>
    <message>
        <source>&amp;Achromatopsia (no colour)</source>
        <translation>&amp;Achromatopsie (geen kleur)</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Sjabloon</translation>
    </message>
    <message>
        <source>&amp;Content</source>
        <translation>&amp;Inhoud</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormaat</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>&amp;Brand or edition</source>
        <translation>&amp;Huisstijl of editie</translation>
    </message>
    <message>
        <source>Brand or edition</source>
        <translation>Huisstijl of editie</translation>
    </message>
    <message>
        <source>The brand kit the design is in, or a municipality&apos;s edition</source>
        <translation>De huisstijlkit van het ontwerp, of de editie van een gemeente</translation>
    </message>
    <message>
        <source>&amp;Brand</source>
        <translation type="vanished">Huisstij&amp;l</translation>
    </message>
    <message>
        <source>&amp;Gallery</source>
        <translation>&amp;Galerij</translation>
    </message>
    <message>
        <source>&amp;Texts</source>
        <translation>&amp;Teksten</translation>
    </message>
    <message>
        <source>Template &amp;gallery</source>
        <translation type="vanished">Sjabloon&amp;galerij</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Sjabloon</translation>
    </message>
    <message>
        <source>The kind of design</source>
        <translation>Het soort ontwerp</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>The statistic, message or statement the design shows</source>
        <translation>Het cijfer, de boodschap of de uitspraak die het ontwerp toont</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>The size and platform of the design</source>
        <translation>Het formaat en het platform van het ontwerp</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>The language of the design</source>
        <translation>De taal van het ontwerp</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="vanished">Huisstijl</translation>
    </message>
    <message>
        <source>The brand or brand kit the design is in</source>
        <translation type="vanished">De huisstijl of huisstijlkit van het ontwerp</translation>
    </message>
    <message>
        <source>Template gallery</source>
        <translation>Sjabloongalerij</translation>
    </message>
    <message>
        <source>Thumbnails of every template</source>
        <translation>Miniaturen van alle sjablonen</translation>
    </message>
    <message>
        <source>Gallery or texts</source>
        <translation>Galerij of teksten</translation>
    </message>
    <message>
        <source>Show the template gallery or the texts of the design to edit</source>
        <translation>Toon de galerij van sjablonen of de teksten van het ontwerp om te bewerken</translation>
    </message>
    <message>
        <source>built-in campaign</source>
        <translation>ingebouwde campagne</translation>
    </message>
    <message>
        <source>%1[*] — Campaign Studio</source>
        <translation>%1[*] — Campaign Studio</translation>
    </message>
    <message>
        <source>An edition&apos;s texts are changed in its edition.yaml; choose a brand to edit the campaign&apos;s texts</source>
        <translation>De teksten van een editie wijzig je in haar edition.yaml; kies een huisstijl om de teksten van de campagne te bewerken</translation>
    </message>
    <message>
        <source>Open a campaign folder</source>
        <translation>Een campagnemap openen</translation>
    </message>
    <message>
        <source>This folder cannot be opened</source>
        <translation>Deze map kan niet worden geopend</translation>
    </message>
    <message>
        <source>No recent folders</source>
        <translation>Geen recente mappen</translation>
    </message>
    <message>
        <source>Open a brand-kit folder</source>
        <translation>Een huisstijlkitmap openen</translation>
    </message>
    <message>
        <source>This brand kit cannot be opened</source>
        <translation>Deze huisstijlkit kan niet worden geopend</translation>
    </message>
    <message>
        <source>%1 (folder)</source>
        <translation>%1 (map)</translation>
    </message>
    <message>
        <source>Open an edition folder (with edition.yaml)</source>
        <translation>Open een editiemap (met edition.yaml)</translation>
    </message>
    <message>
        <source>This edition cannot be opened</source>
        <translation>Deze editie kan niet worden geopend</translation>
    </message>
    <message>
        <source>%1 (edition)</source>
        <translation>%1 (editie)</translation>
    </message>
    <message>
        <source>Save before exporting</source>
        <translation>Opslaan voor het exporteren</translation>
    </message>
    <message>
        <source>The export is made from the saved campaign. Save your changes first?</source>
        <translation>De export wordt gemaakt van de opgeslagen campagne. Eerst je wijzigingen opslaan?</translation>
    </message>
    <message>
        <source>About Campaign Studio</source>
        <translation>Over Campaign Studio</translation>
    </message>
    <message>
        <source>Campaign Studio makes accessible posters, social cards and infographics from a campaign&apos;s statistics and messages, in many languages, offline.</source>
        <translation>Campaign Studio maakt toegankelijke posters, social cards en infographics van de cijfers en boodschappen van een campagne, in veel talen en offline.</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation type="vanished">Geen bevindingen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="vanished">Bevindingen</translation>
    </message>
    <message>
        <source>Preview of the design</source>
        <translation>Voorbeeld van het ontwerp</translation>
    </message>
    <message>
        <source>The design as it is exported; click a text to edit it</source>
        <translation>Het ontwerp zoals het wordt geëxporteerd; klik op een tekst om die te bewerken</translation>
    </message>
    <message>
        <source>The template&apos;s figures</source>
        <translation>De cijfers van het sjabloon</translation>
    </message>
    <message>
        <source>This design cannot be shown: see the findings.</source>
        <translation type="vanished">Dit ontwerp kan niet worden getoond: zie de bevindingen.</translation>
    </message>
</context>
</TS>
