using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ReportLint.Rules.Diagnostics;
using ReportLint.Rules.Grammar;
using ReportLint.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReportLint.Rules.Parsing;

/// <summary>
/// Reads one rule file into <see cref="RuleFileSyntax"/>. Never throws: every problem becomes a located diagnostic
/// and the parts that could be read are still returned.
/// </summary>
public sealed partial class RuleFileParser
{
    private static readonly string[] RootKeys = { "template", "title", "title-en", "years", "extends", "tables", "rules", "remove-rules" };
    private static readonly string[] TableKeys =
    {
        "id", "short", "short-en", "label", "label-en", "replace", "columns", "groups", "rows", "remove-rows", "remove-columns", "remove-groups",
    };
    private static readonly string[] ColumnKeys = { "id", "label", "label-en", "type", "unit" };
    private static readonly string[] GroupKeys = { "id", "label", "label-en" };
    private static readonly string[] RowKeys = { "id", "label", "label-en", "block", "group", "columns", "after" };

    /// <summary>A rule's texts shown to people: present means written.</summary>
    private static readonly string[] TextKeys = { "title", "title-en", "message", "message-en", "why" };
    private static readonly string[] RuleKeys =
    {
        "id", "name", "severity", "basis", "table", "each", "types", "when", "check", "tolerance",
        "title", "title-en", "message", "message-en", "why", "example-pass", "example-fail",
    };

    private readonly SourceMap map;
    private readonly List<RuleDiagnostic> diagnostics = new();

    private RuleFileParser(string path, string text) => map = new SourceMap(path, text);

    public static RuleFileSyntax Parse(string path, string text) => new RuleFileParser(path, text).ParseFile(text);

    private RuleFileSyntax ParseFile(string text)
    {
        var empty = new RuleFileSyntax(map.Path, null, null, null, null, null,
            EquatableArray<TableSyntax>.Empty, EquatableArray<RuleSyntax>.Empty, EquatableArray<Located<string>>.Empty,
            EquatableArray<RuleDiagnostic>.Empty);

        if (NotUtf8(text) is { } garbled)
        {
            // The compiler decodes a file that is not UTF-8 with replacement characters: it would build, with every label,
            // message and phrase garbled (phrases that can never match, so those checks silently find nothing).
            diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(garbled, garbled + 1),
                "规则文件不是 UTF-8 编码（可能是 GBK/GB2312 或 ANSI），其中的中文会变成乱码；请用文本编辑器另存为 UTF-8 后再构建 / " +
                "the rule file is not UTF-8 (perhaps GBK/GB2312 or ANSI) and its Chinese text would be garbled; save it as UTF-8 and build again"));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        if (YamlText.TooDeep(text) is { } deep)
        {
            diagnostics.Add(RuleFileDiagnostics.YamlSyntax.At(map.Span(deep, deep + 1),
                $"嵌套超过 {YamlText.MaxNesting} 层（括号或缩进），不是正常的规则文件", $"nested more than {YamlText.MaxNesting} deep"));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }
        YamlStream stream;
        try
        {
            stream = new YamlStream();
            stream.Load(YamlText.WithoutAnchors(text));
        }
        catch (YamlText.AnchorOrAliasException e)
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(e.At, e.At), YamlText.AnchorOrAliasHint + " / " + YamlText.AnchorOrAliasHintEn));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }
        catch (Exception e) when (YamlText.IsLibraryFailure(e))
        {
            // Reported as the file's YAML error, not as an internal error (RL0099).
            diagnostics.Add(RuleFileDiagnostics.YamlSyntax.At(map.Span(0, 0), YamlText.LibraryFailureHint, e.Message));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message;
            var message = e.Message + (inner is null ? "" : " " + inner);
            if (YamlText.FullWidthInStructure(text, (int)e.End.Index) is { } fullWidth)
            {
                // A Chinese input method's ： or 　 where YAML needs : or a space: said for what it is, where it is (the
                // parser's own complaint lands elsewhere, with advice about quoting that does not apply).
                diagnostics.Add(RuleFileDiagnostics.YamlSyntax.At(map.Span(fullWidth.At, fullWidth.At + 1), fullWidth.Hint, message));
                return empty with { Diagnostics = diagnostics.ToEquatableArray() };
            }
            // The parser names where the broken value starts; a tab it complains of is often on the next line.
            var at = YamlText.ErrorAt(message, text, (int)e.Start.Index);
            var span = at == (int)e.Start.Index ? map.Span(e.Start, e.End) : map.Span(at, at + 1);
            diagnostics.Add(RuleFileDiagnostics.YamlSyntax.At(span, YamlText.Hint(message), message));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(0, 0),
                "规则文件应以 template: 开头，是一个键值映射 / a rule file must be a mapping that starts with 'template:'"));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        if (stream.Documents.Count > 1)
        {
            // A line of --- or ... starts another YAML document; whatever follows would silently not be part of this file.
            var next = stream.Documents[1].RootNode;
            diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(next.Start, next.Start),
                "从这里起的内容被一行 --- 或 ...（YAML 的文档分隔符）与前文隔开，不会被读取；请删去那一行 / " +
                "everything from here on is cut off from the file by a line of --- or ... (a YAML document separator) and would not be read; delete that line"));
        }

        var fields = Fields(root, "规则文件 (rule file)", RootKeys);
        var template = Scalar(fields, "template");
        if (template is null && !fields.ContainsKey("template"))
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(root.Start, root.Start),
                "缺少 template:（模板名称，如 \"2021\"） / missing 'template:' (the template's name, e.g. \"2021\")"));
        }

        var tables = Items(fields, "tables", ReadTable);
        var rules = Items(fields, "rules", ReadRule);
        var removeRules = ScalarList(fields, "remove-rules");

        return new RuleFileSyntax(
            map.Path,
            template,
            Scalar(fields, "title")?.Value,
            Scalar(fields, "title-en")?.Value,
            Scalar(fields, "years"),
            Scalar(fields, "extends"),
            tables,
            rules,
            removeRules,
            diagnostics.ToEquatableArray());
    }

    private TableSyntax? ReadTable(YamlMappingNode node)
    {
        var fields = Fields(node, "表 (table)", TableKeys);
        var id = RequiredId(fields, node, "表 (table)");
        if (id is null)
        {
            return null;
        }
        return new TableSyntax(
            id,
            Scalar(fields, "short")?.Value,
            Scalar(fields, "short-en")?.Value,
            Scalar(fields, "label")?.Value,
            Scalar(fields, "label-en")?.Value,
            Items(fields, "columns", ReadColumn),
            Items(fields, "groups", ReadGroup),
            Items(fields, "rows", ReadRow),
            ScalarList(fields, "remove-rows"),
            ScalarList(fields, "remove-columns"),
            ScalarList(fields, "remove-groups"),
            Flag(fields, "replace"));
    }

    private ColumnSyntax? ReadColumn(YamlMappingNode node)
    {
        var fields = Fields(node, "列 (column)", ColumnKeys);
        var id = RequiredId(fields, node, "列 (column)");
        return id is null
            ? null
            : new ColumnSyntax(id, Scalar(fields, "label")?.Value, Scalar(fields, "label-en")?.Value, Scalar(fields, "type"), Scalar(fields, "unit"));
    }

    private GroupSyntax? ReadGroup(YamlMappingNode node)
    {
        var fields = Fields(node, "分组 (group)", GroupKeys);
        var id = RequiredId(fields, node, "分组 (group)");
        return id is null ? null : new GroupSyntax(id, Scalar(fields, "label")?.Value, Scalar(fields, "label-en")?.Value);
    }

    private RowSyntax? ReadRow(YamlMappingNode node)
    {
        var fields = Fields(node, "行 (row)", RowKeys);
        var id = RequiredId(fields, node, "行 (row)");
        if (id is not null && fields.TryGetValue("columns", out var columns) && columns.Value is YamlSequenceNode { Children.Count: 0 } empty)
        {
            // Left out, columns means every column of the table; an empty list is not that, nor a row without cells.
            diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(empty),
                $"行 {id.Value} 的 columns: [] 是空的；这一行有表格的全部列时请删去 columns，否则列出它的列 / row {id.Value}: 'columns: []' is empty; remove it if the row has every column of the table, or list its columns"));
        }
        return id is null
            ? null
            : new RowSyntax(
                id,
                Scalar(fields, "label")?.Value,
                Scalar(fields, "label-en")?.Value,
                Scalar(fields, "block")?.Value,
                Scalar(fields, "group"),
                ScalarList(fields, "columns"),
                Scalar(fields, "after"));
    }

    private RuleSyntax? ReadRule(YamlMappingNode node)
    {
        var fields = Fields(node, "规则 (rule)", RuleKeys);
        var id = RequiredId(fields, node, "规则 (rule)");
        if (id is null)
        {
            return null;
        }
        foreach (var key in TextKeys)
        {
            // An empty text would be shown to a policy officer as a finding that says nothing.
            if (fields.TryGetValue(key, out var field) && field.Value is YamlScalarNode { Value: var value } scalar && string.IsNullOrWhiteSpace(value))
            {
                diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(scalar.Start, scalar.Start),
                    key.EndsWith("-en", StringComparison.Ordinal)
                        ? $"规则 {id.Value} 的 {key}: 是空的；请写上英文，或删去这一项 / rule {id.Value}: '{key}:' is empty; write the English text or remove the key"
                        : $"规则 {id.Value} 的 {key}: 是空的；请写上文字 / rule {id.Value}: '{key}:' is empty; write the text"));
            }
        }
        return new RuleSyntax(
            id,
            map.Span(node),
            Scalar(fields, "name")?.Value,
            Scalar(fields, "severity"),
            Scalar(fields, "basis"),
            Scalar(fields, "table"),
            Scalar(fields, "each"),
            ScalarList(fields, "types"),
            Expression(fields, "when"),
            Expression(fields, "check"),
            Scalar(fields, "tolerance"),
            Scalar(fields, "title")?.Value,
            Scalar(fields, "title-en")?.Value,
            Message(fields, "message"),
            Message(fields, "message-en"),
            Scalar(fields, "why")?.Value,
            Scalar(fields, "example-pass")?.Value,
            Scalar(fields, "example-fail")?.Value);
    }

    private Dictionary<string, (YamlScalarNode Key, YamlNode Value)> Fields(YamlMappingNode node, string what, string[] allowed)
    {
        var fields = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var entry in node.Children)
        {
            if (entry.Key is not YamlScalarNode key || key.Value is null)
            {
                diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(entry.Key), "键必须是简单的名称 / a key must be a plain name"));
                continue;
            }
            if (key.Value == "<<")
            {
                // YAML's merge key: "是否应为“id”？" said nothing about what happened.
                diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(key),
                    "不支持 YAML 的合并写法“<<:”：请把各项直接写出来（要在另一个模板的基础上修改，用 extends:） / " +
                    "YAML merge keys ('<<:') are not supported: write the keys out (to build on another template, use 'extends:')"));
                continue;
            }
            if (Array.IndexOf(allowed, key.Value) < 0)
            {
                var suggestion = Suggest(key.Value, allowed);
                var written = DiagnosticKind.Brief(key.Value);
                diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(key),
                    $"{ChineseOf(what)}中没有“{written}”这一项{(suggestion is null ? "" : $"，是否应为“{suggestion}”？")}可用：{string.Join("、", allowed)} / " +
                    $"unknown key '{written}' in a {StripChinese(what)}{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")} expected one of: {string.Join(", ", allowed)}"));
                continue;
            }
            fields[key.Value] = (key, entry.Value);
            if (entry.Value is YamlScalarNode { Value: { } value } scalar && ControlCharacter(value) is { } control)
            {
                // "\e[31m" or "\0" in a double-quoted label reached people's terminals as it was (the 单元格 line, explain).
                diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(scalar),
                    $"{key.Value}: 中有控制字符（U+{(int)control:X4}），会被终端当作命令；请删去（引号中的 \\e、\\0、\\x.. 等写法会产生这种字符） / " +
                    $"'{key.Value}:' holds a control character (U+{(int)control:X4}) a terminal would act on; remove it (\\e, \\0, \\x.. in quotes make one)"));
            }
            if (entry.Value is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } block)
            {
                SwallowedKey(key.Value, block, allowed);
            }
        }
        return fields;
    }

    private static string StripChinese(string what)
    {
        var open = what.IndexOf('(');
        return open < 0 ? what : what.Substring(open + 1).TrimEnd(')');
    }

    private static string ChineseOf(string what)
    {
        var open = what.IndexOf(" (", StringComparison.Ordinal);
        return open < 0 ? what : what.Substring(0, open);
    }

    private static string? Suggest(string typed, string[] allowed) => EditDistance.Nearest(typed, allowed, 2);

    private Located<string>? RequiredId(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, YamlNode node, string what)
    {
        var id = Scalar(fields, "id");
        if (id is null && !fields.ContainsKey("id"))
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(node.Start, node.Start),
                $"{ChineseOf(what)}缺少 id / a {StripChinese(what)} needs an 'id'"));
        }
        return id;
    }

    private Located<string>? Scalar(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string key)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            return null;
        }
        if (field.Value is YamlScalarNode scalar && scalar.Value is not null)
        {
            if (scalar.Value.Length == 0 && scalar.Style == ScalarStyle.Plain)
            {
                diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(field.Key), $"“{key}”没有填写内容 / '{key}' has no value"));
                return null;
            }
            return new Located<string>(scalar.Value, map.Span(scalar));
        }
        diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(field.Value),
            $"“{key}”应为单个值，而不是列表或映射 / '{key}' must be a single value, not a list or mapping"));
        return null;
    }

    /// <summary>A yes/no key: only <c>true</c> or <c>false</c>, so that a typo cannot silently mean either.</summary>
    private Located<string>? Flag(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string key)
    {
        var value = Scalar(fields, key);
        if (value is null || value.Value is "true" or "false")
        {
            return value;
        }
        diagnostics.Add(RuleFileDiagnostics.Structure.At(value.Span,
            $"“{key}”只能写 true 或 false，不能是“{value.Value}” / '{key}' must be true or false, not '{value.Value}'"));
        return null;
    }

    private EquatableArray<Located<string>> ScalarList(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string key)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            return EquatableArray<Located<string>>.Empty;
        }
        if (field.Value is YamlScalarNode single && single.Value is not null)
        {
            return new[] { new Located<string>(single.Value, map.Span(single)) }.ToEquatableArray();
        }
        if (field.Value is YamlSequenceNode sequence)
        {
            var items = new List<Located<string>>();
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode scalar && scalar.Value is not null)
                {
                    items.Add(new Located<string>(scalar.Value, map.Span(scalar)));
                }
                else
                {
                    diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(item),
                        $"“{key}”的每一项应为单个名称 / each item of '{key}' must be a single name"));
                }
            }
            return items.ToEquatableArray();
        }
        diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(field.Value),
            $"“{key}”应为名称列表，如 [a, b] / '{key}' must be a list of names such as [a, b]"));
        return EquatableArray<Located<string>>.Empty;
    }

    private EquatableArray<T> Items<T>(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string key, Func<YamlMappingNode, T?> read)
        where T : class, IEquatable<T>
    {
        if (!fields.TryGetValue(key, out var field))
        {
            return EquatableArray<T>.Empty;
        }
        if (field.Value is not YamlSequenceNode sequence)
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(field.Value),
                $"“{key}”应为列表，每项以“- ”开头 / '{key}' must be a list whose items start with '- '"));
            return EquatableArray<T>.Empty;
        }
        var items = new List<T>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlMappingNode mapping)
            {
                var item = read(mapping);
                if (item is not null)
                {
                    items.Add(item);
                }
            }
            else
            {
                diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(child),
                    $"“{key}”中的每一项应为键值映射（id: …） / each item of '{key}' must be a mapping (id: …)"));
            }
        }
        return items.ToEquatableArray();
    }

    private ExpressionSyntax? Expression(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string key)
    {
        var located = Scalar(fields, key);
        if (located is null)
        {
            return null;
        }
        var scalar = (YamlScalarNode)fields[key].Value;
        var outcome = ExpressionGrammar.ParseExpression(located.Value);
        if (outcome.Expression is null && scalar.Style == ScalarStyle.Plain && LooksCut(located.Value) && CommentCut(scalar) is { } hash)
        {
            // check: mentions("other", "第 #1 号"): YAML takes " #…" for a comment, and the expression left is cut short.
            diagnostics.Add(RuleFileDiagnostics.ExpressionSyntax.At(map.Span(hash, hash + 1),
                "# 前有空格，YAML 把 # 及其后的内容当作注释删去了，表达式因此不完整；请把整个表达式用单引号括起来，如 check: '…' " +
                "(YAML took ' #' and what follows for a comment, cutting the expression short: quote the whole expression in single quotes)"));
            return new ExpressionSyntax(located.Value, located.Span, null);
        }
        if (outcome.Expression is null)
        {
            diagnostics.Add(RuleFileDiagnostics.ExpressionSyntax.At(map.ScalarSpan(scalar, outcome.ErrorOffset, outcome.ErrorOffset + 1), outcome.Error!));
            return new ExpressionSyntax(located.Value, located.Span, null);
        }
        return new ExpressionSyntax(located.Value, located.Span, Relocate(outcome.Expression, scalar));
    }

    private Expr Relocate(Expr expr, YamlScalarNode scalar)
    {
        var span = map.ScalarSpan(scalar, expr.Span.StartOffset, expr.Span.EndOffset);
        return expr switch
        {
            Binary b => b with { Left = Relocate(b.Left, scalar), Right = Relocate(b.Right, scalar), Span = span },
            Unary u => u with { Operand = Relocate(u.Operand, scalar), Span = span },
            Call c => c with { Arguments = c.Arguments.Select(a => Relocate(a, scalar)).ToEquatableArray(), Span = span },
            RangeArgument r => r with { From = (Reference)Relocate(r.From, scalar), To = (Reference)Relocate(r.To, scalar), Span = span },
            _ => expr with { Span = span },
        };
    }

    private MessageSyntax? Message(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> fields, string key)
    {
        var located = Scalar(fields, key);
        if (located is null)
        {
            return null;
        }
        var scalar = (YamlScalarNode)fields[key].Value;
        var text = located.Value;
        var parts = new List<MessagePart>();
        var literal = new System.Text.StringBuilder();
        var literalStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }
            if (c == '}')
            {
                diagnostics.Add(RuleFileDiagnostics.Structure.At(map.ScalarSpan(scalar, i, i + 1),
                    "消息中的“}”没有对应的“{”；要写花括号本身请写“}}” / unmatched '}' in message; write '}}' for a literal brace"));
                continue;
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                diagnostics.Add(RuleFileDiagnostics.Structure.At(map.ScalarSpan(scalar, i, i + 1),
                    "消息中的“{”没有对应的“}” / unmatched '{' in message; write '{{' for a literal brace"));
                break;
            }
            if (literal.Length > 0)
            {
                parts.Add(new MessagePart(literal.ToString(), false, map.ScalarSpan(scalar, literalStart, i)));
                literal.Clear();
            }
            parts.Add(new MessagePart(text.Substring(i + 1, close - i - 1).Trim(), true, map.ScalarSpan(scalar, i, close + 1)));
            i = close;
            literalStart = close + 1;
        }
        if (literal.Length > 0)
        {
            parts.Add(new MessagePart(literal.ToString(), false, map.ScalarSpan(scalar, literalStart, text.Length)));
        }
        return new MessageSyntax(text, located.Span, parts.ToEquatableArray());
    }
}
