using ReportLint.Validation;

namespace ReportLint.Findings;

/// <summary>
/// Problems with a report file itself rather than with its numbers (RL0100–RL0199). Documented in docs/input-errors.md.
/// Template rules (RL1000 and up) come from rules/*.yaml.
/// </summary>
public sealed record InputRule(string Id, Severity Severity, string Title, string TitleEn, bool StopsChecking)
{
    public static readonly InputRule Unreadable = new("RL0101", Severity.Error, "无法读取文件", "File cannot be read", true);
    public static readonly InputRule MalformedJson = new("RL0102", Severity.Error, "JSON 格式错误", "Malformed JSON", true);
    public static readonly InputRule UnknownTemplate = new("RL0103", Severity.Error, "无法确定模板", "Template cannot be determined", true);
    public static readonly InputRule BadField = new("RL0104", Severity.Error, "报告信息字段有误", "Report field has the wrong form", false);
    public static readonly InputRule UnknownCell = new("RL0105", Severity.Error, "模板中没有这个单元格", "No such cell in the template", false);
    public static readonly InputRule MissingCell = new("RL0106", Severity.Error, "缺少单元格", "Cell missing", false);
    public static readonly InputRule BadCellValue = new("RL0107", Severity.Error, "单元格的值类型有误", "Cell value has the wrong type", false);
    public static readonly InputRule GroupTwice = new("RL0108", Severity.Error, "分组既按合计又按子项填报", "Group given both as a total and as its rows", false);
    public static readonly InputRule TemplateYear = new("RL0109", Severity.Warning, "模板与报告年度不符", "Template does not fit the report year", false);
    public static readonly InputRule UnknownField = new("RL0110", Severity.Warning, "未知字段", "Unknown field", false);
    public static readonly InputRule OtherTemplateTable = new("RL0114", Severity.Error, "表格是按另一模板填写的", "Table is laid out for another template", false);
    public static readonly InputRule UnitNotStated = new("RL0115", Severity.Warning, "金额未注明单位", "Amount without a stated unit", false);

    public static readonly IReadOnlyList<InputRule> All =
        [Unreadable, MalformedJson, UnknownTemplate, BadField, UnknownCell, MissingCell, BadCellValue, GroupTwice, TemplateYear, UnknownField, OtherTemplateTable, UnitNotStated];
}
