using System.Text;
using System.Text.Json;
using ReportLint.Findings;
using ReportLint.Formatting;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Tests.EndToEnd;

/// <summary>
/// JSON and SARIF go out as they are written, in pieces of about 64 KB, even within one file: a minified report can
/// have hundreds of thousands of findings, and holding them all as text took gigabytes.
/// </summary>
public class StreamedOutputTests
{
    public static TheoryData<string> Formats => new() { "json", "sarif" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_file_with_many_findings_is_written_in_pieces_and_still_makes_one_whole_document(string format)
    {
        IFindingFormatter formatter = format == "json"
            ? new JsonFormatter()
            : new SarifFormatter(RuleCatalog.All(TemplateRegistry.Default), Language.Chinese, "1.0.0");
        var findings = Enumerable.Range(0, 20_000).Select(i => new Finding("reports/a.json", "RL0110", Severity.Warning,
            $"sections 中没有“k{i}”这一部分，已忽略。", $"Unknown section 'k{i}' was ignored.", 1, 10 + (9 * i))).ToList();
        var output = new RecordingWriter();

        formatter.Begin(output);
        formatter.WriteFile(output, new FileResult("reports/a.json", findings));
        var writtenBeforeTheEnd = output.Largest;
        formatter.End(output, new RunSummary(1, 0, findings.Count, 0, TimeSpan.Zero));

        output.Writes.ShouldBeGreaterThan(20, "written out in pieces while the file's findings were written");
        writtenBeforeTheEnd.ShouldBeLessThan(70_000, "no piece much over 64 KB");
        using var document = JsonDocument.Parse(output.ToString());
        var results = format == "json"
            ? document.RootElement.GetProperty("findings")
            : document.RootElement.GetProperty("runs")[0].GetProperty("results");
        results.GetArrayLength().ShouldBe(findings.Count);
    }

    /// <summary>Keeps the text, and how many pieces of it came and how large the largest was.</summary>
    private sealed class RecordingWriter : StringWriter
    {
        public int Writes { get; private set; }

        public int Largest { get; private set; }

        public override void Write(char[] buffer, int index, int count)
        {
            Writes++;
            Largest = Math.Max(Largest, count);
            base.Write(buffer, index, count);
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
