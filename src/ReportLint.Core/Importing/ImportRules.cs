using ReportLint.Findings;
using ReportLint.Validation;

namespace ReportLint.Importing;

/// <summary>
/// What `reportlint import` reports about a published report it turns into JSON (RL0201–RL0299), in the same model and
/// formats as lint findings. Documented in docs/importing.md.
/// </summary>
public static class ImportRules
{
    public static readonly InputRule Unreadable = new("RL0201", "source-unreadable", Severity.Error, "无法读取来源文件", "Source file cannot be read", true,
        "文件不存在、过大、是空的或只有空白、是二进制内容、换行全部丢失（全文只有几行）、扩展名是 .pdf 但内容不是 PDF，或 PDF 已损坏、无法转换为文字，是旧版 Word（.doc）或 WPS（.wps）文件（请另存为 .docx），Word 文档已损坏或没有文字，或网页不完整（在标签或表格之中中断）时，其中的报告无法导入。");
    public static readonly InputRule RowNotFound = new("RL0202", "row-not-found", Severity.Error, "表格中找不到这一行", "Row not found in the table", false,
        "模板中的每一行都应出现在报告的表格中；找不到的行没有导入，不会被当作 0，核对时按缺失处理。请核对原文，手工补入 JSON。");
    public static readonly InputRule ValueCount = new("RL0203", "wrong-number-of-values", Severity.Error, "这一行的数值个数与模板不符", "Row has the wrong number of values", false,
        "一行的数值个数与模板的列数不一致时（常见于 PDF 中空白单元格消失、单元格合并或错位），无法判断哪个数属于哪一列，这一行不导入，请手工核对。");
    public static readonly InputRule NonNumeric = new("RL0204", "non-numeric-cell", Severity.Warning, "单元格不是数字", "Cell is not a number", false,
        "“-”“无”“/”等不是数字，“约7”“8*”“9（含简易程序）”“17O”也不是确切的数，都按原文保留为文字，不当作 0；检查时会再次报告（RL1006）。没有发生的事项应填 0。");
    public static readonly InputRule UnitInCell = new("RL0205", "unit-in-cell", Severity.Warning, "单元格中写了单位", "Unit typed into the cell", false,
        "单位应写在表头，单元格中只填数字；“251000元”这样的值按原文保留为文字，请确认单位后改为数字。");
    public static readonly InputRule StrayValues = new("RL0206", "values-under-unknown-label", Severity.Warning, "数值所在的行无法识别", "Values under a label that is not in the template", false,
        "表格中出现的数值找不到对应的模板行（多为地方增设的行或严重错字），没有导入；请核对是否漏填了某一行。");
    public static readonly InputRule MetadataMissing = new("RL0207", "report-fact-not-found", Severity.Warning, "找不到报告的基本信息", "Report fact not found", false,
        "机关名称、报告年度、统计期限用于选择模板、核对期限和比对上年报告；原文中找不到时请在 JSON 中手工补上，或在导入时用 --agency、--year 指定。");
    public static readonly InputRule RowTwice = new("RL0208", "row-given-twice", Severity.Warning, "同一行出现了两次", "Row given twice", false,
        "同一表格行出现两次时只导入第一次的数值；第二次若数值不同，说明原文有误或识别错位，请核对。");
    public static readonly InputRule TextIgnored = new("RL0209", "text-not-imported", Severity.Info, "报告之外的文字没有导入", "Text outside the report not imported", false,
        "网页正文前后的导航、发布信息、下载链接，以及网页中重复出现的第二份报告正文，不属于报告内容，导入时略过；这里列出略过的行，便于核对。");
    public static readonly InputRule SectionNotFound = new("RL0210", "section-heading-not-found", Severity.Warning, "找不到部分标题", "Section heading not found", false,
        "格式规定报告分为六个部分（一、总体情况 …… 六、其他需要报告的事项）；找不到某一标题时，该部分的文字并入上一部分，表格在相邻部分中查找。");
    public static readonly InputRule PdfToolMissing = new("RL0211", "pdftotext-missing", Severity.Error, "缺少 PDF 转换工具", "PDF converter missing", true,
        "PDF 通过 poppler 的 pdftotext 命令转换为文字；没有安装时无法读取 PDF。Debian/Ubuntu：sudo apt-get install poppler-utils。");
    public static readonly InputRule ApproximateLabel = new("RL0212", "label-read-approximately", Severity.Info, "行标签与官方标签不完全一致", "Row label differs from the official one", false,
        "原文的行标签有错字、缺字或地方写法（如“规范性文件”“其他法律行政止公开”），按最接近的官方标签导入；请确认对应关系正确。");
    public static readonly InputRule GroupAsTotal = new("RL0213", "group-reported-as-total", Severity.Info, "分组只填报了合计", "Group reported only as its total", false,
        "部分报告把（六）其他处理填成一行，不分三个子项；导入为分组合计（JSON 中的 other_processing），子项记为未单独填报，规则仍按合计核对。");
    public static readonly InputRule Encoding = new("RL0214", "not-utf8", Severity.Info, "文件不是 UTF-8 编码", "File is not UTF-8", false,
        "不是 UTF-8 的文本按 GB18030（兼容 GBK、GB2312）读取，没有字节顺序标记的 UTF-16 按 UTF-16 读取；极少数情况下会读错字，请核对。");
    public static readonly InputRule TemplateGuessed = new("RL0215", "template-not-determined", Severity.Error, "无法确定报告采用的格式", "Template cannot be determined", true,
        "没有报告年度，表格标签也无法判断是 2019 年试行格式还是 2021 年格式时，无法导入；请用 --template 或 --year 指定。");
    public static readonly InputRule GroupTotalDiffers = new("RL0216", "group-total-differs-from-rows", Severity.Warning, "分组合计行与子项之和不符", "Group total row differs from its rows", false,
        "有的报告在子项之上多印一行分组合计（如（三）不予公开）。JSON 中一个分组只能按子项或按合计填一种，导入时取子项；合计行与子项之和不符时在此指出，否则这一差错会在导入后看不到。");
    public static readonly InputRule OtherTemplateColumns = new("RL0217", "column-headings-of-another-format", Severity.Warning, "表格的列标题属于另一版格式", "Table column headings of another format", false,
        "表格的列标题（如 2019 年试行格式表二的“本年新制作数量”“本年新公开数量”“对外公开总数量”）与导入所按的格式不同时，数值按所选格式的列导入，而两版的列含义不同。请核对原文；整份报告采用另一版格式时，导入时用 --template 指定。");
    public static readonly InputRule TableTwiceResolved = new("RL0218", "table-given-twice", Severity.Warning, "表格出现了两份", "Table given twice", false,
        "有的报告在本年度表格之前或之后附上上一年度的同一张表以作对比。表格出现两份时，前面的说明写有其他年份或“上年”“同期”“对比”的一份不导入，导入另一份；两份数值相同时只导入第一份。请确认导入的是本年度的数值。");
    public static readonly InputRule TableTwiceUnresolved = new("RL0219", "table-given-twice-ambiguous", Severity.Error, "表格出现了两份，无法判断哪一份是本年度的", "Table given twice, which one is this year's cannot be told", false,
        "表格出现两份、数值不同，而两份前面的说明都没有写明年份时，无法判断哪一份是本年度的。导入的是第一份；请核对原文，删去不属于本年度的一份后重新导入，或手工改正 JSON。");
    public static readonly InputRule NumberOutOfRange = new("RL0220", "number-out-of-range", Severity.Error, "数值大得不可能", "Number too large to be real", false,
        "单元格中的数达到 10^18（百亿亿）以上，不可能是实际的件数或金额，多为 PDF 中相邻的数连在了一起或录入错误；按原数写入 JSON，检查时会再次报告（RL0107）。请核对原文后改正。");

    public static readonly IReadOnlyList<InputRule> All =
        [Unreadable, RowNotFound, ValueCount, NonNumeric, UnitInCell, StrayValues, MetadataMissing, RowTwice, TextIgnored, SectionNotFound, PdfToolMissing, ApproximateLabel, GroupAsTotal, Encoding, TemplateGuessed, GroupTotalDiffers, OtherTemplateColumns, TableTwiceResolved, TableTwiceUnresolved, NumberOutOfRange];
}
