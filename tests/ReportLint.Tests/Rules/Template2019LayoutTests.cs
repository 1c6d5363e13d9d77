using ReportLint.Reading;
using CellInfo = ReportLint.Validation.CellInfo;
using TemplateDefinition = ReportLint.Validation.TemplateDefinition;

namespace ReportLint.Tests.Rules;

/// <summary>
/// The compiled 2019 template has the trial format's layout, written here by hand from the format
/// (shared/domain/report-format.md §3.3–§3.5 and §6), not read back from rules/2019.yaml.
/// </summary>
public class Template2019LayoutTests
{
    private static readonly TemplateDefinition Trial = TemplateRegistry.Default.Find("2019")!;

    private static IEnumerable<CellInfo> Cells(string table) => Trial.Cells.Where(c => c.Table == table && !c.IsGroupTotal);

    [Fact]
    public void It_covers_report_years_2019_and_2020()
    {
        (Trial.FirstYear, Trial.LastYear).ShouldBe((2019, 2020));
        TemplateRegistry.Default.ForYear(2019)!.Name.ShouldBe("2019");
        TemplateRegistry.Default.ForYear(2020)!.Name.ShouldBe("2019");
        TemplateRegistry.Default.ForYear(2021)!.Name.ShouldBe("2021");
        TemplateRegistry.Default.ForYear(2018).ShouldBeNull();
    }

    [Fact]
    public void Table_2_has_the_five_blocks_and_22_cells_of_the_trial_format()
    {
        var table = Trial.Tables.Single(t => t.Id == "proactive");
        table.Rows.Select(r => (r.Block, r.Label, string.Join(" | ", r.Columns.Select(c => table.Columns.Single(x => x.Id == c).Label)))).ShouldBe(
        [
            ("第二十条第（一）项", "规章", "本年新制作数量 | 本年新公开数量 | 对外公开总数量"),
            ("第二十条第（一）项", "规范性文件", "本年新制作数量 | 本年新公开数量 | 对外公开总数量"),
            ("第二十条第（五）项", "行政许可", "上一年项目数量 | 本年增/减 | 处理决定数量"),
            ("第二十条第（五）项", "其他对外管理服务事项", "上一年项目数量 | 本年增/减 | 处理决定数量"),
            ("第二十条第（六）项", "行政处罚", "上一年项目数量 | 本年增/减 | 处理决定数量"),
            ("第二十条第（六）项", "行政强制", "上一年项目数量 | 本年增/减 | 处理决定数量"),
            ("第二十条第（八）项", "行政事业性收费", "上一年项目数量 | 本年增/减"),
            ("第二十条第（九）项", "政府集中采购", "采购项目数量 | 采购总金额"),
        ]);
        Cells("proactive").Count().ShouldBe(22);
    }

    [Fact]
    public void Only_the_change_column_is_signed_and_only_the_procurement_amount_is_money_with_its_unit_as_reported()
    {
        Trial.Cells.Where(c => c.Type.ToString() == "Signed").Select(c => c.Key).ShouldBe(
            ["proactive.licensing.change", "proactive.other_services.change", "proactive.penalty.change", "proactive.enforcement.change", "proactive.fees.change"]);
        Trial.Cells.Where(c => c.Type.ToString() == "Money").Select(c => c.Key).ShouldBe(["proactive.procurement.amount"]);
        Trial.Tables.Single(t => t.Id == "proactive").Columns.Single(c => c.Id == "amount").Unit.ShouldBe("as-reported");
    }

    [Fact]
    public void Table_3_is_the_2021_table_with_one_row_for_other_processing()
    {
        var revised = TemplateRegistry.Default.Find("2021")!.Tables.Single(t => t.Id == "requests");
        var table = Trial.Tables.Single(t => t.Id == "requests");
        table.Columns.ShouldBe(revised.Columns);
        table.Rows.Select(r => r.Label).ShouldBe(
        [
            "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
            "7.属于行政执法案卷", "8.属于行政查询事项",
            "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
            "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
            "（六）其他处理", "（七）总计", "四、结转下年度继续办理",
        ]);
        table.Rows.Single(r => r.Id == "other_processing").Group.ShouldBeNull();
        table.Groups.Select(g => g.Label).ShouldBe(["（三）不予公开", "（四）无法提供", "（五）不予处理"]);
        Cells("requests").Count().ShouldBe(161);
    }

    [Fact]
    public void Table_4_is_the_2021_table()
    {
        var revised = TemplateRegistry.Default.Find("2021")!.Tables.Single(t => t.Id == "appeals");
        var table = Trial.Tables.Single(t => t.Id == "appeals");
        table.Columns.ShouldBe(revised.Columns);
        table.Rows.Select(r => (r.Id, r.Label, string.Join(",", r.Columns))).ShouldBe(revised.Rows.Select(r => (r.Id, r.Label, string.Join(",", r.Columns))));
        table.Rows.Select(r => r.Label).ShouldBe(["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]);
        Cells("appeals").Count().ShouldBe(15);
    }

    [Fact]
    public void It_has_the_2021_rules_with_the_same_ids_and_its_own_from_RL1401()
    {
        // All of 2021's but the two that read the 2021 表二 (RL1107, RL1202), then its own.
        Trial.Rules.Select(r => r.Id).ShouldBe(
            ["RL1001", "RL1002", "RL1003", "RL1004", "RL1005", "RL1006", "RL1007", "RL1008",
             "RL1101", "RL1102", "RL1103", "RL1104", "RL1105", "RL1106", "RL1108", "RL1109",
             "RL1201", "RL1203", "RL1301", "RL1302", "RL1303", "RL1304", "RL1305", "RL1306", "RL1307",
             "RL1401", "RL1402", "RL1403"]);
        var revised = TemplateRegistry.Default.Find("2021")!;
        foreach (var id in new[] { "RL1001", "RL1002", "RL1003", "RL1004" })
        {
            Trial.Rules.Single(r => r.Id == id).Check.ShouldBe(revised.Rules.Single(r => r.Id == id).Check, id);
        }
    }
}
