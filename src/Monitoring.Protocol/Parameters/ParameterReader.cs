using System.Text.Json;

namespace Monitoring.Protocol.Parameters;

/// <summary>
/// Reads <c>{ "value": ..., "source": "..." }</c> entries by JSON path, collecting one error per bad
/// field instead of stopping at the first, so an operator sees every problem in one start-up.
/// Numbers are read with <see cref="JsonElement.GetDecimal"/>: straight from the text, never via double.
/// </summary>
internal sealed class ParameterReader(JsonElement root)
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public void Fail(string path, string reason) => _errors.Add($"{path}: {reason}");

    public decimal Decimal(string path, decimal? min = null, decimal? max = null)
    {
        if (Value(path) is not { } value)
        {
            return 0m;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            Fail(path, $"must be a number, found {Describe(value)}");
            return 0m;
        }

        if (number < min || number > max)
        {
            Fail(path, $"{number} is outside {min?.ToString() ?? "-inf"}..{max?.ToString() ?? "+inf"}");
        }

        return number;
    }

    public decimal Positive(string path)
    {
        var number = Decimal(path);
        if (number <= 0m && Value(path, report: false) is { ValueKind: JsonValueKind.Number })
        {
            Fail(path, $"must be greater than 0, found {number}");
        }

        return number;
    }

    public int Int(string path)
    {
        var number = Decimal(path);
        if (number != decimal.Truncate(number))
        {
            Fail(path, $"must be a whole number, found {number}");
        }

        return (int)decimal.Truncate(number);
    }

    public TimeSpan Seconds(string path) => TimeSpan.FromSeconds((double)Positive(path));

    public TimeSpan Minutes(string path) => TimeSpan.FromMinutes((double)Positive(path));

    public TimeSpan Hours(string path) => TimeSpan.FromHours((double)Positive(path));

    /// <summary>A non-blank string (its meaning, such as a time zone id, is checked by the caller that knows it).</summary>
    public string Text(string path)
    {
        if (Value(path) is not { } value)
        {
            return "";
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Fail(path, $"must be a non-empty string, found {Describe(value)}");
            return "";
        }

        return value.GetString()!.Trim();
    }

    public bool Bool(string path)
    {
        if (Value(path) is not { } value)
        {
            return false;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail(path, $"must be true or false, found {Describe(value)}");
            return false;
        }

        return value.GetBoolean();
    }

    public IReadOnlyList<decimal> DecimalList(string path)
    {
        if (Value(path) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(path, $"must be an array of numbers, found {Describe(value)}");
            return [];
        }

        var list = new List<decimal>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDecimal(out var number))
            {
                Fail(path, $"must hold only numbers, found {Describe(item)}");
                continue;
            }

            list.Add(number);
        }

        return list;
    }

    /// <summary>A NEWS2 chart row: ascending <c>atOrBelow</c> bands closed by one open band.</summary>
    public IReadOnlyList<ScoreBand> Bands(string path)
    {
        if (Entry(path) is not { } entry)
        {
            return [];
        }

        RequireSource(path, entry);
        if (!entry.TryGetProperty("bands", out var bands) || bands.ValueKind != JsonValueKind.Array || bands.GetArrayLength() == 0)
        {
            Fail(path, "must have a non-empty \"bands\" array");
            return [];
        }

        var list = new List<ScoreBand>();
        decimal? previous = null;
        var index = 0;
        foreach (var band in bands.EnumerateArray())
        {
            var bandPath = $"{path}.bands[{index}]";
            var isLast = index == bands.GetArrayLength() - 1;
            index++;
            if (!band.TryGetProperty("score", out var scoreElement) || !scoreElement.TryGetInt32(out var score) || score < 0)
            {
                Fail(bandPath, "must have a whole, non-negative \"score\"");
                continue;
            }

            decimal? atOrBelow = null;
            if (band.TryGetProperty("atOrBelow", out var limit))
            {
                if (limit.ValueKind != JsonValueKind.Number || !limit.TryGetDecimal(out var number))
                {
                    Fail(bandPath, "\"atOrBelow\" must be a number");
                    continue;
                }

                if (number <= previous)
                {
                    Fail(bandPath, "\"atOrBelow\" must be above the previous band's");
                }

                atOrBelow = previous = number;
            }

            if (isLast != (atOrBelow is null))
            {
                Fail(bandPath, isLast ? "the last band must be open (no \"atOrBelow\")" : "only the last band may omit \"atOrBelow\"");
            }

            list.Add(new ScoreBand(atOrBelow, score));
        }

        return list;
    }

    private JsonElement? Value(string path, bool report = true)
    {
        if (Entry(path, report) is not { } entry)
        {
            return null;
        }

        if (report)
        {
            RequireSource(path, entry);
        }

        if (!entry.TryGetProperty("value", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (report)
            {
                Fail(path, "has no \"value\"");
            }

            return null;
        }

        return value;
    }

    private JsonElement? Entry(string path, bool report = true)
    {
        var current = root;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                if (report)
                {
                    Fail(path, "is missing");
                }

                return null;
            }
        }

        if (current.ValueKind != JsonValueKind.Object)
        {
            if (report)
            {
                Fail(path, "must be an object with \"value\" and \"source\"");
            }

            return null;
        }

        return current;
    }

    private void RequireSource(string path, JsonElement entry)
    {
        if (!entry.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(source.GetString()))
        {
            Fail(path, "has no \"source\" saying where the number comes from");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
