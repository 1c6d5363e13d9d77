using ReportLint.Validation;

namespace ReportLint.Findings;

/// <summary>
/// Problems with a report file itself rather than with its numbers (RL0100–RL0199). Documented in docs/input-errors.md.
/// Template rules (RL1000 and up) come from rules/*.yaml.
/// </summary>
public sealed record InputRule(string Id, string Name, Severity Severity, string Title, string TitleEn, bool StopsChecking, string Why)
{
    public static readonly InputRule Unreadable = new("RL0101", "unreadable-file", Severity.Error, "无法读取文件", "File cannot be read", true, "文件为空、超过 16 MB、不是 UTF-8 编码（常见于 GBK 另存，或记事本的“Unicode”即 UTF-16）或路径不存在时，报告中的任何数字都无法检查。另存为 UTF-8 或检查路径。");
    public static readonly InputRule MalformedJson = new("RL0102", "malformed-json", Severity.Error, "JSON 格式错误", "Malformed JSON", true, "JSON 语法错误（缺逗号、多逗号、引号不配对、用了中文标点）使整个文件无法读取。错误位置指向读取失败的字符。");
    public static readonly InputRule UnknownTemplate = new("RL0103", "unknown-template", Severity.Error, "无法确定模板", "Template cannot be determined", true, "不知道报告采用哪一版格式，就不知道有哪些单元格。请写明 template（如 \"2021\"）或 year（报告年度）。");
    public static readonly InputRule BadField = new("RL0104", "bad-report-field", Severity.Error, "报告信息字段有误", "Report field has the wrong form", false, "year、agency.kind、日期等字段格式不对时，期限、模板选择等检查无法进行。");
    public static readonly InputRule UnknownCell = new("RL0105", "unknown-cell", Severity.Error, "模板中没有这个单元格", "No such cell in the template", false, "模板中没有的表、行或列（多余的单元格）通常是 id 拼错了，其中的数字会被忽略，所以必须报告。");
    public static readonly InputRule MissingCell = new("RL0106", "missing-cell", Severity.Error, "缺少单元格", "Cell missing", false, "缺少的行或列无法参与核对；没有发生的事项请填 0，空白请填 null，不要省略。");
    public static readonly InputRule BadCellValue = new("RL0107", "bad-cell-value", Severity.Error, "单元格的值类型有误", "Cell value has the wrong type", false, "单元格只能是数字、null（空白）或原文文字；true/false、列表、对象或重复填写都无法解读。");
    public static readonly InputRule GroupTwice = new("RL0108", "group-given-twice", Severity.Error, "分组既按合计又按子项填报", "Group given both as a total and as its rows", false, "（六）其他处理等分组，要么只填合计行，要么填各子项，二者都填会导致重复计算。");
    public static readonly InputRule TemplateYear = new("RL0109", "template-year-mismatch", Severity.Warning, "模板与报告年度不符", "Template does not fit the report year", false, "每个模板适用于规定的报告年度（如 2019–2020 年度适用试行格式，2021 年度起适用修订格式；各模板的年度见其规则文件的 years）；模板与年度不符，表格结构就对不上。");
    public static readonly InputRule UnknownField = new("RL0110", "unknown-field", Severity.Warning, "未知字段", "Unknown field", false, "报告文件中有模板不认识的字段，已被忽略；多半是字段名拼错，其内容不会被检查。");
    public static readonly InputRule BadConfig = new("RL0111", "bad-configuration", Severity.Error, "配置文件有误", "Configuration file error", true, "配置文件（.reportlint.yaml）有误时，规则级别和开关无法确定，整个运行停止。");
    public static readonly InputRule BadBaseline = new("RL0112", "bad-baseline", Severity.Error, "基线文件有误", "Baseline file error", true, "基线文件由 --write-baseline 生成；结构被改坏时无法判断哪些问题是已知的。");
    public static readonly InputRule StaleBaseline = new("RL0113", "stale-baseline-entry", Severity.Warning, "基线中的记录已不再出现", "Baseline entry no longer matches", false, "基线中的问题已经改正，这条记录应删除，基线只减不增；请用 --write-baseline 重新生成。");
    public static readonly InputRule OtherTemplateTable = new("RL0114", "table-of-another-template", Severity.Error, "表格是按另一模板填写的", "Table is laid out for another template", false, "表格的行列属于另一版格式（如 2021 年度报告用了 2019 年的表二），逐格核对没有意义；请改正 template 或按正确格式重填。");
    public static readonly InputRule UnitNotStated = new("RL0115", "amount-without-unit", Severity.Warning, "金额未注明单位", "Amount without a stated unit", false, "格式没有规定单位的金额（2019 年采购总金额）不为 0 时，报告须在 units 中注明元或万元，否则无法比较和汇总。");

    public static readonly InputRule PreviousAmbiguous = new("RL0116", "previous-year-ambiguous", Severity.Warning, "上一年度有多份同一机关的报告", "More than one report of last year for the agency", false, "跨年度核对（上年结转等于上一年度的结转下年度）只能与一份上一年度报告比较；同一机关有两份时用的是排在前面的一份，结果可能不对。");

    public static readonly InputRule PreviousUnused = new("RL0117", "previous-year-unused", Severity.Warning, "--previous 给出的报告没有用上", "A report given with --previous was not used", false, "--previous 给出的报告只与同一机关下一年度的报告核对；没有这样的报告时它被忽略，跨年度规则也就没有核对。");

    public static readonly InputRule GroupAsTotal = new("RL0118", "group-given-as-total", Severity.Info, "分组只填了合计", "Group given only as its total", false, "格式把（三）不予公开、（六）其他处理等分组分列为子项；只填合计行时，各子项的数字无从核对，也与格式不符。已发布的报告常这样填（原表就只有一行时照录即可），所以只作提示。");

    public static readonly IReadOnlyList<InputRule> All =
        [Unreadable, MalformedJson, UnknownTemplate, BadField, UnknownCell, MissingCell, BadCellValue, GroupTwice, TemplateYear, UnknownField, BadConfig, BadBaseline, StaleBaseline, OtherTemplateTable, UnitNotStated, PreviousAmbiguous, PreviousUnused, GroupAsTotal];
}
