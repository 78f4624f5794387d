using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Monitoring.Ingest.Parsing;

/// <summary>
/// Reads one payload's fields by their exact camelCase names and refuses, naming the field, at the first that
/// cannot be read. Numbers are taken as decimal straight from the JSON text, never through double.
/// A JSON null in an optional field reads as absent.
/// </summary>
internal sealed partial class JsonFieldReader(JsonElement root)
{
    /// <summary>Echoed strings are cut short: a refusal reason is for diagnosis, not a copy of the payload.</summary>
    private const int MaxEchoLength = 40;

    /// <summary>
    /// The longest string field (ids, names): the same 128 characters as an id in a REST path (interfaces.md). A 5 MB
    /// "id" would otherwise be stored, charted and pushed to every screen.
    /// </summary>
    public const int MaxStringLength = 128;

    public bool Has(string name) => root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null;

    public decimal RequiredNumber(string name) =>
        root.TryGetProperty(name, out var e) ? Number(name, e) : throw Missing(name);

    public decimal? OptionalNumber(string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? Number(name, e) : null;

    public string RequiredString(string name)
    {
        if (!root.TryGetProperty(name, out var e))
        {
            throw Missing(name);
        }

        return e.ValueKind == JsonValueKind.String && e.GetString() is { } s && !string.IsNullOrWhiteSpace(s)
            ? Bounded(name, s)
            : throw Refuse(name, "must be a non-empty string");
    }

    public string? OptionalString(string name)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return e.ValueKind == JsonValueKind.String ? Bounded(name, e.GetString()!) : throw Refuse(name, "must be a string or null");
    }

    private static string Bounded(string name, string value) =>
        value.Length <= MaxStringLength ? value : throw Refuse(name, $"is {value.Length} characters long, above the limit of {MaxStringLength}");

    public bool RequiredBool(string name)
    {
        if (!root.TryGetProperty(name, out var e))
        {
            throw Missing(name);
        }

        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Refuse(name, "must be true or false"),
        };
    }

    public T RequiredEnum<T>(string name, TryParseEnum<T> parse, string noun)
        where T : struct, Enum =>
        root.TryGetProperty(name, out var e) ? ReadEnum(name, e, parse, noun) : throw Missing(name);

    public T? OptionalEnum<T>(string name, TryParseEnum<T> parse, string noun)
        where T : struct, Enum =>
        root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? ReadEnum(name, e, parse, noun) : null;

    /// <summary>A non-negative whole number (seq): read as decimal so 1e3 and 7.0 are whole numbers too.</summary>
    public long RequiredCounter(string name)
    {
        if (!root.TryGetProperty(name, out var e))
        {
            throw Missing(name);
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var d) || d < 0 || d != decimal.Truncate(d) || d > long.MaxValue)
        {
            throw Refuse(name, "must be a non-negative integer");
        }

        return (long)d;
    }

    public DateTimeOffset RequiredTimestamp(string name) =>
        root.TryGetProperty(name, out var e) ? Timestamp(name, e) : throw Missing(name);

    public DateTimeOffset? OptionalTimestamp(string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? Timestamp(name, e) : null;

    public static PayloadRefusedException Refuse(string name, string detail) => new(Refusal.Of(name, detail));

    public static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A device's string, quoted, cut short and without control characters.</summary>
    public static string Quote(string? text) => $"'{Cut(text)}'";

    /// <summary>A device's text cut short and without control characters: a number of a million digits is echoed as its first 40.</summary>
    public static string Cut(string? text)
    {
        text ??= "";
        var builder = new StringBuilder(Math.Min(text.Length, MaxEchoLength) + 1);
        foreach (var c in text.Take(MaxEchoLength))
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        if (text.Length > MaxEchoLength)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    private static PayloadRefusedException Missing(string name) => Refuse(name, "is missing");

    private static decimal Number(string name, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Number)
        {
            throw Refuse(name, "must be a number");
        }

        // Valid JSON has no NaN or Infinity; what decimal cannot hold (1e400) is the non-finite case here.
        return e.TryGetDecimal(out var value) ? value : throw Refuse(name, $"{Cut(e.GetRawText())} is not a finite number");
    }

    private static T ReadEnum<T>(string name, JsonElement e, TryParseEnum<T> parse, string noun)
        where T : struct, Enum
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            throw Refuse(name, "must be a string");
        }

        var text = e.GetString();
        return parse(text, out var value) ? value : throw Refuse(name, $"{Quote(text)} is not {noun}");
    }

    private static DateTimeOffset Timestamp(string name, JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String && e.GetString() is { } text && IsoWithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        throw Refuse(name, "must be an ISO-8601 time with Z or an offset");
    }

    /// <summary>Date, time and an explicit zone: a time without one would be read in the server's zone.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoWithOffset();
}
