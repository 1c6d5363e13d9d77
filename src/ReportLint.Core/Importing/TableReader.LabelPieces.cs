namespace ReportLint.Importing;

// How a row's label is put together from the text laid out around its values (pdftotext): the pieces of label text
// since the last values, less those printed beside the row in a column of their own — a group label written down the
// side of its rows —, and the rest of a label wrapped around its values, printed after them.
public sealed partial class TableReader
{
    /// <summary>
    /// One piece of label text: one column of one line (a web page's or HTML row's cell is one piece, at column 0 and
    /// InCell). Start and End are the columns it spans on its line, End counting a wide character (汉字, full-width
    /// punctuation) as two, as it is printed.
    /// </summary>
    private readonly record struct LabelPiece(string Text, int Line, int Start, int End, bool InCell);

    /// <summary>Label text since the last values beyond this many characters is not kept (no label is that long).</summary>
    private const int PendingLimit = 400;

    private void KeepPendingShort()
    {
        var length = pending.Sum(p => p.Text.Length);
        while (length > PendingLimit && pending.Count > 1)
        {
            length -= pending[0].Text.Length;
            pending.RemoveAt(0);
        }
        if (length > PendingLimit)
        {
            pending[0] = pending[0] with { Text = pending[0].Text[^PendingLimit..] };
        }
    }

    /// <summary>
    /// The pieces that are the row's label: without those on earlier lines that end where the row's last piece of label
    /// starts, or before — a group label printed beside its rows, in a column of its own to the left (（六）其 / 他处理
    /// between the lines of 2、申请人逾期未按收费通知要 / 求缴纳费用…, or 三、本年度办理结果 above 2.其他法律行政止公开).
    /// Pieces on the row's last line are kept whatever their column: a label printed with wide gaps between its
    /// characters is still one label. A line of a wrapped label overlaps the next, however it is aligned, so it stays.
    /// </summary>
    private static List<LabelPiece> OwnPieces(List<LabelPiece> pieces)
    {
        if (pieces.Count == 0)
        {
            return [];
        }
        var last = pieces[^1];
        return pieces.Where(p => p.InCell || p.Line == last.Line || p.End > last.Start).ToList();
    }

    /// <summary>
    /// Where the row's own label starts among its pieces: the fewest last pieces that match it as well as all of them
    /// do. What comes before — the table's header above its first row, the tail of the row above — is not its label.
    /// </summary>
    private static int OwnLabelStart(List<LabelPiece> pieces, Func<string, double> score)
    {
        var whole = score(string.Concat(pieces.Select(p => p.Text)));
        var text = "";
        for (var i = pieces.Count - 1; i > 0; i--)
        {
            text = pieces[i].Text + text;
            if (score(text) >= whole)
            {
                return i;
            }
        }
        return 0;
    }

    /// <summary>
    /// A row read under a label that is not its official one, as far as the text before its values goes: its label may
    /// go on after them. Label is the row's label text before its values, Quote and Line the label as written and where
    /// it starts, Anchor the column its last piece starts at.
    /// </summary>
    private sealed record UnfinishedLabel(int Row, string Label, string Quote, int Line, int Anchor, bool InCell)
    {
        /// <summary>The pieces after the values, in the row's column, that may be the rest of its label.</summary>
        public List<LabelPiece> Continuation { get; } = [];
    }

    private UnfinishedLabel? unfinished;

    /// <summary>
    /// pdftotext prints a wrapped label around its values — 5.要求行政机关确认或重新出 / the values / 具已获取信息 —
    /// so the label text after a row's values may be the rest of its label rather than the start of the next. It is,
    /// when the row's label text and the pieces after the values, in its column (a group label beside it is skipped),
    /// end in the row's official label and that label starts before the values: the label is the official one, and
    /// those pieces are not the next row's. A label text that only comes close is left as it was and reported.
    /// </summary>
    private void TakeContinuation(LabelPiece piece)
    {
        if (unfinished is not { } row || row.InCell || piece.InCell || piece.End <= row.Anchor)
        {
            return;
        }
        var official = rowLabels[row.Row];
        if (row.Continuation.Sum(p => p.Text.Length) >= official.Length)
        {
            return;
        }
        row.Continuation.Add(piece);
        var text = row.Label + string.Concat(row.Continuation.Select(p => p.Text));
        if (text.EndsWith(official, StringComparison.Ordinal) && text.Length - official.Length < row.Label.Length)
        {
            pending.RemoveAll(row.Continuation.Contains);
            unfinished = null;
        }
    }

    /// <summary>A row whose label text ended, at the next values or the table's end, without becoming its official label: RL0212.</summary>
    private void ReportUnfinishedLabel()
    {
        if (unfinished is not { } row)
        {
            return;
        }
        unfinished = null;
        var official = table.Rows[row.Row];
        AddForRow(ImportRules.ApproximateLabel, row.Line, 1, Names(official.Id),
            $"{table.Short}：原文标签“{Tail(row.Quote, rowLabels[row.Row].Length)}”按“{official.Label}”导入。",
            $"{table.Short}: the label \"{Tail(row.Quote, rowLabels[row.Row].Length)}\" was read as \"{official.Label}\" ({official.LabelEn}).");
    }

    /// <summary>Columns a text takes on a pdftotext line: two for a wide character (汉字, full-width forms), else one.</summary>
    private static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += c >= '\u2E80' && c <= '\uD7A3' || c >= '\uF900' && c <= '\uFAFF' || c >= '\uFE30' && c <= '\uFE4F'
                || c >= '\uFF00' && c <= '\uFF60' || c >= '\uFFE0' && c <= '\uFFE6' ? 2 : 1;
        }
        return width;
    }
}
