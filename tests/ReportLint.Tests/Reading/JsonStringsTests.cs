using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportLint.Reading;

namespace ReportLint.Tests.Reading;

/// <summary>
/// Sections are decoded from the file's bytes without tokenizing them a second time (<see cref="JsonStrings.Decode"/>);
/// the text must be exactly what <see cref="Utf8JsonReader.GetString"/> gives for the same JSON string.
/// </summary>
public class JsonStringsTests
{
    public static TheoryData<string> Texts => new()
    {
        "",
        "plain ASCII",
        "本年度收到政府信息公开申请 21 件。",
        "第一行\n第二行\t制表\r回车",
        "引号 \" 反斜杠 \\ 斜杠 / 退格 \b 换页 \f 控制 \u0001",
        "\\u0041 is text, not an escape",
        "表情 😀 与 𠀋（四字节）",
        "\n",
        "\\",
        "ends with an escape\n",
        new string('中', 300) + "\n" + new string('a', 300),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Each_text_decodes_as_the_json_reader_decodes_it_whichever_way_it_is_escaped(string text)
    {
        foreach (var json in Encodings(text))
        {
            JsonStrings.Decode(json, Prefix.Length).ShouldBe(ReaderDecode(json), $"JSON: {Encoding.UTF8.GetString(json)}");
        }
    }

    [Fact]
    public void Random_texts_of_every_kind_of_character_decode_as_the_json_reader_decodes_them()
    {
        string[] pieces = ["a", " ", "中", "。", "😀", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f", "\u3000", "\u2028", "é", "u", "0"];
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, i % 10 == 0 ? 2000 : 40);
            while (text.Length < length)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }
            foreach (var json in Encodings(text.ToString()))
            {
                JsonStrings.Decode(json, Prefix.Length).ShouldBe(text.ToString());
            }
        }
    }

    private const string Prefix = "{\"s\":";

    /// <summary>
    /// The text as a JSON string value inside an object: non-ASCII written as is; all of it as \u escapes; and those
    /// escapes in lower-case hex, which JSON allows as well.
    /// </summary>
    private static IEnumerable<byte[]> Encodings(string text)
    {
        var relaxed = JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var escaped = JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });
        var lowerHex = Regex.Replace(escaped, @"(?<!\\)((?:\\\\)*)\\u([0-9A-F]{4})", m => m.Groups[1].Value + "\\u" + m.Groups[2].Value.ToLowerInvariant());
        foreach (var value in new[] { relaxed, escaped, lowerHex })
        {
            yield return Encoding.UTF8.GetBytes(Prefix + value + ",\"t\":\"after\"}");
        }
    }

    private static string ReaderDecode(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        reader.Read();
        return reader.GetString()!;
    }
}
