<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>CheckList</name>
    <message>
        <source>Space ticks or unticks the item with the focus</source>
        <translation>مفتاح المسافة يحدد العنصر المركَّز عليه أو يلغي تحديده</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Tick every item of %1</source>
        <translation>تحديد كل عناصر %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Untick every item of %1</source>
        <translation>إلغاء تحديد كل عناصر %1</translation>
    </message>
</context>
<context>
    <name>ContentPanel</name>
    <message>
        <source>Content</source>
        <translation>المحتوى</translation>
    </message>
    <message>
        <source>The texts of the current design, to edit</source>
        <translation>نصوص التصميم الحالي، لتحريرها</translation>
    </message>
    <message>
        <source>Texts of the design</source>
        <translation>نصوص التصميم</translation>
    </message>
    <message>
        <source>This design shows no editable text.</source>
        <translation>لا يعرض هذا التصميم أي نص قابل للتحرير.</translation>
    </message>
    <message>
        <source>No editable text</source>
        <translation>لا يوجد نص قابل للتحرير</translation>
    </message>
    <message>
        <source>Label: %s</source>
        <translation>التسمية: %s</translation>
    </message>
    <message>
        <source>%s, %s</source>
        <translation>%s، %s</translation>
    </message>
    <message>
        <source>Edit the %s text; changes show in the preview</source>
        <translation>حرِّر النص (%s)؛ تظهر التغييرات في المعاينة</translation>
    </message>
    <message>
        <source>%s, %s source (read-only)</source>
        <translation>%s، النص المصدر (%s، للقراءة فقط)</translation>
    </message>
    <message>
        <source>The source text the translation is made from</source>
        <translation>النص المصدر الذي أُعدَّت منه الترجمة</translation>
    </message>
    <message>
        <source>translated</source>
        <translation>مترجَم</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>outdated</source>
        <translation>غير محدَّث</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>مفقود</translation>
    </message>
    <message>
        <source>Translation state: %s</source>
        <translation>حالة الترجمة: %s</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Export designs</source>
        <translation>تصدير التصاميم</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>القوالب</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>المقاسات</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <source>Kinds of file</source>
        <translation>أنواع الملفات</translation>
    </message>
    <message>
        <source>Editions</source>
        <translation>الإصدارات</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>المحتوى</translation>
    </message>
    <message>
        <source>Only the content shown now (%1)</source>
        <translation>المحتوى المعروض الآن فقط (%1)</translation>
    </message>
    <message>
        <source>Each template&apos;s own content</source>
        <translation>المحتوى الخاص بكل قالب</translation>
    </message>
    <message>
        <source>Every statistic, message and statement</source>
        <translation>كل الإحصاءات والرسائل والعبارات</translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>مجلد الحفظ</translation>
    </message>
    <message>
        <source>The folder the files, manifest.json and the review page go into</source>
        <translation>المجلد الذي تُحفظ فيه الملفات وملف manifest.json وصفحة المراجعة</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation>اختيار مجلد الحفظ</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>مجلد ال&amp;حفظ:</translation>
    </message>
    <message>
        <source>Write designs with error findings too</source>
        <translation>حفظ التصاميم التي فيها أخطاء أيضًا</translation>
    </message>
    <message>
        <source>Without it, a design with an accessibility error is not written</source>
        <translation>بدون هذا الخيار لا يُحفظ التصميم الذي فيه خطأ في إمكانية الوصول</translation>
    </message>
    <message>
        <source>Make every file again, also unchanged ones</source>
        <translation>إعادة إنشاء كل الملفات، حتى التي لم تتغير</translation>
    </message>
    <message>
        <source>What the export makes</source>
        <translation>ما ينتجه التصدير</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>تقدّم التصدير</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v من %m من الملفات</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>حالة التصدير</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>القاعدة</translation>
    </message>
    <message>
        <source>Designs with errors</source>
        <translation>تصاميم فيها أخطاء</translation>
    </message>
    <message>
        <source>Designs with warnings</source>
        <translation>تصاميم فيها تحذيرات</translation>
    </message>
    <message>
        <source>Findings by rule</source>
        <translation>الملاحظات حسب القاعدة</translation>
    </message>
    <message>
        <source>Error findings</source>
        <translation>الأخطاء</translation>
    </message>
    <message>
        <source>No error findings</source>
        <translation>لا توجد أخطاء</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Open review page</source>
        <translation>فتح صفحة المراجعة</translation>
    </message>
    <message>
        <source>Open the review page in the browser</source>
        <translation>فتح صفحة المراجعة في المتصفح</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;تصدير</translation>
    </message>
    <message>
        <source>Start the export</source>
        <translation>بدء التصدير</translation>
    </message>
    <message>
        <source>Makes the files ticked above in the destination folder</source>
        <translation>ينشئ الملفات المحددة أعلاه في مجلد الحفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop the export</source>
        <translation>إيقاف التصدير</translation>
    </message>
    <message>
        <source>Stops after the design being written; the files made so far stay</source>
        <translation>يتوقف بعد التصميم الذي يُحفظ الآن؛ وتبقى الملفات التي أُنشئت حتى الآن</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Close the export dialog</source>
        <translation>إغلاق نافذة التصدير</translation>
    </message>
    <message>
        <source>PNG image (social formats)</source>
        <translation>صورة PNG (مقاسات وسائل التواصل)</translation>
    </message>
    <message>
        <source>Screen PDF (print formats)</source>
        <translation>ملف PDF للشاشة (مقاسات الطباعة)</translation>
    </message>
    <message>
        <source>Print PDF with bleed and marks</source>
        <translation>ملف PDF للمطبعة مع هامش القص وعلامات القطع</translation>
    </message>
    <message>
        <source>Alternative text</source>
        <translation>النص البديل</translation>
    </message>
    <message>
        <source>Data table (CSV)</source>
        <translation>جدول البيانات (CSV)</translation>
    </message>
    <message>
        <source>%1 (edition)</source>
        <translation>%1 (نسخة محلية)</translation>
    </message>
    <message>
        <source>Tick at least one item under %1.</source>
        <translation>حدّد عنصرًا واحدًا على الأقل في %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln ملف</numerusform>
            <numerusform>ملف واحد</numerusform>
            <numerusform>ملفان</numerusform>
            <numerusform>%Ln ملفات</numerusform>
            <numerusform>%Ln ملفًا</numerusform>
            <numerusform>%Ln ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln design(s)</source>
        <translation>
            <numerusform>%Ln تصميم</numerusform>
            <numerusform>تصميم واحد</numerusform>
            <numerusform>تصميمان</numerusform>
            <numerusform>%Ln تصاميم</numerusform>
            <numerusform>%Ln تصميمًا</numerusform>
            <numerusform>%Ln تصميم</numerusform>
        </translation>
    </message>
    <message>
        <source>This export makes %1 from %2.</source>
        <translation>ينتج هذا التصدير %1 من %2.</translation>
    </message>
    <message>
        <source>Choose a destination folder.</source>
        <translation>اختر مجلد الحفظ.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Stopping after the design being written…</source>
        <translation>سيتوقف التصدير بعد التصميم الذي يُحفظ الآن…</translation>
    </message>
    <message>
        <source>Files in this export: %1. Made: %2, unchanged: %3, not written: %4, in %5 s.</source>
        <translation>ملفات هذا التصدير: %1. أُنشئ منها: %2، ولم يتغير: %3، ولم يُحفظ: %4، في %5 ثانية.</translation>
    </message>
    <message>
        <source>Files that were missing or changed were made again: %1.</source>
        <translation>أُعيد إنشاء الملفات المفقودة أو المتغيرة: %1.</translation>
    </message>
    <message>
        <source>Designs with error findings were not written: fix them, or tick &quot;Write designs with error findings too&quot;.</source>
        <translation>لم تُحفظ التصاميم التي فيها أخطاء: أصلحها، أو حدّد «حفظ التصاميم التي فيها أخطاء أيضًا».</translation>
    </message>
    <message>
        <source>Export stopped. Files written so far: %1, each whole and listed in the manifest; export again to make the rest.</source>
        <translation>توقف التصدير. الملفات المحفوظة حتى الآن: %1، كلها كاملة ومدرجة في ملف البيان؛ صدّر مرة أخرى لإنشاء الباقي.</translation>
    </message>
</context>
<context>
    <name>ExportThread</name>
    <message>
        <source>Campaign Studio hit an internal error; please report it:</source>
        <translation>حدث خطأ داخلي في Campaign Studio؛ يُرجى الإبلاغ عنه:</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Cannot save</source>
        <translation>تعذَّر الحفظ</translation>
    </message>
    <message>
        <source>Save campaign as (a new folder)</source>
        <translation>حفظ الحملة باسم (مجلد جديد)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>The campaign has unsaved changes. Save them?</source>
        <translation>في الحملة تغييرات غير محفوظة. هل تريد حفظها؟</translation>
    </message>
    <message numerus="yes">
        <source>Campaign Studio closed without saving %n edited text(s). Restore them?</source>
        <translation>
            <numerusform>أُغلق Campaign Studio دون حفظ أي نص معدَّل. هل تريد استعادته؟</numerusform>
            <numerusform>أُغلق Campaign Studio دون حفظ نص معدَّل واحد. هل تريد استعادته؟</numerusform>
            <numerusform>أُغلق Campaign Studio دون حفظ نصين معدَّلين. هل تريد استعادتهما؟</numerusform>
            <numerusform>أُغلق Campaign Studio دون حفظ %n نصوص معدَّلة. هل تريد استعادتها؟</numerusform>
            <numerusform>أُغلق Campaign Studio دون حفظ %n نصًا معدَّلًا. هل تريد استعادتها؟</numerusform>
            <numerusform>أُغلق Campaign Studio دون حفظ %n نص معدَّل. هل تريد استعادتها؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover unsaved edits</source>
        <translation>استعادة التعديلات غير المحفوظة</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Finding</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <translation>طريقة الإصلاح</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Accessibility and layout findings of the design shown; choose one to highlight its element in the preview</source>
        <translation>ملاحظات إمكانية الوصول والتخطيط للتصميم المعروض؛ اختر ملاحظة لإبراز عنصرها في المعاينة</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>تحذير</translation>
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
        <translation>فتح ال&amp;أخيرة</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>م&amp;لف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>ت&amp;صدير</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Simulate &amp;colour vision</source>
        <translation>محاكاة &amp;رؤية الألوان</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>&amp;لغة الواجهة</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <source>&amp;Open folder…</source>
        <translation>فتح &amp;مجلد…</translation>
    </message>
    <message>
        <source>Open &amp;brand kit…</source>
        <translation>فتح &amp;حزمة الهوية البصرية…</translation>
    </message>
    <message>
        <source>Open e&amp;dition…</source>
        <translation>فتح &amp;نسخة محلية…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>حفظ &amp;باسم…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>ت&amp;صدير…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>ملاءمة حجم ال&amp;نافذة</translation>
    </message>
    <message>
        <source>&amp;Actual size (100%)</source>
        <translation>الحجم ال&amp;فعلي (100%)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>Show the &amp;safe area of stories</source>
        <translation>إظهار المنطقة ال&amp;آمنة للقصص</translation>
    </message>
    <message>
        <source>&amp;About Campaign Studio</source>
        <translation>&amp;حول Campaign Studio</translation>
    </message>
    <message>
        <source>&amp;Normal vision</source>
        <translation>رؤية &amp;طبيعية</translation>
    </message>
    <message>
        <source>&amp;Protanopia (no red cones)</source>
        <translation>&amp;عمى الأحمر (لا مخاريط حمراء)</translation>
    </message>
    <message>
        <source>&amp;Deuteranopia (no green cones)</source>
        <translation>عمى الأ&amp;خضر (لا مخاريط خضراء)</translation>
    </message>
    <message>
        <source>&amp;Tritanopia (no blue cones)</source>
        <translation>عمى الأ&amp;زرق (لا مخاريط زرقاء)</translation>
    </message>
    <message>
        <source>&amp;Achromatopsia (no colour)</source>
        <translation>عمى الألوان ال&amp;كلي (لا ألوان)</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>ال&amp;قالب</translation>
    </message>
    <message>
        <source>&amp;Content</source>
        <translation>الم&amp;حتوى</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>ال&amp;مقاس</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>الل&amp;غة</translation>
    </message>
    <message>
        <source>&amp;Brand or edition</source>
        <translation>ال&amp;هوية أو النسخة المحلية</translation>
    </message>
    <message>
        <source>Brand or edition</source>
        <translation>الهوية أو النسخة المحلية</translation>
    </message>
    <message>
        <source>The brand kit the design is in, or a municipality&apos;s edition</source>
        <translation>حزمة الهوية التي يُصمَّم بها، أو النسخة المحلية لبلدية</translation>
    </message>
    <message>
        <source>&amp;Brand</source>
        <translation type="vanished">ال&amp;هوية البصرية</translation>
    </message>
    <message>
        <source>&amp;Gallery</source>
        <translation>&amp;المعرض</translation>
    </message>
    <message>
        <source>&amp;Texts</source>
        <translation>ال&amp;نصوص</translation>
    </message>
    <message>
        <source>Template &amp;gallery</source>
        <translation type="vanished">مع&amp;رض القوالب</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>The kind of design</source>
        <translation>نوع التصميم</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>المحتوى</translation>
    </message>
    <message>
        <source>The statistic, message or statement the design shows</source>
        <translation>الإحصاء أو الرسالة أو العبارة التي يعرضها التصميم</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>المقاس</translation>
    </message>
    <message>
        <source>The size and platform of the design</source>
        <translation>مقاس التصميم ومنصته</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The language of the design</source>
        <translation>لغة التصميم</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="vanished">الهوية البصرية</translation>
    </message>
    <message>
        <source>The brand or brand kit the design is in</source>
        <translation type="vanished">الهوية البصرية أو حزمة الهوية البصرية للتصميم</translation>
    </message>
    <message>
        <source>Template gallery</source>
        <translation>معرض القوالب</translation>
    </message>
    <message>
        <source>Thumbnails of every template</source>
        <translation>صور مصغَّرة لكل القوالب</translation>
    </message>
    <message>
        <source>Gallery or texts</source>
        <translation>المعرض أو النصوص</translation>
    </message>
    <message>
        <source>Show the template gallery or the texts of the design to edit</source>
        <translation>اعرض معرض القوالب أو نصوص التصميم لتحريرها</translation>
    </message>
    <message>
        <source>built-in campaign</source>
        <translation>الحملة المدمجة</translation>
    </message>
    <message>
        <source>%1[*] — Campaign Studio</source>
        <translation>%1[*] — Campaign Studio</translation>
    </message>
    <message>
        <source>An edition&apos;s texts are changed in its edition.yaml; choose a brand to edit the campaign&apos;s texts</source>
        <translation>تُغيَّر نصوص النسخة المحلية في ملف edition.yaml الخاص بها؛ اختر هوية لتحرير نصوص الحملة</translation>
    </message>
    <message>
        <source>Open a campaign folder</source>
        <translation>فتح مجلد حملة</translation>
    </message>
    <message>
        <source>This folder cannot be opened</source>
        <translation>تعذَّر فتح هذا المجلد</translation>
    </message>
    <message>
        <source>No recent folders</source>
        <translation>لا توجد مجلدات حديثة</translation>
    </message>
    <message>
        <source>Open a brand-kit folder</source>
        <translation>فتح مجلد حزمة هوية بصرية</translation>
    </message>
    <message>
        <source>This brand kit cannot be opened</source>
        <translation>تعذَّر فتح حزمة الهوية البصرية هذه</translation>
    </message>
    <message>
        <source>%1 (folder)</source>
        <translation>%1 (مجلد)</translation>
    </message>
    <message>
        <source>Open an edition folder (with edition.yaml)</source>
        <translation>افتح مجلد نسخة محلية (فيه edition.yaml)</translation>
    </message>
    <message>
        <source>This edition cannot be opened</source>
        <translation>لا يمكن فتح هذه النسخة المحلية</translation>
    </message>
    <message>
        <source>%1 (edition)</source>
        <translation>%1 (نسخة محلية)</translation>
    </message>
    <message>
        <source>Save before exporting</source>
        <translation>الحفظ قبل التصدير</translation>
    </message>
    <message>
        <source>The export is made from the saved campaign. Save your changes first?</source>
        <translation>يُصنع التصدير من الحملة المحفوظة. هل تحفظ تغييراتك أولًا؟</translation>
    </message>
    <message>
        <source>About Campaign Studio</source>
        <translation>حول Campaign Studio</translation>
    </message>
    <message>
        <source>Campaign Studio makes accessible posters, social cards and infographics from a campaign&apos;s statistics and messages, in many languages, offline.</source>
        <translation>ينشئ Campaign Studio ملصقات وبطاقات لوسائل التواصل ورسومًا معلوماتية سهلة الوصول من إحصاءات الحملة ورسائلها، بلغات كثيرة ودون اتصال بالإنترنت.</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation type="vanished">لا توجد ملاحظات</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="vanished">الملاحظات</translation>
    </message>
    <message>
        <source>Preview of the design</source>
        <translation>معاينة التصميم</translation>
    </message>
    <message>
        <source>The design as it is exported; click a text to edit it</source>
        <translation>التصميم كما سيُصدَّر؛ انقر على نص لتحريره</translation>
    </message>
    <message>
        <source>The template&apos;s figures</source>
        <translation>أرقام القالب</translation>
    </message>
    <message>
        <source>This design cannot be shown: see the findings.</source>
        <translation type="vanished">لا يمكن عرض هذا التصميم: راجع الملاحظات.</translation>
    </message>
</context>
</TS>
