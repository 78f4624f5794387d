using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monitoring.Protocol.Parameters;

/// <summary>
/// Every numeric ward default carries a plausible <c>"range": [min, max]</c> beside its value. The protocol
/// file's own value and every ward file's override must lie within it (each number of a list value), so a
/// ward file cannot set an escalation of an hour or a delay of zero. Errors name the key and the range.
/// </summary>
internal static class WardDefaultRanges
{
    /// <summary>Whether a ward file may override this entry: its source marks it a ward default, or it is the ward's mode.</summary>
    public static bool IsOverridable(string sectionName, string? source) =>
        (source ?? "").Contains("ward default", StringComparison.OrdinalIgnoreCase) || sectionName == "ward";

    /// <summary>The protocol file: each numeric ward default has a well-formed range and a value inside it.</summary>
    public static void CheckProtocol(JsonElement root, ParameterReader r)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var section in root.EnumerateObject().Where(s => s.Name != "rules" && s.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var entry in section.Value.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Object))
            {
                var path = $"{section.Name}.{entry.Name}";
                var source = entry.Value.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (!IsOverridable(section.Name, source) || !entry.Value.TryGetProperty("value", out var value) || Numbers(value) is not { } numbers)
                {
                    continue;
                }

                if (!entry.Value.TryGetProperty("range", out var range))
                {
                    r.Fail(path, "is a ward default and needs a plausible \"range\": [min, max]");
                    continue;
                }

                if (Range(range) is not { } bounds)
                {
                    r.Fail($"{path}.range", "must be [min, max]: two numbers, min not above max");
                    continue;
                }

                foreach (var number in numbers.Where(n => n < bounds.Min || n > bounds.Max))
                {
                    r.Fail(path, OutsideRange(number, bounds));
                }
            }
        }
    }

    /// <summary>A ward file's override of <paramref name="entry"/>: each number must lie within the entry's range.</summary>
    public static void CheckOverride(string path, JsonObject entry, JsonNode? value, List<string> errors)
    {
        if (value is null || entry["range"] is not { } rangeNode)
        {
            return; // a malformed value is reported by the parse; a ward default without a range by the protocol check
        }

        using var rangeDocument = JsonDocument.Parse(rangeNode.ToJsonString());
        using var valueDocument = JsonDocument.Parse(value.ToJsonString());
        if (Range(rangeDocument.RootElement) is not { } bounds || Numbers(valueDocument.RootElement) is not { } numbers)
        {
            return;
        }

        foreach (var number in numbers.Where(n => n < bounds.Min || n > bounds.Max))
        {
            errors.Add($"{path}: {OutsideRange(number, bounds)} (the protocol file's plausible range for this ward default)");
        }
    }

    private static string OutsideRange(decimal number, (decimal Min, decimal Max) bounds) => string.Create(CultureInfo.InvariantCulture,
        $"{number} is outside its range {bounds.Min}..{bounds.Max}");

    /// <summary>The numbers of a number or a list of numbers; null for anything else (booleans, text, the reader's errors).</summary>
    private static List<decimal>? Numbers(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var single))
        {
            return [single];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<decimal>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDecimal(out var number))
            {
                return null;
            }

            list.Add(number);
        }

        return list;
    }

    private static (decimal Min, decimal Max)? Range(JsonElement range) =>
        range.ValueKind == JsonValueKind.Array && range.GetArrayLength() == 2
        && range[0].ValueKind == JsonValueKind.Number && range[0].TryGetDecimal(out var min)
        && range[1].ValueKind == JsonValueKind.Number && range[1].TryGetDecimal(out var max) && min <= max
            ? (min, max)
            : null;
}
