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
    <name>ContentPanel</name>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The texts of the current design, to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts of the design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This design shows no editable text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No editable text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s, %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the %s text; changes show in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s, %s source (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source text the translation is made from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>translated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outdated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation state: %s</source>
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
        <source>%1 (edition)</source>
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
    <name>FileActions</name>
    <message>
        <source>Cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save campaign as (a new folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Campaign Studio closed without saving %n edited text(s). Restore them?</source>
        <translation>
            <numerusform>Campaign Studio closed without saving %n edited text. Restore it?</numerusform>
            <numerusform>Campaign Studio closed without saving %n edited texts. Restore them?</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accessibility and layout findings of the design shown; choose one to highlight its element in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate &amp;colour vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;brand kit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open e&amp;dition…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual size (100%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;safe area of stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Campaign Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Protanopia (no red cones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deuteranopia (no green cones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tritanopia (no blue cones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Achromatopsia (no colour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statistic, message or statement the design shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The size and platform of the design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumbnails of every template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery or texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the template gallery or the texts of the design to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Campaign Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An edition&apos;s texts are changed in its edition.yaml; choose a brand to edit the campaign&apos;s texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a campaign folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a brand-kit folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This brand kit cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an edition folder (with edition.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This edition cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (edition)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save before exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export is made from the saved campaign. Save your changes first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Campaign Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign Studio makes accessible posters, social cards and infographics from a campaign&apos;s statistics and messages, in many languages, offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Brand or edition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand or edition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The brand kit the design is in, or a municipality&apos;s edition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The design as it is exported; click a text to edit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template&apos;s figures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
