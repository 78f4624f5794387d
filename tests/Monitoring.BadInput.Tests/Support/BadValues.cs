using CsCheck;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>Raw JSON (and not-quite-JSON) to put where a field's value goes.</summary>
public static class BadValues
{
    public static readonly string[] TypeSwaps =
    [
        "\"7\"", "\"abc\"", "true", "false", "[]", "{}", "[1,2]", "{\"value\":1}", "0", "1", "-1", "\"\"", "\" \"", "\"\\t\"", "null",
        "[null]", "[\"running\"]", "{\"\":null}",
    ];

    public static readonly string[] NonFiniteStrings =
    [
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"+Infinity\"", "\"nan\"", "\"inf\"", "\"\u221E\"", "\"1e400\"", "\"-0\"",
    ];

    /// <summary>Not JSON at all where a value goes: the whole payload becomes bad JSON.</summary>
    public static readonly string[] NotJson =
    [
        "NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1_000", "'a'", "undefined", "tru", "nul", "\"unterminated", "1e", "--1",
        "\"a\"\"b\"", "[1,]", "{\"a\"}", "\"\\x41\"", "\"\\u12\"",
    ];

    public static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "1e-400", "1E+28", "1e29", "79228162514264337593543950335", "79228162514264337593543950336",
        "-79228162514264337593543950336", "7922816251426433759354395033.5", "9223372036854775807", "9223372036854775808",
        "9223372036854775807.0", "0.0000000000000000000000000001", "0.00000000000000000000000000001", "1.00000000000000000000000000001",
        "-0", "-0.0", "0e0", "1e-28", "123456789012345678901234567890", "4.9e-324", "1.7976931348623157e308",
    ];

    public static readonly string[] OddStrings =
    [
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"x\\ud83d\"", "\"\u00e9\"", "\"\\u00e9\"", "\"runnin\"", "\"running \"", "\" running\"",
        "\"run ning\"", "\"RUNN\u0130NG\"", "\"air_in_line\"", "\"airinline\"", "\"AirInLine\"", "\"Air-In-Line\"", "\"none\"", "\"Running,Paused\"",
        "\"0\"", "\"1\"", "\"-1\"", "\"ketamine\"", "\"KETAMINE\"", "\"midazolam\"", "\"ket\u0430mine\"", "\"A\"", "\"a\"", "\"AV\"", "\"\"",
        "\"2025-02-30T10:00:00Z\"", "\"2025-03-01 10:00:00Z\"", "\"2025-03-01T10:00:00\"", "\"2025-03-01T25:00:00Z\"",
        "\"2025-03-01T10:00:00+25:00\"", "\"2025-03-01T10:00:00.12345678Z\"", "\"10:00\"", "\"1741000000\"", "\"9999-12-31T23:59:59-14:00\"",
        "\"0001-01-01T00:00:00+14:00\"", "\"2025-03-01T10:00Z\"", "\"2025-03-01T10:00:00.1+05:30\"", "\"\uff12025-03-01T10:00:00Z\"",
        "\"2025-03-01T10:00:00z\"", "\"2025-03-01t10:00:00Z\"", "\"true\"", "\"false\"", "\"pain\"", "\"hallucination\"",
    ];

    /// <summary>Any raw value, bad or good, for a field: what a careless or hostile device might send.</summary>
    public static Gen<string> For(PayloadField field, string routeId) => Gen.Frequency(
        (3, Gen.OneOf(TypeSwaps)),
        (2, Gen.OneOf(NonFiniteStrings)),
        (2, Gen.OneOf(NotJson)),
        (3, Gen.OneOf(HugeNumbers)),
        (4, Gen.OneOf(OddStrings)),
        (4, Edges(field)),
        (2, Nesting(Gen.Int[1, 50])),
        (1, Nesting(Gen.Int[70, 3000])),
        (2, RandomJson.Value),
        (3, ValidPayloads.Value(field, routeId).Select(v => v.Raw)));

    /// <summary>Numbers at and just beyond the field's range.</summary>
    public static Gen<string> Edges(PayloadField field)
    {
        var max = field.Max ?? 1_000_000m;
        decimal[] steps = [0.0000000001m, 0.01m, 1m, 1000m];
        decimal[] points = [field.Min, max, 0m];
        return Gen.Select(Gen.OneOf(points), Gen.OneOf(steps), Gen.Int[-1, 1])
            .Select((point, step, direction) => Json.Number(point + (direction * step)));
    }

    /// <summary>Arrays or objects nested to the given depth.</summary>
    public static Gen<string> Nesting(Gen<int> depth) => Gen.Select(depth, Gen.Bool).Select((d, arrays) =>
        arrays ? new string('[', d) + new string(']', d) : string.Concat(Enumerable.Repeat("{\"a\":", d)) + "1" + new string('}', d));
}
