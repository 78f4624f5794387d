using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Simulators.Scenarios;
using Monitoring.Simulators.Scenarios.Expectations;

namespace Monitoring.Simulators.Running;

/// <summary>Checks expectations against what a run recorded; pure, so it is tested without a host.</summary>
public static class ExpectationEvaluator
{
    private const string Resolved = "resolved";

    public static ExpectationResult Evaluate(AlertExpectation expectation, IReadOnlyList<AlertObservation> observations, ScenarioIds ids)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(ids);
        var patient = expectation.PatientId is { } p ? ids.Of(p) : null;
        var device = expectation.DeviceId is { } d ? ids.Of(d) : null;
        var matching = observations
            .Where(o => string.Equals(o.Alert.RuleId, expectation.RuleId, StringComparison.OrdinalIgnoreCase)
                && (patient is null || o.Alert.PatientId == patient)
                && (device is null || o.Alert.DeviceId == device))
            .GroupBy(o => o.Alert.Id)
            .Select(g => g.OrderBy(o => o.At).ToList())
            .ToList();

        var openInWindow = matching.Where(history => WasOpen(history, expectation.From, expectation.By)).ToList();
        if (!expectation.Present)
        {
            return Result(expectation, openInWindow.Count == 0, openInWindow.Count == 0 ? Seen(matching) : $"open: {Seen(openInWindow)}");
        }

        if (openInWindow.Count == 0)
        {
            return Result(expectation, false, matching.Count == 0 ? "never raised" : $"not open in the window: {Seen(matching)}");
        }

        foreach (var history in openInWindow)
        {
            var latest = history.Where(o => o.At <= expectation.By).LastOrDefault();
            if (latest is null)
            {
                continue;
            }

            var stateOk = expectation.State is null || string.Equals(latest.Alert.State, expectation.State, StringComparison.OrdinalIgnoreCase);
            var priorityOk = expectation.Priority is null || string.Equals(latest.Alert.Priority, expectation.Priority, StringComparison.OrdinalIgnoreCase);
            var escalatedOk = expectation.Escalated is null || latest.Alert.Escalated == expectation.Escalated;
            if (stateOk && priorityOk && escalatedOk)
            {
                return Result(expectation, true, Seen([history]));
            }
        }

        return Result(expectation, false, Seen(openInWindow));
    }

    /// <summary>An expected value written `@id` is a scenario id, compared as the host knows it (prefixed).</summary>
    public static ExpectationResult Evaluate(PatientStateExpectation expectation, JsonNode? snapshot, ScenarioIds ids)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(ids);
        if (snapshot is null)
        {
            return Result(expectation, false, "no snapshot (GET /api/patients/{id} failed)");
        }

        var expected = expectation.ExpectedValue.StartsWith('@') ? ids.Of(expectation.ExpectedValue[1..]) : expectation.ExpectedValue;
        var found = TryResolve(snapshot, expectation.Path, out var value);
        var actual = !found || value is null ? "null" : value is JsonValue v ? Text(v) : value.ToJsonString();
        return Result(expectation, Same(actual, expected), actual);
    }

    public static ExpectationResult Evaluate(PumpCommandExpectation expectation, IReadOnlyList<CommandObservation> commands, ScenarioIds ids)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(ids);
        var pump = ids.Of(expectation.PumpId);
        var inWindow = commands.Where(c => c.PumpId == pump && c.At >= expectation.From && c.At <= expectation.By).ToList();
        var matching = inWindow.Where(c =>
            (expectation.Command is null || string.Equals(c.Command.Command, expectation.Command, StringComparison.OrdinalIgnoreCase))
            && (expectation.RateMlPerHour is null || c.Command.RateMlPerHour == expectation.RateMlPerHour)
            && (expectation.Result is null || c.Command.Result == expectation.Result)).ToList();
        var seen = inWindow.Count == 0
            ? "no command"
            : string.Join("; ", inWindow.Select(c => $"{c.Command.Command}{(c.Command.RateMlPerHour is { } r ? " " + r.ToString(CultureInfo.InvariantCulture) : "")} -> {c.Command.Result ?? "no answer"} at {DurationParser.Format(c.At)}"));
        return Result(expectation, expectation.Present ? matching.Count > 0 : matching.Count == 0, seen);
    }

    public static ExpectationResult Evaluate(RejectedExpectation expectation, IReadOnlyList<RejectedRecord> rejected, ScenarioIds ids)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(ids);
        var segment = expectation.DeviceId is { } d ? $"/{ids.Of(d)}/" : null;
        var count = rejected
            .Where(r => r.At <= expectation.By && (segment is null || r.Topic.Contains(segment, StringComparison.Ordinal)))
            .Sum(r => 1 + r.Suppressed);
        var passed = count >= expectation.AtLeast && (expectation.AtMost is not { } max || count <= max);
        return Result(expectation, passed, $"{count} refused");
    }

    /// <summary>Dotted path with `[n]` indexes; property names matched case-insensitively.</summary>
    public static bool TryResolve(JsonNode root, string path, out JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        value = root;
        foreach (var raw in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw;
            var indexes = new List<int>();
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                foreach (var part in segment[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        value = null;
                        return false;
                    }

                    indexes.Add(index);
                }

                segment = segment[..bracket];
            }

            if (segment.Length > 0)
            {
                if (value is not JsonObject obj)
                {
                    value = null;
                    return false;
                }

                var property = obj.FirstOrDefault(kv => string.Equals(kv.Key, segment, StringComparison.OrdinalIgnoreCase));
                if (property.Key is null)
                {
                    value = null;
                    return false;
                }

                value = property.Value;
            }

            foreach (var index in indexes)
            {
                if (value is not JsonArray array || index >= array.Count)
                {
                    value = null;
                    return false;
                }

                value = array[index];
            }
        }

        return true;
    }

    // An alert was open in [from, by] if it was seen open inside the window or was still open entering it.
    private static bool WasOpen(List<AlertObservation> history, TimeSpan from, TimeSpan by)
    {
        if (history.Any(o => o.At >= from && o.At <= by && o.Alert.State != Resolved))
        {
            return true;
        }

        var before = history.LastOrDefault(o => o.At < from);
        return before is not null && before.Alert.State != Resolved;
    }

    private static string Seen(IEnumerable<List<AlertObservation>> histories)
    {
        var parts = histories.Select(h =>
        {
            var first = h[0];
            var last = h[^1];
            return $"{first.Alert.State} at {DurationParser.Format(first.At)}" + (ReferenceEquals(first, last) ? "" : $", {last.Alert.State} at {DurationParser.Format(last.At)}") + (last.Alert.Priority is { } p ? $" ({p})" : "");
        }).ToList();
        return parts.Count == 0 ? "none" : string.Join("; ", parts);
    }

    private static string Text(JsonValue value) => value.TryGetValue<string>(out var s) ? s : value.ToJsonString();

    private static bool Same(string actual, string expected)
    {
        if (string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            && a == e;
    }

    private static ExpectationResult Result(Expectation expectation, bool passed, string observed) =>
        new("expect", expectation.Line, expectation.Describe(), passed, observed);
}
