using CsCheck;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// A request body as raw fields, and its mutations: a field left out, given a bad value, duplicated or unknown; the
/// body truncated, not an object, random, or holding a huge string.
/// </summary>
public static class JsonFields
{
    public static string Render(IEnumerable<(string Name, string Raw)> fields) =>
        "{" + string.Join(",", fields.Select(f => $"{Json.Quote(f.Name)}:{f.Raw}")) + "}";

    /// <summary>Any raw value: bad or odd JSON of every sort, or not JSON at all.</summary>
    public static Gen<string> AnyValue { get; } = Gen.Frequency(
        (3, Gen.OneOf(BadValues.TypeSwaps)),
        (1, Gen.OneOf(BadValues.NonFiniteStrings)),
        (1, Gen.OneOf(BadValues.NotJson)),
        (2, Gen.OneOf(BadValues.HugeNumbers)),
        (3, Gen.OneOf(BadValues.OddStrings)),
        (1, BadValues.Nesting(Gen.Int[1, 40])),
        (1, BadValues.Nesting(Gen.Int[70, 2000])),
        (2, RandomJson.Value));

    /// <summary>The body as given (one time in eight), or mutated.</summary>
    public static Gen<string> Mutated(IReadOnlyList<(string Name, string Raw)> fields) => Gen.Int[0, 9].SelectMany(way => way switch
    {
        0 => Gen.Const(Render(fields)),
        1 when fields.Count > 0 => Gen.Int[0, fields.Count - 1].Select(i => Render(fields.Where((_, j) => j != i))),
        2 or 3 when fields.Count > 0 => Gen.Select(Gen.Int[0, fields.Count - 1], AnyValue).Select((i, raw) => Render(fields.Select((f, j) => j == i ? (f.Name, raw) : f))),
        4 => Gen.Select(ValidPayloads.Text, RandomJson.Value).Select((name, raw) => Render([.. fields, (name, raw)])),
        5 when fields.Count > 0 => Gen.Int[0, fields.Count - 1].Select(i => Render([.. fields, fields[i]])),
        6 => Gen.Int[0, Math.Max(0, Render(fields).Length - 1)].Select(cut => Render(fields)[..cut]),
        7 => Gen.OneOf(Gen.String[Gen.Char["{}[]\":,0123456789.eE-+ truefalsnl\\u"], 0, 120], RandomJson.Value),
        8 when fields.Count > 0 => Gen.Select(Gen.Int[0, fields.Count - 1], Gen.Int[10_000, 300_000]).Select((i, size) =>
            Render(fields.Select((f, j) => j == i ? (f.Name, Json.Quote(new string('x', size))) : f))),
        _ => Gen.OneOf("[]", "null", "\"text\"", "42", "[" + Render(fields) + "]", ""),
    });
}
