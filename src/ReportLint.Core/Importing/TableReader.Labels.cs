namespace ReportLint.Importing;

// Which template row a label is: the official labels matched against the end of the label text, with their short
// forms (the label without its note, the note alone) where no other row could be meant.
public sealed partial class TableReader
{
    private (double Score, int Row, int Group) Best(string label)
    {
        var bare = WithoutNote(label);
        var candidates = new List<(double Score, double Position, int Row, int Group)>();
        for (var r = 0; r < table.Rows.Length; r++)
        {
            var score = RowScore(r, label, bare);
            // After a group's total row, only its sub-rows' exact labels bring them in (a subtotal row printed above them).
            if (GroupCovered(r) && score < 1)
            {
                continue;
            }
            // A row already read competes only when it matches exactly (a repeated row is reported, not re-read).
            if (rowDone[r] && score < 1)
            {
                continue;
            }
            candidates.Add((score, r, r, -1));
        }
        for (var g = 0; g < table.Groups.Length; g++)
        {
            var rows = table.Groups[g].Rows;
            var first = Array.FindIndex(table.Rows, r => r.Id == rows[0]);
            if (groupDone[g])
            {
                continue;
            }
            candidates.Add((Score(groupLabels[g], label, bare), first - 0.5, -1, g));
        }
        if (candidates.Count == 0)
        {
            return (0, -1, -1);
        }
        var top = candidates.Max(c => c.Score);
        // Near-ties go to the row the table's order expects next, then to the earlier row.
        var chosen = candidates.Where(c => c.Score >= top - 0.05)
            .OrderBy(c => c.Position >= nextRow - 0.5 ? 0 : 1).ThenByDescending(c => c.Score).ThenBy(c => c.Position).First();
        return (chosen.Score, chosen.Row, chosen.Group);
    }

    /// <summary>How well a label text matches row <paramref name="r"/>: its official label or one of its short forms.</summary>
    private double RowScore(int r, string label) => RowScore(r, label, WithoutNote(label));

    private double RowScore(int r, string label, string? bare)
    {
        var score = Score(rowLabels[r], label, bare);
        foreach (var form in rowShortForms[r])
        {
            score = Math.Max(score, Score(form, label, bare));
        }
        return score;
    }

    private double GroupScore(int g, string label) => Score(groupLabels[g], label, WithoutNote(label));

    /// <summary>
    /// How well a label text matches an official label, with and without a note in brackets at its end: provincial
    /// templates annotate labels, 规章（设区的市、自治州人民政府应提供相关数据）.
    /// </summary>
    private static double Score(string official, string label, string? bare) => bare is null
        ? LabelText.SuffixScore(official, label)
        : Math.Max(LabelText.SuffixScore(official, label), LabelText.SuffixScore(official, bare));

    /// <summary>
    /// The shorter names an official label ending in a note in brackets goes by, each kept only when no other row or
    /// group of the table could be meant: the label without the note (（二）部分公开, as most reports print it) and the
    /// note alone (未经复议直接起诉 and 复议后起诉, the sub-headings of 表四's 行政诉讼 when the table is printed with
    /// them as rows). 行政诉讼 alone names two rows and is not one.
    /// </summary>
    private static string[][] ShortForms(string[] rows, string[] groups)
    {
        var forms = rows.Select(label => WithoutNote(label) is { } head && head.Length >= 2
            ? new[] { head, label[(head.Length + 1)..^1] }.Where(f => f.Length >= 2).ToArray()
            : []).ToArray();
        var everyName = rows.Concat(groups).Concat(forms.SelectMany(f => f)).ToList();
        return forms.Select(f => f.Where(form => everyName.Count(n => n == form) == 1).ToArray()).ToArray();
    }

    /// <summary>The label without a final note in brackets, or null when it does not end in one.</summary>
    private static string? WithoutNote(string label)
    {
        if (!label.EndsWith('）'))
        {
            return null;
        }
        var depth = 0;
        for (var i = label.Length - 1; i >= 0; i--)
        {
            depth += label[i] == '）' ? 1 : label[i] == '（' ? -1 : 0;
            if (depth == 0)
            {
                return i > 0 ? label[..i] : null;
            }
        }
        return null;
    }
}
