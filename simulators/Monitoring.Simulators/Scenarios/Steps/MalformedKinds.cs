namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>The unreadable messages a `malformed` step can send; each must be refused, never applied.</summary>
public static class MalformedKinds
{
    /// <summary>Not JSON at all.</summary>
    public const string BadJson = "bad-json";

    /// <summary>A number where text is expected and text where a number is.</summary>
    public const string WrongTypes = "wrong-types";

    /// <summary>A schemaVersion the product does not know.</summary>
    public const string UnknownSchema = "unknown-schema";

    /// <summary>A negative rate (pump) or an impossible reading (monitor).</summary>
    public const string ImpossibleValue = "impossible-value";

    /// <summary>NaN written into a number field.</summary>
    public const string NonFinite = "non-finite";

    public static IReadOnlyList<string> All { get; } = [BadJson, WrongTypes, UnknownSchema, ImpossibleValue, NonFinite];
}
