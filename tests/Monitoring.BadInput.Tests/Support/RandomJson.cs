using CsCheck;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>Small random JSON values (valid JSON, no duplicate keys).</summary>
public static class RandomJson
{
    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.OneOf("null", "true", "false", "0", "-1", "3.25", "1e3", "\"\"", "\"x\""),
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0"),
        ValidPayloads.Text.Select(Json.Quote));

    public static Gen<string> Value { get; } = Depth(3);

    private static Gen<string> Depth(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, Depth(depth - 1).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Depth(depth - 1).Array[0, 4].Select(items => "{" + string.Join(",", items.Select((v, i) => $"\"k{i}\":{v}")) + "}")));
}
