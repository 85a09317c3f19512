<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CheckList</name>
    <message>
        <source>Space ticks or unticks the item with the focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick every item of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick every item of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export designs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kinds of file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the content shown now (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each template&apos;s own content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every statistic, message and statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder the files, manifest.json and the review page go into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write designs with error findings too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without it, a design with an accessibility error is not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make every file again, also unchanged ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the export makes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Designs with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Designs with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings by rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No error findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open review page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the review page in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes the files ticked above in the destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops after the design being written; the files made so far stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the export dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (social formats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen PDF (print formats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print PDF with bleed and marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternative text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data table (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one item under %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln design(s)</source>
        <translation>
            <numerusform>%Ln design</numerusform>
            <numerusform>%Ln designs</numerusform>
        </translation>
    </message>
    <message>
        <source>This export makes %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a destination folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the design being written…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in this export: %1. Made: %2, unchanged: %3, not written: %4, in %5 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files that were missing or changed were made again: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Designs with error findings were not written: fix them, or tick &quot;Write designs with error findings too&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export stopped. Files written so far: %1, each whole and listed in the manifest; export again to make the rest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportThread</name>
    <message>
        <source>Campaign Studio hit an internal error; please report it:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Campaign Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template&apos;s figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This design cannot be shown: see the findings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
