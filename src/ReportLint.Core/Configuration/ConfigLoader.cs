using System.Text;
using ReportLint.Findings;
using ReportLint.Reading;
using ReportLint.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReportLint.Configuration;

/// <summary>Finds and reads <c>.reportlint.yaml</c>. A mistake in it is an input error (exit code 2), located in the file.</summary>
public static class ConfigLoader
{
    /// <summary>Far more than any configuration needs.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The configuration file in the folder or the nearest folder above it, if any.</summary>
    public static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, LintConfig.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <param name="knownRules">The rule ids that exist; a setting for any other id is an error (a typo would otherwise
    /// leave the rule it meant as it was, without a word). Null: not checked.</param>
    public static (LintConfig? Config, Finding? Error) Load(string path, IReadOnlyCollection<string>? knownRules = null)
    {
        var display = Path.GetFullPath(path);
        string text;
        try
        {
            // Through FileBytes, as reports are: a named pipe does not make the run wait, and a file of gigabytes is not
            // read (it took 24 s and 4 GB, then failed with a stack trace).
            if (FileBytes.ReadAll(path, MaxBytes).Bytes is not { } bytes)
            {
                return (null, Error(display, $"配置文件超过 {MaxBytes / 1024 / 1024} MB，未读取：.reportlint.yaml 只需几行。",
                    $"The configuration file is over {MaxBytes / 1024 / 1024} MB and was not read; .reportlint.yaml needs a few lines.", 1, 1));
            }
            var utf16 = bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
            if (!utf16 && (!System.Text.Unicode.Utf8.IsValid(bytes) || bytes.AsSpan().Contains((byte)0)))
            {
                // Decoded as UTF-8 anyway, GBK became replacement characters (“不能是“�ر�””) and UTF-16 without a byte order
                // mark a YAML error about keys.
                return (null, Error(display, "配置文件不是 UTF-8 编码（可能是 GBK 或 UTF-16，如记事本的“ANSI”或“Unicode”）；请另存为 UTF-8。",
                    "The configuration file is not UTF-8 (perhaps GBK or UTF-16); save it as UTF-8.", 1, 1));
            }
            // As File.ReadAllText: UTF-8, or what a byte order mark says.
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var (why, whyEn) = FileBytes.Why(e, path);
            return (null, Error(display, $"无法读取配置文件：{why}。", $"Cannot read the configuration file: {whyEn}.", 1, 1));
        }

        if (YamlText.TooDeep(text) is { } deep)
        {
            var (deepLine, deepColumn) = LineAndColumn(text, deep);
            return (null, Error(display, $"配置文件嵌套超过 {YamlText.MaxNesting} 层（括号或缩进），不是正常的配置，没有读取。",
                $"The configuration nests more than {YamlText.MaxNesting} deep (brackets or indentation); it was not read.", deepLine, deepColumn));
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(YamlText.WithoutAnchors(text));
        }
        catch (YamlText.AnchorOrAliasException e)
        {
            return (null, Error(display, $"配置文件 YAML 格式错误：{YamlText.AnchorOrAliasHint}。",
                $"Configuration YAML error: {YamlText.AnchorOrAliasHintEn}.", (int)e.At.Line, (int)e.At.Column));
        }
        catch (Exception e) when (YamlText.IsLibraryFailure(e))
        {
            return (null, Error(display, $"配置文件 YAML 格式错误：{YamlText.LibraryFailureHint}。",
                $"Configuration YAML error: {e.Message}", 1, 1));
        }
        catch (YamlException e)
        {
            // Said in words, where the mistake is (a tab the parser complains of is often on the line after the one it
            // names); YamlDotNet's English stays in the English message.
            var message = e.InnerException is { } inner ? e.Message + " " + inner.Message : e.Message;
            var (at, hint) = YamlText.FullWidthInStructure(text, (int)e.End.Index) ?? (YamlText.ErrorAt(message, text, (int)e.Start.Index), YamlText.Hint(message));
            var (line, column) = at == (int)e.Start.Index ? ((int)e.Start.Line, (int)e.Start.Column) : LineAndColumn(text, at);
            return (null, Error(display, $"配置文件 YAML 格式错误：{hint}。", $"Configuration YAML error: {message}", line, column));
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        // `fail-on： warning` is no YAML error but one piece of text where a mapping was meant: said as the full-width colon
        // it is, where the structure is wrong.
        Finding? FullWidthColon(string yaml, YamlNode node) =>
            node.AllNodes.OfType<YamlScalarNode>().FirstOrDefault(n => n.Value?.Contains('：') == true) is { } scalar
            && YamlText.FullWidthInStructure(yaml, (int)scalar.End.Index) is var (fullWidthAt, fullWidthHint)
                ? LineAndColumn(yaml, fullWidthAt) is var (line, column)
                    ? Error(display, $"配置文件 YAML 格式错误：{fullWidthHint}。", "Configuration YAML error: a full-width colon '：' after a key; write ': '.", line, column)
                    : null
                : null;
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return (new LintConfig(display, directory, new Dictionary<string, RuleSetting>(), []), null);
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents[0].RootNode.Start;
            return (null, FullWidthColon(text, stream.Documents[0].RootNode) ?? Error(display, "配置文件应是“项: 值”的映射，如 rules: { RL1005: warning }；这个文件不是。",
                "The configuration must be a mapping of keys to values, such as rules: { RL1005: warning }; this file is not.", (int)at.Line, (int)at.Column));
        }
        if (stream.Documents.Count > 1)
        {
            var at = stream.Documents[1].RootNode.Start;
            return (null, Error(display, "这里起的内容被一行 --- 或 ...（YAML 的文档分隔符）与前文隔开，不会被读取；请删去那一行。",
                "Everything from here on is cut off by a line of --- or ... (a YAML document separator) and would not be read; delete that line.", (int)at.Line, (int)at.Column));
        }

        Dictionary<string, RuleSetting>? rules = new();
        var overrides = new List<(IReadOnlyList<Glob>, IReadOnlyDictionary<string, RuleSetting>)>();
        Severity? failOn = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "rules":
                    var (parsed, error) = Rules(display, value, knownRules);
                    if (error is not null)
                    {
                        return (null, FullWidthColon(text, value) ?? error);
                    }
                    rules = parsed;
                    break;
                case "fail-on":
                    var level = (value as YamlScalarNode)?.Value;
                    if (level is not ("error" or "warning"))
                    {
                        return (null, Error(display, "fail-on 只能是 error 或 warning。", "'fail-on' must be error or warning.", (int)value.Start.Line, (int)value.Start.Column));
                    }
                    failOn = level == "warning" ? Severity.Warning : Severity.Error;
                    break;
                case "overrides":
                    if (value is not YamlSequenceNode list)
                    {
                        return (null, Error(display, "overrides 应为列表，每项有 files 和 rules。", "'overrides' must be a list of { files, rules }.", (int)value.Start.Line, (int)value.Start.Column));
                    }
                    foreach (var item in list.Children)
                    {
                        if (item is not YamlMappingNode entry
                            || entry.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "files").Value is not { } files
                            || entry.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "rules").Value is not { } entryRules)
                        {
                            return (null, Error(display, "overrides 的每一项都要有 files（文件模式列表）和 rules。", "Each override needs 'files' (patterns) and 'rules'.", (int)item.Start.Line, (int)item.Start.Column));
                        }
                        // An unknown key (excludes:) or files that are not patterns ({}, [], [[…]], "") used to be accepted
                        // and to do nothing, so the override applied to other files than meant, or to none.
                        if (entry.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value is not ("files" or "rules")).Key is { } stray)
                        {
                            var name = (stray as YamlScalarNode)?.Value ?? "";
                            return (null, Error(display, $"overrides 的一项中没有“{name}”这一项，只能有 files 和 rules（要排除某些文件，请把 files 写得更具体）。",
                                $"An override has no key '{name}'; it takes only 'files' and 'rules'.", (int)stray.Start.Line, (int)stray.Start.Column));
                        }
                        var patterns = files is YamlSequenceNode s && s.Children.Count > 0 && s.Children.All(n => n is YamlScalarNode { Value.Length: > 0 })
                            ? s.Children.Select(n => ((YamlScalarNode)n).Value!).ToList()
                            : files is YamlScalarNode { Value.Length: > 0 } one ? [one.Value!] : null;
                        if (patterns is null)
                        {
                            return (null, Error(display, "files 应为文件模式或其列表，如 files: [\"archive/**/*.json\"]；这里没有可用的模式。",
                                "'files' must be a pattern or a list of patterns, such as files: [\"archive/**/*.json\"].", (int)files.Start.Line, (int)files.Start.Column));
                        }
                        if (patterns.FirstOrDefault(p => p.Length > Glob.MaxLength) is not null)
                        {
                            // Building the matcher for a pattern of 240,000 characters took 24 s; no path is that long.
                            return (null, Error(display, $"files 中的模式超过 {Glob.MaxLength} 个字符，不会有文件符合。",
                                $"A pattern in 'files' is over {Glob.MaxLength} characters; no file can match it.", (int)files.Start.Line, (int)files.Start.Column));
                        }
                        var (overrideRules, overrideError) = Rules(display, entryRules, knownRules);
                        if (overrideError is not null)
                        {
                            return (null, FullWidthColon(text, entryRules) ?? overrideError);
                        }
                        overrides.Add((patterns.Select(p => new Glob(p)).ToList(), overrideRules!));
                    }
                    break;
                default:
                    return (null, Error(display, $"配置文件中没有“{key}”这一项；可用：rules、overrides、fail-on。",
                        $"Unknown configuration key '{key}'; expected rules, overrides or fail-on.", (int)keyNode.Start.Line, (int)keyNode.Start.Column));
            }
        }
        return (new LintConfig(display, directory, rules!, overrides, failOn), null);
    }

    private static (Dictionary<string, RuleSetting>? Rules, Finding? Error) Rules(string path, YamlNode node, IReadOnlyCollection<string>? knownRules)
    {
        var result = new Dictionary<string, RuleSetting>(StringComparer.Ordinal);
        if (node is YamlScalarNode { Value: null or "" })
        {
            // Every line under rules: commented out: no settings, not a mistake.
            return (result, null);
        }
        if (node is not YamlMappingNode mapping)
        {
            return (null, Error(path, "rules 应为“规则 id: 级别”的映射，如 RL1005: warning。", "'rules' must map rule ids to a level, e.g. RL1005: warning.", (int)node.Start.Line, (int)node.Start.Column));
        }
        foreach (var (key, value) in mapping.Children)
        {
            var id = (key as YamlScalarNode)?.Value ?? "";
            if (knownRules is not null && !knownRules.Contains(id))
            {
                var meant = knownRules.FirstOrDefault(k => string.Equals(k, id.Trim(), StringComparison.OrdinalIgnoreCase));
                return (null, Error(path,
                    $"没有编号为“{id}”的规则{(meant is null ? "" : $"，是否应为 {meant}？")}（规则编号形如 RL1004，全部规则见 reportlint rules）。",
                    $"There is no rule '{id}'{(meant is null ? "" : $"; did you mean {meant}?")} (rule ids look like RL1004; reportlint rules lists them all).",
                    (int)key.Start.Line, (int)key.Start.Column));
            }
            if (InputRule.All.FirstOrDefault(r => r.Id == id) is { StopsChecking: true } stopping)
            {
                // Accepted without a word before, and ignored: such a file cannot be checked at all, whatever is set.
                return (null, Error(path,
                    $"{id}（{stopping.Title}）不能在配置中设置：文件无法读取时任何检查都无法进行，这个错误总会报告。请删去这一行。",
                    $"{id} ({stopping.TitleEn}) cannot be configured: a file that cannot be read cannot be checked, so it is always reported. Remove the line.",
                    (int)key.Start.Line, (int)key.Start.Column));
            }
            var level = (value as YamlScalarNode)?.Value;
            RuleSetting? setting = level switch
            {
                "off" => new RuleSetting(true, Severity.Info),
                "error" => new RuleSetting(false, Severity.Error),
                "warning" => new RuleSetting(false, Severity.Warning),
                "info" => new RuleSetting(false, Severity.Info),
                _ => null,
            };
            if (setting is null)
            {
                return (null, Error(path, $"{id} 的级别只能是 error、warning、info 或 off，不能是“{level}”。",
                    $"The level of {id} must be error, warning, info or off, not '{level}'.", (int)value.Start.Line, (int)value.Start.Column));
            }
            result[id] = setting.Value;
        }
        return (result, null);
    }

    private static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return (text.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }

    private static Finding Error(string path, string message, string messageEn, int line, int column) =>
        new(path, InputRule.BadConfig.Id, InputRule.BadConfig.Severity, message, messageEn, line, column) { IsInputError = true };
}
