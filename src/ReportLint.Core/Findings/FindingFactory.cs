using System.Globalization;
using System.Text;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Findings;

/// <summary>Turns a failed check into a <see cref="Finding"/>: fills the rule's message, locates the value, lists the arithmetic.</summary>
public static class FindingFactory
{
    public static Finding Create(Report report, RuleFailure failure, LineIndex lines, ValidationContext context)
    {
        var rule = failure.RuleInfo;
        var instance = failure.InstanceInfo;
        var cells = report.Template.Cells;
        var subjectCell = failure.Cell >= 0 ? failure.Cell : LocationCell(report, instance);
        // A finding points at the sentence it quotes, else at its cell or section. A narrative rule that quotes none
        // (RL1306: 考核, 评议 or 责任追究 missing) points at the section: the sentence a pattern did match is the one thing
        // in the text that is not the problem.
        var quotes = Array.Exists(rule.Message, p => p.Kind == PlaceholderKind.Sentence);
        var quoted = quotes ? instance.Narratives.SelectMany(context.MatchesOf).FirstOrDefault() : null;
        var section = instance.Narratives.Length > 0 ? report.Template.Narratives[instance.Narratives[0]].Section : null;
        var offset = quoted is not null ? SentenceOffset(report, quoted)
            : subjectCell >= 0 && report.CellOffsets[subjectCell] >= 0 ? report.CellOffsets[subjectCell]
            : section is not null && report.SectionOffset(section) is { } sectionOffset ? sectionOffset
            : FieldOffset(report, instance) ?? report.TablesOffset;
        var (line, column) = lines.Locate(offset);

        Arithmetic? arithmetic = null;
        if (rule.IsComparison && failure.Lhs.Known && failure.Rhs.Known)
        {
            // A side that is the number a sentence states (RL1101: “收到申请17件”) is shown as the section's: it had no line.
            Side? Stated(Num value) => quoted is null ? null
                : new Side([new Operand("sections." + section, SectionHeading(section) + "所写", $"stated in sections.{section}", 1, Format(value), Format(value))], value.Value);
            var lhs = instance.Lhs.Length == 0 ? Stated(failure.Lhs) : new Side(Terms(report, instance.Lhs, context), failure.Lhs.Value);
            var rhs = instance.Rhs.Length == 0 ? Stated(failure.Rhs) : new Side(Terms(report, instance.Rhs, context), failure.Rhs.Value);
            // A cell against a constant (RL1007: value >= 0) has no sides to show; "相差: -3" alone only repeated the value,
            // as a difference, which it is not.
            if (lhs is not null || rhs is not null)
            {
                arithmetic = new Arithmetic(lhs, rhs, Eval.Subtract(failure.Lhs, failure.Rhs) is { Known: true } difference ? difference.Value : null);
            }
        }

        var cell = subjectCell >= 0 ? cells[subjectCell] : null;
        return new Finding(report.Path, rule.Id, rule.Severity, Render(rule.Message, Language.Chinese), Render(rule.MessageEn, Language.English), line, column)
        {
            CellKey = cell?.Key,
            CellLabel = cell?.Label(Language.Chinese),
            CellLabelEn = cell?.Label(Language.English),
            Arithmetic = arithmetic,
            Template = report.Template.Name,
            Agency = Quoted.BriefOrNull(report.AgencyName),
            Year = report.Year,
        };

        string Render(MessagePart[] parts, Language language)
        {
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                text.Append(part.Kind switch
                {
                    PlaceholderKind.Literal => part.Text,
                    PlaceholderKind.Lhs => Format(failure.Lhs),
                    PlaceholderKind.Rhs => Format(failure.Rhs),
                    PlaceholderKind.Difference => Eval.Subtract(failure.Lhs, failure.Rhs) is { Known: true } difference ? Format(difference.Value) : "?",
                    PlaceholderKind.Column => failure.Cell >= 0 ? Pick(cells[failure.Cell].ColumnLabel, cells[failure.Cell].ColumnLabelEn, language) : Pick(instance.SubjectLabel, instance.SubjectLabelEn, language),
                    PlaceholderKind.Row => failure.Cell >= 0 ? Pick(cells[failure.Cell].RowLabel, cells[failure.Cell].RowLabelEn, language) : Pick(instance.SubjectLabel, instance.SubjectLabelEn, language),
                    PlaceholderKind.Cell => failure.Cell >= 0 ? cells[failure.Cell].Label(language) : "",
                    PlaceholderKind.Value => failure.Cell >= 0 ? Display(report, failure.Cell, language) : "",
                    PlaceholderKind.Operand => instance.Operands[part.Operand] >= 0 ? Display(report, instance.Operands[part.Operand], language)
                        : instance.PreviousOperands[part.Operand] >= 0 && context.Previous(instance.PreviousOperands[part.Operand]) is { Known: true } previous ? Format(previous.Value)
                        : "?",
                    PlaceholderKind.Sentence => Quoted.Visible(quoted?.Sentence ?? ""),
                    PlaceholderKind.Missing => NotFound(report, instance, context, language),
                    _ => "",
                });
            }
            return text.ToString();
        }
    }

    /// <summary>A narrative mention that could not be read unambiguously: an info finding that quotes it.</summary>
    public static Finding Unreadable(Report report, UnreadableMention mention, LineIndex lines)
    {
        var rule = report.Template.Rules[mention.Rule];
        string message, messageEn;
        int offset;
        if (mention.Matches.Count == 0)
        {
            // Nothing to quote (the section could not be read at all): located at the section.
            var section = report.Template.Patterns[mention.Pattern].Section;
            offset = report.SectionOffset(section) ?? report.FieldOffset("sections") ?? 0;
            message = $"未核对（{rule.Title}）：{mention.Reason}。";
            messageEn = $"Not checked ({rule.TitleEn}): {mention.ReasonEn}.";
        }
        else
        {
            offset = SentenceOffset(report, mention.Matches[0]);
            // The first few sentences: a text repeating a phrase thousands of times made a message of megabytes.
            var distinct = mention.Matches.Select(m => m.Sentence).Distinct().Take(ValidationContext.MaxListed + 1).ToList();
            var sentences = Quoted.Visible(string.Join("”“", distinct.Take(ValidationContext.MaxListed)));
            var more = distinct.Count > ValidationContext.MaxListed;
            message = $"无法确定叙述中的数，未核对（{rule.Title}）：{mention.Reason}：“{sentences}”{(more ? "等" : "")}";
            messageEn = $"Could not read the narrative unambiguously, not checked ({rule.TitleEn}): {mention.ReasonEn}: \"{sentences}\"{(more ? " and more" : "")}";
        }
        var (line, column) = lines.Locate(offset);
        return new Finding(report.Path, rule.Id, Severity.Info, message, messageEn, line, column)
        {
            Template = report.Template.Name,
            Agency = Quoted.BriefOrNull(report.AgencyName),
            Year = report.Year,
        };
    }

    /// <summary>For a rule about the report's own facts: the first of them the file has (report.period_start → "period").</summary>
    private static int? FieldOffset(Report report, RuleInstanceInfo instance)
    {
        foreach (var field in instance.ReportFields)
        {
            var key = field switch
            {
                "period_start" or "period_end" => "period",
                "government" or "department" => "agency",
                _ => field,
            };
            if (report.FieldOffset(key) is { } offset)
            {
                return offset;
            }
        }
        return null;
    }

    /// <summary>
    /// The phrases of the instance's patterns that the text does not have, quoted: “评议”、“责任追究”. A loop: LINQ over the
    /// int[] of patterns was generic code JIT-compiled at every start (RL1306 fires on most one-file runs).
    /// </summary>
    private static string NotFound(Report report, RuleInstanceInfo instance, ValidationContext context, Language language)
    {
        var text = new StringBuilder();
        foreach (var n in instance.Narratives)
        {
            if (context.MatchesOf(n).Count == 0)
            {
                text.Append(text.Length == 0 ? "" : language == Language.English ? ", " : "、").Append('“').Append(report.Template.Narratives[n].Pattern).Append('”');
            }
        }
        return text.ToString();
    }

    /// <summary>“一、总体情况” for overview; the preamble has no heading.</summary>
    private static string SectionHeading(string? section)
    {
        foreach (var (id, _, _, heading) in Importing.Outline.Sections)
        {
            if (id == section)
            {
                return heading;
            }
        }
        return "报告开头";
    }

    private static int SentenceOffset(Report report, Narrative.NarrativeMatch match)
    {
        return report.SectionOffset(match.Section) is { } token
            ? JsonStrings.RawOffset(report.Source.Span, token, match.SentenceStart)
            : report.TablesOffset;
    }

    /// <summary>Where a table rule points: the first cell on its left side (e.g. the 总计 being checked), else its first operand.</summary>
    private static int LocationCell(Report report, RuleInstanceInfo instance)
    {
        foreach (var term in instance.Lhs)
        {
            if (report.CellOffsets[term.Cell] >= 0)
            {
                return term.Cell;
            }
            foreach (var row in term.GroupRows)
            {
                if (report.CellOffsets[row] >= 0)
                {
                    return row;
                }
            }
        }
        foreach (var operand in instance.Operands)
        {
            if (operand >= 0)
            {
                return operand;
            }
        }
        return -1;
    }

    private static List<Operand> Terms(Report report, Term[] terms, ValidationContext context)
    {
        var list = new List<Operand>();
        foreach (var term in terms)
        {
            if (term.Previous)
            {
                // Last year's side, and which file it was read from: pairing is by agency name, so say what was paired.
                var last = report.Template.Cells[term.Cell];
                var value = context.Previous(term.Cell);
                list.Add(new Operand("previous." + last.Key,
                    $"上一年度报告（{context.PreviousPath}）/ {last.RowLabel} / {last.ColumnLabel}",
                    $"last year's report ({context.PreviousPath}) / {last.RowLabelEn} / {last.ColumnLabelEn}", term.Sign, Format(value), Format(value)));
                continue;
            }
            var useRows = term.GroupRows.Length > 0 && report.Cells[term.Cell].State != CellState.Number;
            foreach (var cell in useRows ? term.GroupRows : [term.Cell])
            {
                var info = report.Template.Cells[cell];
                // The finding already names the table; the row and column are what tell the operands apart.
                list.Add(new Operand(info.Key, info.RowLabel + " / " + info.ColumnLabel, info.RowLabelEn + " / " + info.ColumnLabelEn, term.Sign,
                    Display(report, cell, Language.Chinese), Display(report, cell, Language.English)));
            }
        }
        return list;
    }

    public static string Display(Report report, int cell, Language language)
    {
        var value = report.Cells[cell];
        return value.State switch
        {
            CellState.Number => Format(value.Number),
            CellState.Blank => language == Language.English ? "blank" : "空白",
            CellState.Text or CellState.Invalid => Quoted.Brief(report.Texts[cell] ?? ""),
            CellState.NotReported => language == Language.English ? "not reported" : "未单独填报",
            _ => language == Language.English ? "missing" : "缺失",
        };
    }

    private static string Pick(string zh, string en, Language language) => language == Language.English ? en : zh;

    private static string Format(Num value) => value.Known ? Format(value.Value) : "?";

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
