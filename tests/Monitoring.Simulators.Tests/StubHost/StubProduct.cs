using System.Text.Json.Nodes;

namespace Monitoring.Simulators.Tests.StubHost;

/// <summary>
/// A toy product behind the stub host: one rule (a pump over 30 mg/h raises CEILING and is commanded
/// back to 7 mL/h), refusals of unreadable messages, a virtual clock. Enough to drive the runner end to
/// end; the real rules are the host's.
/// </summary>
internal sealed class StubProduct
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _patients = [];
    private readonly Dictionary<string, string> _pumpOwner = [];
    private readonly List<StubAlert> _alerts = [];

    public DateTimeOffset Now { get; private set; } = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The largest gap seen between a device's `ts` and the virtual clock.</summary>
    public TimeSpan WorstDeviceSkew { get; private set; }

    public int ClockAdvances { get; private set; }

    public TimeSpan LongestAdvance { get; private set; }

    public Func<StubAlert, string, Task> Push { get; set; } = (_, _) => Task.CompletedTask;

    public Func<string, string, Task> Publish { get; set; } = (_, _) => Task.CompletedTask;

    public DateTimeOffset Advance(double seconds)
    {
        lock (_gate)
        {
            Now += TimeSpan.FromSeconds(seconds);
            ClockAdvances++;
            LongestAdvance = TimeSpan.FromSeconds(Math.Max(LongestAdvance.TotalSeconds, seconds));
            return Now;
        }
    }

    public void Admit(JsonObject admission)
    {
        lock (_gate)
        {
            var id = (string)admission["id"]!;
            _patients[id] = new JsonObject { ["id"] = id, ["wardId"] = (string?)admission["wardId"], ["discharged"] = false, ["pauseProtocol"] = new JsonObject { ["state"] = "running" } };
        }
    }

    public bool Associate(string patientId, string? pumpId)
    {
        lock (_gate)
        {
            if (!_patients.TryGetValue(patientId, out var patient))
            {
                return false;
            }

            if (pumpId is not null)
            {
                _pumpOwner[pumpId] = patientId;
                patient["pump"] = new JsonObject { ["pumpId"] = pumpId };
            }

            return true;
        }
    }

    public JsonObject? Patient(string id)
    {
        lock (_gate)
        {
            return _patients.TryGetValue(id, out var patient) ? patient.DeepClone().AsObject() : null;
        }
    }

    /// <summary>409 while the pump runs, as the contract says.</summary>
    public int Discharge(string id)
    {
        lock (_gate)
        {
            if (!_patients.TryGetValue(id, out var patient))
            {
                return 404;
            }

            if ((string?)patient["pump"]?["state"] == "running")
            {
                return 409;
            }

            patient["discharged"] = true;
            return 204;
        }
    }

    public IReadOnlyList<StubAlert> Alerts(bool resolved)
    {
        lock (_gate)
        {
            return [.. _alerts.Where(a => (a.State == "resolved") == resolved)];
        }
    }

    public async Task<bool> AcknowledgeAsync(string alertId)
    {
        StubAlert changed;
        lock (_gate)
        {
            var index = _alerts.FindIndex(a => a.Id == alertId);
            if (index < 0)
            {
                return false;
            }

            var alert = _alerts[index];
            changed = alert with { State = alert.State == "latched" ? "resolved" : "acknowledged", LastChangedAt = Now };
            _alerts[index] = changed;
        }

        await Push(changed, "alertChanged");
        return true;
    }

    public async Task OnDeviceMessageAsync(string topic, string payload)
    {
        var parts = topic.Split('/');
        if (parts[^1] == "cmd")
        {
            return; // the product's own commands
        }

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(payload) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            json = null;
        }

        if (json is null || json["schemaVersion"] is not JsonValue version || !version.TryGetValue<int>(out var v) || v != 1)
        {
            await Publish("monitoring/rejected", new JsonObject { ["topic"] = topic, ["reason"] = "unreadable", ["ts"] = Now.ToString("O") }.ToJsonString());
            return;
        }

        if (json["ts"] is JsonValue ts && DateTimeOffset.TryParse((string?)ts, System.Globalization.CultureInfo.InvariantCulture, out var stamped))
        {
            lock (_gate)
            {
                var skew = (stamped - Now).Duration();
                WorstDeviceSkew = skew > WorstDeviceSkew ? skew : WorstDeviceSkew;
            }
        }

        if (parts is ["devices", "pumps", var pumpId, "status"])
        {
            await OnPumpStatusAsync(pumpId, json);
        }
    }

    private async Task OnPumpStatusAsync(string pumpId, JsonObject status)
    {
        var rate = (decimal)status["rateMlPerHour"]!;
        var concentration = (decimal)status["concentrationMgPerMl"]!;
        var running = (string?)status["state"] == "running";
        var pushes = new List<(StubAlert Alert, string Event)>();
        string? command = null;
        lock (_gate)
        {
            if (!_pumpOwner.TryGetValue(pumpId, out var patientId))
            {
                return;
            }

            var patient = _patients[patientId];
            patient["pump"] = new JsonObject { ["pumpId"] = pumpId, ["state"] = (string?)status["state"], ["rateMlPerHour"] = rate };
            var over = running && rate * concentration > 30;
            var open = _alerts.FindIndex(a => a.PatientId == patientId && a.RuleId == "CEILING" && a.State != "resolved");
            if (over && open < 0)
            {
                var alert = new StubAlert($"a-{_alerts.Count + 1}", patientId, null, (string)patient["wardId"]!, "CEILING", "high", "clinical", "active", false, Now, Now);
                _alerts.Add(alert);
                pushes.Add((alert, "alertRaised"));
                command = new JsonObject { ["commandId"] = $"cmd-{_alerts.Count}", ["command"] = "setRate", ["rateMlPerHour"] = 7, ["patientId"] = patientId, ["ruleId"] = "CEILING", ["ts"] = Now.ToString("O"), ["expiresAt"] = Now.AddSeconds(10).ToString("O") }.ToJsonString();
            }
            else if (!over && open >= 0 && _alerts[open].State == "active")
            {
                _alerts[open] = _alerts[open] with { State = "latched", LastChangedAt = Now };
                pushes.Add((_alerts[open], "alertChanged"));
            }
        }

        foreach (var (alert, name) in pushes)
        {
            await Push(alert, name);
        }

        if (command is not null)
        {
            await Publish($"devices/pumps/{pumpId}/cmd", command);
        }
    }
}
