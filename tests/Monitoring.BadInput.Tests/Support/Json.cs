using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>Raw JSON texts for drafts.</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON string, non-ASCII escaped as \uXXXX (the serializer's default).</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>A JSON string with non-ASCII written as UTF-8 as it is.</summary>
    public static string QuoteRaw(string text) => JsonSerializer.Serialize(text, Relaxed);

    public static string Number(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>For a failure message: the text, cut short, control characters shown.</summary>
    public static string Show(string text, int max = 400)
    {
        var cut = text.Length > max ? text[..max] + $"... ({text.Length} chars)" : text;
        return string.Concat(cut.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
    }
}
