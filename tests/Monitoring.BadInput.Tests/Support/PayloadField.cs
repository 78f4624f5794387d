namespace Monitoring.BadInput.Tests.Support;

/// <summary>One field of a payload kind, as the contract states it.</summary>
/// <param name="Name">The wire name (camelCase, read exactly).</param>
/// <param name="Min">Numbers: the lowest a device can send (inclusive unless <paramref name="MinExclusive"/>).</param>
/// <param name="Max">Numbers: the highest; null when the contract sets no upper bound.</param>
/// <param name="Whole">Numbers on a whole-number scale (NRS, RASS).</param>
/// <param name="Carried">False when the parsed message does not carry the value (checked, then dropped).</param>
/// <param name="EmptyIsAbsent">An empty string reads as absent (lastCommandId).</param>
public sealed record PayloadField(
    string Name,
    FieldType Type,
    bool Required,
    decimal Min = 0m,
    decimal? Max = null,
    bool MinExclusive = false,
    bool Whole = false,
    IReadOnlyList<string>? Choices = null,
    bool Carried = true,
    bool EmptyIsAbsent = false,
    decimal? Default = null)
{
    public static PayloadField Number(string name, bool required, decimal min, decimal? max, bool whole = false) =>
        new(name, FieldType.Number, required, min, max, Whole: whole);

    public static PayloadField Choice(string name, bool required, params string[] choices) =>
        new(name, FieldType.Choice, required, Choices: choices);

    public static PayloadField Text(string name, bool required) => new(name, FieldType.Text, required);
}
