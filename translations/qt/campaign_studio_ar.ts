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
    <name>MainWindow</name>
    <message>
        <source>Campaign Studio</source>
        <translation>Campaign Studio</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>المحتوى</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>المقاس</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>الهوية البصرية</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>لا توجد ملاحظات</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Preview of the design</source>
        <translation>معاينة التصميم</translation>
    </message>
    <message>
        <source>The template&apos;s figures</source>
        <translation>أرقام القالب</translation>
    </message>
    <message>
        <source>This design cannot be shown: see the findings.</source>
        <translation>لا يمكن عرض هذا التصميم: راجع الملاحظات.</translation>
    </message>
</context>
</TS>
