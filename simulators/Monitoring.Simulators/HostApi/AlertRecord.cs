using System.Globalization;
using System.Text.Json;

namespace Monitoring.Simulators.HostApi;

/// <summary>
/// The simulator's own view of an alert (REST's alert JSON and the hub's alert events): only what
/// expectations read, parsed leniently so added fields never break the runner.
/// </summary>
public sealed record AlertRecord
{
    public required string Id { get; init; }
    public string? PatientId { get; init; }
    public string? DeviceId { get; init; }
    public string? WardId { get; init; }
    public required string RuleId { get; init; }
    public string? Priority { get; init; }
    public string? Kind { get; init; }
    public required string State { get; init; }
    public bool Escalated { get; init; }
    public DateTimeOffset? RaisedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>An extension some hosts add; used for when a change happened when present.</summary>
    public DateTimeOffset? LastChangedAt { get; init; }

    public string? Message { get; init; }

    public static AlertRecord? FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var id = Text(json, "id");
        var rule = Text(json, "ruleId");
        var state = Text(json, "state");
        if (id is null || rule is null || state is null)
        {
            return null;
        }

        return new AlertRecord
        {
            Id = id,
            PatientId = Text(json, "patientId"),
            DeviceId = Text(json, "deviceId"),
            WardId = Text(json, "wardId"),
            RuleId = rule.ToUpperInvariant(),
            Priority = Text(json, "priority")?.ToLowerInvariant(),
            Kind = Text(json, "kind")?.ToLowerInvariant(),
            State = state.ToLowerInvariant(),
            Escalated = Property(json, "escalated") is { ValueKind: JsonValueKind.True },
            RaisedAt = Time(json, "raisedAt"),
            AcknowledgedAt = Time(json, "acknowledgedAt"),
            LastChangedAt = Time(json, "lastChangedAt"),
            Message = Text(json, "message"),
        };
    }

    // Case-insensitive: the contract reads names case-insensitively, so a host may write either.
    private static JsonElement? Property(JsonElement json, string name)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement json, string name) =>
        Property(json, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement json, string name) =>
        Text(json, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
