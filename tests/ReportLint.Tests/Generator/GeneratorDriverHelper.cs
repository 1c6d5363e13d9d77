using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ReportLint.Tests.Generator;

/// <summary>Runs the rule generator the way the compiler does (the Roslyn *.Testing packages are not in our feed).</summary>
internal static class GeneratorDriverHelper
{
    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, System.Text.Encoding.UTF8);
    }

    private sealed class RuleFileOptions(ImmutableHashSet<string> ruleFiles) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(false);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(false);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ruleFiles.Contains(textFile.Path));

        private sealed class Options(bool isRuleFile) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = isRuleFile && key == "build_metadata.AdditionalFiles.ReportLintRules" ? "true" : "";
                return value.Length > 0;
            }
        }
    }

    public static CSharpCompilation Compilation() =>
        CSharpCompilation.Create("Generated",
            [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Marker { } }")],
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Select(p => MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(ReportLint.Validation.TemplateDefinition).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            [new ReportLint.Generator.RuleGenerator().AsSourceGenerator()],
            files,
            parseOptions: CSharpParseOptions.Default,
            optionsProvider: new RuleFileOptions(files.Select(f => f.Path).ToImmutableHashSet()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}
