using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Grains.Configuration;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;
using Monitoring.Scenarios.Tests.Support;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Scenarios.Tests;

/// <summary>
/// The test-only clock of the contract (interfaces.md): POST /test/clock/advance fires every deadline inside the step,
/// each at its own instant and in order, before it answers; GET /test/clock reads it; only a charge nurse moves it.
/// </summary>
[Collection(VirtualClockHostCollection.Name)]
public sealed class VirtualClockTests(VirtualClockHostFixture host)
{
    private const string WardId = "ward-a";

    private ProtocolParameters Parameters => host.Factory.Services.GetRequiredService<WardRegistry>().ParametersFor(WardId);

    [Fact]
    public async Task A_deadline_inside_the_step_has_fired_when_the_advance_returns()
    {
        using var charge = await host.SignIn(VirtualClockHostFixture.Charge);
        var patient = await AdmitWithDevices(charge, monitor: false);
        var lostAfter = Parameters.Comms.PumpLostAfter;
        var start = await Now(charge);
        await using var device = await RawDevice.Connect(host.Factory.MqttPort);
        await device.PausedPumpStatus(patient.PumpId, start);
        await Applied(charge, patient.Id, s => s?["pump"]?["state"]?.GetValue<string>() == "paused", "the pump's status applied");

        var end = await Advance(charge, lostAfter + TimeSpan.FromSeconds(5));

        // Read at once after the call: no waiting, no polling.
        var alert = await OpenAlert(charge, patient.Id, RuleIds.PumpCommsLost);
        Assert.NotNull(alert);
        var raisedAt = At(alert!["raisedAt"]);
        Assert.InRange(raisedAt, start + lostAfter, start + lostAfter + TimeSpan.FromSeconds(1));
        Assert.True(raisedAt < end, $"raised at {raisedAt:O}, at its own instant inside the step, not at its end {end:O}");
        await Discharge(charge, patient.Id);
    }

    [Fact]
    public async Task Deadlines_inside_one_step_fire_in_order_each_at_its_own_instant()
    {
        using var charge = await host.SignIn(VirtualClockHostFixture.Charge);
        var patient = await AdmitWithDevices(charge, monitor: true);
        var p = Parameters;
        var start = await Now(charge);
        await using var device = await RawDevice.Connect(host.Factory.MqttPort);
        await device.PausedPumpStatus(patient.PumpId, start);
        await device.RhythmOnlyVitals(patient.MonitorId!, start);
        await Applied(charge, patient.Id, s => s?["pump"]?["state"]?.GetValue<string>() == "paused" && s?["vitals"]?["rhythm"] is not null, "both devices' messages applied");

        // The pump is lost, then the monitor, and the pump's HIGH alert escalates later: the escalation's deadline
        // exists only once the first deadline has fired, so one step covers a chain of three.
        var expected = new (string Action, string Rule, TimeSpan After)[]
        {
            ("alert-raised", RuleIds.PumpCommsLost, p.Comms.PumpLostAfter),
            ("alert-raised", RuleIds.MonitorCommsLost, p.Comms.MonitorLostAfter),
            ("alert-escalated", RuleIds.PumpCommsLost, p.Comms.PumpLostAfter + p.Alerts.EscalateHighAfter),
        }.OrderBy(e => e.After).ToList();
        var step = expected[^1].After + TimeSpan.FromSeconds(10);

        var end = await Advance(charge, step);

        var audit = await Audit(charge, patient.Id);
        var fired = expected.Select(e => audit.FirstOrDefault(entry =>
            entry["action"]?.GetValue<string>() == e.Action
            && (entry["details"]?.GetValue<string>() ?? "").Contains($" {e.Rule} ", StringComparison.Ordinal))).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(fired[i] is not null, $"no {expected[i].Action} {expected[i].Rule} in the audit trail after the advance");
            var at = At(fired[i]!["at"]);
            Assert.InRange(at, start + expected[i].After, start + expected[i].After + TimeSpan.FromSeconds(1));
            Assert.True(at < end);
        }

        var times = fired.Select(f => At(f!["at"])).ToList();
        Assert.Equal(times.Order().ToList(), times);
        var pumpAlert = await OpenAlert(charge, patient.Id, RuleIds.PumpCommsLost);
        Assert.True(pumpAlert?["escalated"]?.GetValue<bool>(), "the escalation inside the step is visible when the call returns");
        await Discharge(charge, patient.Id);
    }

    [Fact]
    public async Task Any_user_reads_the_clock_and_only_a_charge_nurse_moves_it_by_1_to_3600_seconds()
    {
        using var nurse = await host.SignIn(VirtualClockHostFixture.Nurse);
        using var charge = await host.SignIn(VirtualClockHostFixture.Charge);
        using var anonymous = new HostApiClient(host.BaseAddress);
        using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);

        var read = await nurse.GetAsync(HostRoutes.Clock, timeout.Token);
        Assert.Equal(200, read.StatusCode);
        var before = At(read.Json()!["now"]);
        Assert.Equal(403, (await nurse.PostAsync(HostRoutes.ClockAdvance, new { seconds = 1 }, timeout.Token)).StatusCode);
        Assert.Equal(401, (await anonymous.PostAsync(HostRoutes.ClockAdvance, new { seconds = 1 }, timeout.Token)).StatusCode);
        Assert.Equal(401, (await anonymous.GetAsync(HostRoutes.Clock, timeout.Token)).StatusCode);

        foreach (var body in new object[] { new { seconds = 0 }, new { seconds = 3601 }, new { seconds = -5 }, new { }, new { seconds = "10" }, new { seconds = 10, by = 1 } })
        {
            var refused = await charge.PostAsync(HostRoutes.ClockAdvance, body, timeout.Token);
            Assert.True(refused.StatusCode == 400, $"{System.Text.Json.JsonSerializer.Serialize(body)} answered {refused.StatusCode}");
        }

        Assert.Equal(before, await Now(charge));
        Assert.Equal(before + TimeSpan.FromSeconds(1), await Advance(charge, TimeSpan.FromSeconds(1)));
        Assert.Equal(before + TimeSpan.FromSeconds(1) + TimeSpan.FromHours(1), await Advance(charge, TimeSpan.FromHours(1)));
        Assert.Equal(before + TimeSpan.FromSeconds(1) + TimeSpan.FromHours(1), await Now(nurse));
    }

    private sealed record TestPatient(string Id, string PumpId, string? MonitorId);

    /// <summary>A patient with no weight or concentration (allowed; nothing runs, so no dose rule is involved).</summary>
    private static async Task<TestPatient> AdmitWithDevices(HostApiClient charge, bool monitor)
    {
        var id = $"clock-{Guid.NewGuid().ToString("N")[..8]}";
        var patient = new TestPatient(id, $"{id}-pump", monitor ? $"{id}-monitor" : null);
        using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
        var definition = new PatientDefinition { Id = id, BedId = "bed-12", Regimen = "weight-based" };
        var today = DateOnly.FromDateTime((await Now(charge)).UtcDateTime);
        var admitted = await charge.PostAsync(HostRoutes.Patients, AdmissionBody.Build(definition, WardId, new ScenarioIds(""), today), timeout.Token);
        Assert.True(admitted.IsSuccess, $"admission answered {admitted.StatusCode}: {admitted.Body}");
        var associated = await charge.PutAsync(HostRoutes.PatientDevices(id), new { pumpId = patient.PumpId, monitorId = patient.MonitorId }, timeout.Token);
        Assert.True(associated.IsSuccess, $"association answered {associated.StatusCode}: {associated.Body}");
        return patient;
    }

    private static async Task Discharge(HostApiClient charge, string patientId)
    {
        using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
        var discharged = await charge.DeleteAsync(HostRoutes.Patient(patientId), null, timeout.Token);
        Assert.True(discharged.IsSuccess, $"discharge answered {discharged.StatusCode}: {discharged.Body}");
    }

    private static async Task<DateTimeOffset> Now(HostApiClient user)
    {
        using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
        var response = await user.GetAsync(HostRoutes.Clock, timeout.Token);
        Assert.Equal(200, response.StatusCode);
        return At(response.Json()!["now"]);
    }

    private static async Task<DateTimeOffset> Advance(HostApiClient charge, TimeSpan by)
    {
        using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
        var response = await charge.PostAsync(HostRoutes.ClockAdvance, new { seconds = (decimal)by.TotalSeconds }, timeout.Token);
        Assert.True(response.StatusCode == 200, $"advance answered {response.StatusCode}: {response.Body}");
        return At(response.Json()!["now"]);
    }

    private static async Task<JsonNode?> OpenAlert(HostApiClient user, string patientId, string ruleId)
    {
        using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
        var response = await user.GetAsync(HostRoutes.Alerts(WardId, null), timeout.Token);
        Assert.Equal(200, response.StatusCode);
        return response.Json()!.AsArray().FirstOrDefault(a =>
            a?["patientId"]?.GetValue<string>() == patientId && a?["ruleId"]?.GetValue<string>() == ruleId);
    }

    private static async Task<IReadOnlyList<JsonNode>> Audit(HostApiClient charge, string patientId)
    {
        using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
        var response = await charge.GetAsync($"/api/audit?patientId={Uri.EscapeDataString(patientId)}", timeout.Token);
        Assert.Equal(200, response.StatusCode);
        return [.. response.Json()!.AsArray().OfType<JsonNode>()];
    }

    /// <summary>Waits in real time (the virtual clock stands still) until a message has been applied.</summary>
    private static Task Applied(HostApiClient user, string patientId, Func<JsonNode?, bool> accept, string what) =>
        Polling.Until(
            async () =>
            {
                using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
                var snapshot = await user.GetAsync(HostRoutes.Patient(patientId), timeout.Token);
                return snapshot.IsSuccess && accept(snapshot.Json());
            },
            what,
            VirtualClockHostFixture.Generous);

    private static DateTimeOffset At(JsonNode? value) =>
        DateTimeOffset.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
