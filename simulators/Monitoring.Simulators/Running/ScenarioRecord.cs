using System.Collections.Concurrent;
using System.Text.Json;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Simulators.Running;

/// <summary>What a run saw, as offsets from the scenario's start: alert events, refusals, commands.</summary>
public sealed class ScenarioRecord
{
    private readonly ConcurrentQueue<AlertObservation> _alerts = new();
    private readonly ConcurrentQueue<RejectedRecord> _rejected = new();

    public IReadOnlyList<AlertObservation> Alerts => [.. _alerts];

    public IReadOnlyList<RejectedRecord> Rejected => [.. _rejected];

    public void Add(AlertObservation observation) => _alerts.Enqueue(observation);

    public void Add(RejectedRecord record) => _rejected.Enqueue(record);

    /// <summary>
    /// Records an alert JSON. A raise counts from the host's `raisedAt` and a change from its
    /// `lastChangedAt` when present (the hub may deliver a step late); otherwise from <paramref name="now"/>.
    /// </summary>
    public void AddAlertJson(string source, JsonElement json, TimeSpan now, DateTimeOffset start)
    {
        if (AlertRecord.FromJson(json) is not { } alert)
        {
            return;
        }

        var happened = source == WardHubClient.AlertRaised ? alert.RaisedAt : alert.LastChangedAt;
        var at = happened is { } t && t >= start && t - start <= now ? t - start : now;
        Add(new AlertObservation(at, source, alert));
    }

    /// <summary>Records every alert of a GET /api/alerts answer or a GetWard result.</summary>
    public void AddAlertList(string source, JsonElement json, TimeSpan now)
    {
        var list = json.ValueKind switch
        {
            JsonValueKind.Array => json,
            JsonValueKind.Object when TryGet(json, "alerts", out var alerts) && alerts.ValueKind == JsonValueKind.Array => alerts,
            _ => default,
        };
        if (list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (AlertRecord.FromJson(item) is { } alert)
            {
                Add(new AlertObservation(now, source, alert));
            }
        }
    }

    /// <summary>Records a monitoring/rejected message.</summary>
    public void AddRejectedJson(ReadOnlySpan<byte> payload, TimeSpan now)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            var root = document.RootElement;
            var topic = TryGet(root, "topic", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
            var reason = TryGet(root, "reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() ?? "" : "";
            var suppressed = TryGet(root, "suppressed", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : 0;
            Add(new RejectedRecord(now, topic, reason, suppressed));
        }
        catch (JsonException)
        {
            Add(new RejectedRecord(now, "", "unreadable rejection report", 0));
        }
    }

    private static bool TryGet(JsonElement json, string name, out JsonElement value)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
