using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios.Expectations;

namespace Monitoring.Simulators.Tests;

/// <summary>Expectations matched against recorded alert events, snapshots, commands and refusals.</summary>
public sealed class ExpectationEvaluatorTests
{
    private static readonly ScenarioIds Ids = new("run1-");

    private static TimeSpan S(int seconds) => TimeSpan.FromSeconds(seconds);

    private static AlertObservation Seen(int at, string state, string rule = "CEILING", string patient = "run1-p1", string id = "a-1", string priority = "high", bool escalated = false, string? device = null) =>
        new(S(at), "test", new AlertRecord { Id = id, RuleId = rule, PatientId = patient, DeviceId = device, State = state, Priority = priority, Escalated = escalated });

    private static AlertExpectation Expect(int by, int from = 0, bool present = true, string? state = null, string? priority = null, string rule = "CEILING", bool? escalated = null) =>
        new() { Number = 1, Line = 10, RuleId = rule, PatientId = "p1", By = S(by), From = S(from), Present = present, State = state, Priority = priority, Escalated = escalated };

    [Fact]
    public void Present_passes_when_the_alert_was_raised_in_the_window()
    {
        AlertObservation[] seen = [Seen(12, "active")];

        Assert.True(ExpectationEvaluator.Evaluate(Expect(by: 20), seen, Ids).Passed);
        Assert.False(ExpectationEvaluator.Evaluate(Expect(by: 10), seen, Ids).Passed);
        Assert.False(ExpectationEvaluator.Evaluate(Expect(by: 20, rule: "SPO2"), seen, Ids).Passed);
    }

    [Fact]
    public void Only_this_runs_patient_counts()
    {
        AlertObservation[] seen = [Seen(12, "active", patient: "run0-p1")];
        var result = ExpectationEvaluator.Evaluate(Expect(by: 20), seen, Ids);
        Assert.False(result.Passed);
        Assert.Equal("never raised", result.Observed);
    }

    [Fact]
    public void An_alert_still_open_when_the_window_starts_counts_as_present()
    {
        AlertObservation[] seen = [Seen(5, "active")];
        Assert.True(ExpectationEvaluator.Evaluate(Expect(from: 60, by: 90), seen, Ids).Passed);

        AlertObservation[] resolvedBefore = [Seen(5, "active"), Seen(30, "resolved")];
        Assert.False(ExpectationEvaluator.Evaluate(Expect(from: 60, by: 90), resolvedBefore, Ids).Passed);
    }

    [Fact]
    public void State_priority_and_escalation_are_read_at_the_end_of_the_window()
    {
        AlertObservation[] seen = [Seen(10, "active", priority: "medium"), Seen(40, "active", priority: "high", escalated: true), Seen(70, "latched", priority: "high"), Seen(100, "resolved")];

        Assert.True(ExpectationEvaluator.Evaluate(Expect(by: 80, state: "latched"), seen, Ids).Passed);
        Assert.False(ExpectationEvaluator.Evaluate(Expect(by: 60, state: "latched"), seen, Ids).Passed);
        Assert.True(ExpectationEvaluator.Evaluate(Expect(by: 30, priority: "medium"), seen, Ids).Passed);
        Assert.True(ExpectationEvaluator.Evaluate(Expect(by: 50, priority: "high", escalated: true), seen, Ids).Passed);
        Assert.True(ExpectationEvaluator.Evaluate(Expect(by: 110, state: "resolved"), seen, Ids).Passed);
    }

    [Fact]
    public void Absent_fails_on_any_open_alert_in_the_window_and_ignores_resolved_ones()
    {
        AlertObservation[] seen = [Seen(10, "active"), Seen(30, "resolved"), Seen(200, "active", id: "a-2")];

        Assert.False(ExpectationEvaluator.Evaluate(Expect(by: 20, present: false), seen, Ids).Passed);
        Assert.True(ExpectationEvaluator.Evaluate(Expect(from: 40, by: 190, present: false), seen, Ids).Passed);
        Assert.False(ExpectationEvaluator.Evaluate(Expect(from: 40, by: 210, present: false), seen, Ids).Passed);
        Assert.True(ExpectationEvaluator.Evaluate(Expect(by: 100, present: false, rule: "SPO2"), seen, Ids).Passed);
    }

    [Fact]
    public void A_ward_alert_is_matched_by_its_device()
    {
        AlertObservation[] seen = [new(S(20), "test", new AlertRecord { Id = "w-1", RuleId = "UNASSOCIATED_DEVICE", DeviceId = "run1-pump-old", State = "active" })];
        var expectation = new AlertExpectation { Number = 1, Line = 1, RuleId = "UNASSOCIATED_DEVICE", DeviceId = "pump-old", By = S(30) };

        Assert.True(ExpectationEvaluator.Evaluate(expectation, seen, Ids).Passed);
    }

    [Fact]
    public void Recorded_hub_events_use_the_hosts_raise_time_when_it_is_known()
    {
        var record = new ScenarioRecord();
        var start = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        using var raised = JsonDocument.Parse("""{"id":"a-9","patientId":"run1-p1","ruleId":"ceiling","state":"ACTIVE","priority":"High","raisedAt":"2025-03-01T08:00:12Z"}""");
        record.AddAlertJson(WardHubClient.AlertRaised, raised.RootElement, S(20), start);
        using var list = JsonDocument.Parse("""[{"id":"a-9","patientId":"run1-p1","ruleId":"CEILING","state":"latched"},{"no":"alert"}]""");
        record.AddAlertList("rest", list.RootElement, S(30));

        Assert.Equal([12, 30], record.Alerts.Select(a => (int)a.At.TotalSeconds));
        Assert.Equal(("CEILING", "active", "high"), (record.Alerts[0].Alert.RuleId, record.Alerts[0].Alert.State, record.Alerts[0].Alert.Priority));
        Assert.True(ExpectationEvaluator.Evaluate(Expect(by: 15), record.Alerts, Ids).Passed);
        Assert.True(ExpectationEvaluator.Evaluate(Expect(by: 30, state: "latched"), record.Alerts, Ids).Passed);
    }

    [Fact]
    public void Patient_state_is_read_by_path_case_insensitively()
    {
        var snapshot = JsonNode.Parse("""
            {"pauseProtocol":{"state":"restartWindow","prePauseRateMlPerHour":7.0},"pump":{"pumpId":"run1-pump-new","rateMlPerHour":7},
             "alerts":[{"ruleId":"CEILING"}],"comfortCare":true,"vitals":{"spo2":null}}
            """);

        bool Check(string path, string expected) => ExpectationEvaluator.Evaluate(
            new PatientStateExpectation { Number = 1, Line = 1, PatientId = "p1", Path = path, ExpectedValue = expected, At = S(0) }, snapshot, Ids).Passed;

        Assert.True(Check("pauseProtocol.state", "restartwindow"));
        Assert.True(Check("PauseProtocol.PrePauseRateMlPerHour", "7"));
        Assert.True(Check("pump.pumpId", "@pump-new"));
        Assert.True(Check("alerts[0].ruleId", "CEILING"));
        Assert.True(Check("comfortCare", "true"));
        Assert.True(Check("vitals.spo2", "null"));
        Assert.True(Check("vitals.missing", "null"));
        Assert.False(Check("pauseProtocol.state", "paused"));
        Assert.False(Check("alerts[3].ruleId", "CEILING"));
    }

    [Fact]
    public void Commands_are_matched_by_kind_rate_result_and_window()
    {
        CommandObservation[] commands =
        [
            new(S(125), "run1-pump-1", new ReceivedCommand(default, "c-1", "setRate", 7m, "CEILING", "done")),
            new(S(300), "run1-pump-1", new ReceivedCommand(default, "c-2", "pause", null, "HALLUCINATION", "expired")),
        ];

        bool Check(string? command, decimal? rate, string? result, int from, int by, bool present = true) => ExpectationEvaluator.Evaluate(
            new PumpCommandExpectation { Number = 1, Line = 1, PumpId = "pump-1", Command = command, RateMlPerHour = rate, Result = result, From = S(from), By = S(by), Present = present }, commands, Ids).Passed;

        Assert.True(Check("setRate", 7m, "done", 120, 150));
        Assert.False(Check("setRate", 7.1m, null, 120, 150));
        Assert.False(Check("setRate", null, null, 130, 150));
        Assert.True(Check("pause", null, "expired", 0, 400));
        Assert.True(Check(null, null, null, 0, 100, present: false));
        Assert.False(Check(null, null, null, 0, 200, present: false));
    }

    [Fact]
    public void Refusals_count_with_their_suppressed_sums_per_device()
    {
        RejectedRecord[] rejected =
        [
            .. Enumerable.Range(0, 20).Select(_ => new RejectedRecord(S(60), "devices/monitors/run1-mon-1/vitals", "bad json", 0)),
            new RejectedRecord(S(61), "devices/monitors/run1-mon-1/vitals", "bad json", 30),
            new RejectedRecord(S(62), "devices/pumps/run1-pump-1/status", "negative rate", 0),
        ];

        bool Check(string? device, int atLeast, int by, int? atMost = null) => ExpectationEvaluator.Evaluate(
            new RejectedExpectation { Number = 1, Line = 1, DeviceId = device, AtLeast = atLeast, AtMost = atMost, By = S(by) }, rejected, Ids).Passed;

        Assert.True(Check("mon-1", 51, 70));
        Assert.False(Check("mon-1", 52, 70));
        Assert.False(Check("mon-1", 21, 60));
        Assert.True(Check("pump-1", 1, 70, atMost: 1));
        Assert.True(Check(null, 52, 70));
    }
}
