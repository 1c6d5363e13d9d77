using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Findings;

/// <summary>
/// Names, in the finding about a cell without a number (missing, blank, text or unusable), the checks that could therefore not be
/// made, so a report that fails on one blank cell does not look as if everything else had been checked.
/// </summary>
public static class UnjudgedChecks
{
    /// <summary>The findings with a note appended where a cell they are about left checks undecided; the list itself when none.</summary>
    public static List<Finding> Annotate(Report report, FindingSink sink, List<Finding> findings)
    {
        var byCell = CellsWithoutNumber(report, sink);
        if (byCell is null)
        {
            return findings;
        }
        var cells = report.Template.Cells;
        var noted = new HashSet<int>();
        for (var f = 0; f < findings.Count; f++)
        {
            if (findings[f].CellKey is not { } key)
            {
                continue;
            }
            // A finding names a cell (RL1005 blank, RL1006 text), a row or a whole table (RL0106 missing).
            SortedSet<string>? rules = null;
            foreach (var (cell, ids) in byCell)
            {
                var cellKey = cells[cell].Key;
                if ((cellKey == key || cellKey.StartsWith(key + ".", StringComparison.Ordinal)) && noted.Add(cell))
                {
                    (rules ??= new(StringComparer.Ordinal)).UnionWith(ids);
                }
            }
            if (rules is not null)
            {
                findings[f] = findings[f] with
                {
                    Message = findings[f].Message + $"（因此未核对：{string.Join("、", rules)}）",
                    MessageEn = findings[f].MessageEn + $" (so not checked: {string.Join(", ", rules)})",
                };
            }
        }
        return findings;
    }

    /// <summary>
    /// Whether the report has a cell without a number, so that undecided checks are worth recording: most are sentences
    /// the narrative does not have, and a report whose cells all hold numbers (or are not reported, an allowed form) has
    /// nothing to name. One pass over its cells.
    /// </summary>
    public static bool Applies(Report report)
    {
        foreach (var cell in report.Cells)
        {
            if (IsWithoutNumber(cell.State))
            {
                return true;
            }
        }
        return false;
    }

    // Not reported (a group given as its total, or the total of a group given by rows) is a form the template allows;
    // only a cell that should hold a number and does not is named.
    private static bool IsWithoutNumber(CellState state) => state is CellState.Missing or CellState.Blank or CellState.Text or CellState.Invalid;

    /// <summary>For each cell without a number that left a check undecided, the rules of those checks; null when none.</summary>
    private static Dictionary<int, HashSet<string>>? CellsWithoutNumber(Report report, FindingSink sink)
    {
        Dictionary<int, HashSet<string>>? byCell = null;
        var unjudged = sink.Unjudged;
        var template = report.Template;
        for (var i = 0; i < unjudged.Count; i += 3)
        {
            var rule = template.Rules[unjudged[i]];
            var instance = rule.Instances[unjudged[i + 1]];
            if (unjudged[i + 2] >= 0)
            {
                // A cell rule (not negative, whole) about a cell without a number: nothing to say beyond that cell's own finding.
                continue;
            }
            foreach (var operand in instance.Operands)
            {
                Note(operand);
            }
            foreach (var term in instance.Lhs)
            {
                NoteTerm(term);
            }
            foreach (var term in instance.Rhs)
            {
                NoteTerm(term);
            }

            void NoteTerm(Term term)
            {
                if (term.Previous)
                {
                    return; // a cell of last year's report, not of this one
                }
                Note(term.Cell);
                foreach (var row in term.GroupRows)
                {
                    Note(row);
                }
            }

            void Note(int at)
            {
                if (at >= 0 && IsWithoutNumber(report.Cells[at].State))
                {
                    byCell ??= [];
                    if (!byCell.TryGetValue(at, out var ids))
                    {
                        byCell[at] = ids = new(StringComparer.Ordinal);
                    }
                    ids.Add(rule.Id);
                }
            }
        }
        return byCell;
    }
}
