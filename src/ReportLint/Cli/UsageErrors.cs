using System.Text.RegularExpressions;

namespace ReportLint.Cli;

/// <summary>
/// System.CommandLine's own parse errors in Chinese. Its Chinese resources cannot be used: with invariant globalization
/// the culture is named zh-HANS, and its zh-Hans satellite assembly is not found under that name on Linux. So each
/// English message it can give (System.CommandLine 3.0's resource strings) is matched here and said again; one not
/// listed is shown as it is.
/// </summary>
internal static class UsageErrors
{
    private static readonly (Regex English, Func<Match, string> Chinese)[] Messages =
    [
        (Pattern("Argument '{0}' not recognized. Must be one of:{1}"), m => $"“{m.Groups[1].Value}”不是可用的值；可用：{Values(m.Groups[2].Value)}。"),
        (Pattern("Required argument '{0}' missing for command: '{1}'."), m => $"命令 {m.Groups[2].Value} 缺少参数 <{m.Groups[1].Value}>。"),
        (Pattern("Required argument missing for option: '{0}'."), m => $"选项 {m.Groups[1].Value} 后面缺少它的值。"),
        (Pattern("Unrecognized command or argument '{0}'."), m => $"无法识别的命令或参数“{m.Groups[1].Value}”。"),
        (Pattern("Option '{0}' expects a single argument but {1} were provided."), m => $"选项 {m.Groups[1].Value} 只能给一个值，这里给了 {m.Groups[2].Value} 个。"),
        (Pattern("Option '{0}' is required."), m => $"必须给出选项 {m.Groups[1].Value}。"),
        (Pattern("Required command was not provided."), _ => "缺少命令。"),
        (Pattern("Cannot parse argument '{0}' for option '{1}' as expected type '{2}'.{3}"), m => $"选项 {m.Groups[2].Value} 的值“{m.Groups[1].Value}”不是{Type(m.Groups[3].Value)}。"),
        (Pattern("Cannot parse argument '{0}' for command '{1}' as expected type '{2}'.{3}"), m => $"命令 {m.Groups[2].Value} 的参数“{m.Groups[1].Value}”不是{Type(m.Groups[3].Value)}。"),
        (Pattern("Cannot parse argument '{0}' as expected type '{1}'."), m => $"参数“{m.Groups[1].Value}”不是{Type(m.Groups[2].Value)}。"),
        (Pattern("Response file not found '{0}'."), m => $"找不到响应文件“{m.Groups[1].Value}”。"),
        (Pattern("Error reading response file '{0}': {1}"), m => $"无法读取响应文件“{m.Groups[1].Value}”：{m.Groups[2].Value}"),
    ];

    /// <summary>The message in Chinese, or as System.CommandLine gave it when it is not one of the above.</summary>
    public static string InChinese(string message)
    {
        foreach (var (english, chinese) in Messages)
        {
            if (english.Match(message) is { Success: true } match)
            {
                return chinese(match);
            }
        }
        return message;
    }

    /// <summary>Whether the command line asks for English messages (--lang en, --lang=en, --lang:en); read before parsing succeeds.</summary>
    public static bool AskForEnglish(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if ((args[i] == "--lang" && i + 1 < args.Length && args[i + 1] == "en") || args[i] is "--lang=en" or "--lang:en")
            {
                return true;
            }
        }
        return false;
    }

    private static Regex Pattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{\d\}|\{\d\}", "(.*?)") + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    // "\n\t'text'\n\t'json'" → text、json
    private static string Values(string list) =>
        string.Join("、", list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.Trim('\'')));

    private static string Type(string type) => type switch
    {
        "System.Int32" or "System.Nullable`1[System.Int32]" or "System.Int64" => "整数",
        "System.Boolean" => "true 或 false",
        _ => $"所需的类型（{type}）",
    };
}
