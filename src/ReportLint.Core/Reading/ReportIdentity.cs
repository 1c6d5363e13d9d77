using System.Text.Json;

namespace ReportLint.Reading;

/// <summary>
/// Who reported, for which year — read from the start of a file without reading the report, to pair a report with
/// last year's before checking it. Reports name the agency and year near the top; when they do not, the whole file is
/// read, unless it is over the size limit (then it has no identity; the check refuses it unread).
/// </summary>
public static class ReportIdentity
{
    // Reports name the template, year and agency in their first few hundred bytes (docs/report-json.md's order, and
    // what `reportlint import` writes); a file that does not is read whole. A run over 100,000 files reads this much of
    // each one extra, so it is kept small.
    private const int Prefix = 1024;

    [ThreadStatic]
    private static byte[]? prefixBuffer;

    public static (string Agency, int Year)? Sniff(string path)
    {
        try
        {
            // One open and one read of the first 1 KB (no FileStream, no stat): this runs once per file before checking.
            using var handle = FileBytes.Open(path);
            if (handle is null)
            {
                return null;
            }
            var buffer = prefixBuffer ??= new byte[Prefix];
            var read = FileBytes.Fill(handle, buffer);
            var final = read < Prefix;
            var (identity, complete) = Scan(buffer.AsSpan(0, read), final);
            if (complete || final)
            {
                return identity;
            }
            // The rest of the file, through the same handle — unless it is over the limit: such a file is refused
            // unread when it is checked, and reading it whole here would defeat that.
            var length = RandomAccess.GetLength(handle);
            if (length > ReportReader.MaxBytes)
            {
                return null;
            }
            var whole = new byte[length];
            return Scan(whole.AsSpan(0, FileBytes.Fill(handle, whole)), true).Identity;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            // A pipe: positioned reads refuse it before taking a byte. It has no identity here — it can be read only
            // once, and the check reads it.
            return null;
        }
    }

    private static ((string, int)? Identity, bool Complete) Scan(ReadOnlySpan<byte> bytes, bool final)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        var reader = new Utf8JsonReader(bytes, final, default);
        string? agency = null;
        int? year = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, true);
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isYear = reader.ValueTextEquals("year"u8);
                var isAgency = reader.ValueTextEquals("agency"u8);
                if (!reader.Read())
                {
                    return (null, false);
                }
                if (isYear && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var y) && Report.IsPlausibleYear(y))
                {
                    year = y;
                }
                else if (isAgency && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isName = reader.ValueTextEquals("name"u8);
                        if (!reader.Read())
                        {
                            return (null, false);
                        }
                        if (isName && reader.TokenType == JsonTokenType.String)
                        {
                            agency = reader.GetString();
                        }
                        else if (!reader.TrySkip())
                        {
                            return (null, false);
                        }
                    }
                }
                else if (!reader.TrySkip())
                {
                    return (null, false);
                }
                if (agency is not null && year is not null)
                {
                    return ((agency, year.Value), true);
                }
            }
            return (null, final || reader.CurrentDepth == 0);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Malformed JSON or text that is not UTF-8: the reader reports it, located, when the file is checked.
            return (null, true);
        }
    }
}
