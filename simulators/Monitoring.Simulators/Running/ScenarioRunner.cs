using System.Diagnostics;
using System.Text.Json;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Messaging;
using Monitoring.Simulators.Scenarios;
using Monitoring.Simulators.Scenarios.Expectations;

namespace Monitoring.Simulators.Running;

/// <summary>
/// Plays scenarios against a running host as an external client: REST signed in as charge and nurse,
/// devices over MQTT, alerts from the ward hub, the virtual clock when the host exposes it. Scenarios
/// run one after another (the virtual clock is the whole host's).
/// </summary>
public sealed class ScenarioRunner(ScenarioRunnerOptions options, TextWriter log)
{
    public async Task<IReadOnlyList<ScenarioReport>> RunAllAsync(IEnumerable<Scenario> scenarios, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var reports = new List<ScenarioReport>();
        foreach (var scenario in scenarios)
        {
            reports.Add(await RunAsync(scenario, cancellationToken).ConfigureAwait(false));
        }

        return reports;
    }

    public async Task<ScenarioReport> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var wall = Stopwatch.StartNew();
        var ids = options.IdPrefix is { } prefix ? new ScenarioIds(prefix) : ScenarioIds.Fresh();
        var results = new List<ExpectationResult>();
        IScenarioClock? clock = null;
        using var charge = new HostApiClient(options.HostUrl);
        using var nurse = new HostApiClient(options.HostUrl);
        try
        {
            await charge.LoginAsync(options.Charge, cancellationToken).ConfigureAwait(false);
            await nurse.LoginAsync(options.Nurse, cancellationToken).ConfigureAwait(false);
            clock = await CreateClockAsync(scenario, charge, cancellationToken).ConfigureAwait(false);
            var record = new ScenarioRecord();
            var currentClock = clock;
            await using var pool = new DeviceConnectionPool(options.Mqtt with { ClientIdPrefix = ids.Prefix + "mqtt" }, options.MqttConnections, log);
            await pool.StartAsync(cancellationToken).ConfigureAwait(false);
            await pool.SubscribeAsync(Topics.Rejected, (_, payload, _) =>
            {
                record.AddRejectedJson(payload.Span, currentClock.Elapsed);
                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
            await using var hub = new WardHubClient(charge, (name, json) => OnHubEvent(record, currentClock, name, json));
            await hub.StartAsync(cancellationToken).ConfigureAwait(false);
            await hub.JoinWardAsync(scenario.WardId, cancellationToken).ConfigureAwait(false);

            var session = new ScenarioSession(scenario, ids, clock, pool, charge, nurse, record);
            var executor = new StepExecutor(session);
            await log.WriteLineAsync($"{scenario.Name}: ids {ids.Prefix}*, {(clock.IsVirtual ? "virtual clock" : "real time")}, {DurationParser.Format(scenario.RunUntil)}").ConfigureAwait(false);
            var unsettled = false;
            async Task TickAsync(CancellationToken ct)
            {
                await session.TickDevicesAsync(ct).ConfigureAwait(false);
                // A command the host sent on the last reports is carried out before the clock moves on.
                await pool.WhenIdleAsync(options.StepSettle, ct).ConfigureAwait(false);
            }

            async Task SettleAsync(CancellationToken ct)
            {
                if (unsettled)
                {
                    unsettled = false;
                    await Task.Delay(options.StepSettle, ct).ConfigureAwait(false);
                    await pool.WhenIdleAsync(options.StepSettle, ct).ConfigureAwait(false);
                }
            }

            foreach (var entry in ScenarioTimeline.Build(scenario))
            {
                if (entry.At > clock.Elapsed || entry.Check is not null)
                {
                    await SettleAsync(cancellationToken).ConfigureAwait(false);
                }

                await clock.AdvanceToAsync(entry.At, TickAsync, cancellationToken).ConfigureAwait(false);
                if (entry.Step is { } step)
                {
                    results.AddRange(await executor.ExecuteAsync(step, cancellationToken).ConfigureAwait(false));
                    unsettled = true;
                }
                else if (entry.Check is { } check)
                {
                    results.Add(await CheckAsync(session, check, cancellationToken).ConfigureAwait(false));
                }
            }

            await SettleAsync(cancellationToken).ConfigureAwait(false);
            await clock.AdvanceToAsync(scenario.RunUntil, TickAsync, cancellationToken).ConfigureAwait(false);
            var report = Report(scenario, clock, wall, results, null) with { HubEvents = record.Alerts.Count(a => a.Source is not ("rest" or "getWard")) };
            if (options.Cleanup)
            {
                try
                {
                    await CleanupAsync(session, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // The result stands; a failed clean-up only leaves patients behind on the host.
                    await log.WriteLineAsync($"{scenario.Name}: clean-up failed: {ex.Message}").ConfigureAwait(false);
                }
            }

            return report;
        }
        catch (Exception ex) when (ex is HostApiException or HttpRequestException or InvalidOperationException or JsonException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Report(scenario, clock, wall, results, ex.Message);
        }
    }

    private async Task CleanupAsync(ScenarioSession session, CancellationToken cancellationToken)
    {
        await session.StopPumpsAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(options.StepSettle, cancellationToken).ConfigureAwait(false);
        foreach (var patient in session.Scenario.Patients.Keys)
        {
            // Best effort: a patient never admitted, or already discharged, answers an error that does not matter here.
            await session.Charge.DeleteAsync(HostRoutes.Patient(session.Ids.Of(patient)), null, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ScenarioReport Report(Scenario scenario, IScenarioClock? clock, Stopwatch wall, List<ExpectationResult> results, string? fatal) => new()
    {
        Name = scenario.Name,
        File = scenario.SourceFile,
        Title = scenario.Title,
        VirtualClock = clock?.IsVirtual ?? false,
        Simulated = clock?.Elapsed ?? TimeSpan.Zero,
        Wall = wall.Elapsed,
        Results = results,
        Fatal = fatal,
    };

    private static void OnHubEvent(ScenarioRecord record, IScenarioClock clock, string name, JsonElement json)
    {
        switch (name)
        {
            case WardHubClient.PatientUpdated:
                return;
            case "getWard":
                record.AddAlertList("getWard", json, clock.Elapsed);
                return;
            default:
                record.AddAlertJson(name, json, clock.Elapsed, clock.Start);
                return;
        }
    }

    private async Task<IScenarioClock> CreateClockAsync(Scenario scenario, HostApiClient charge, CancellationToken cancellationToken)
    {
        var mode = options.Clock != ClockMode.Any ? options.Clock : scenario.Clock;
        if (mode != ClockMode.Real)
        {
            var virtualClock = await HostVirtualClock.TryConnectAsync(charge, options.MaxClockStep, options.Settle, cancellationToken).ConfigureAwait(false);
            if (virtualClock is not null)
            {
                return virtualClock;
            }

            if (mode == ClockMode.Virtual)
            {
                throw new InvalidOperationException("this scenario needs the host's virtual clock (start the host with Testing__VirtualClock=true)");
            }
        }

        return new RealTimeScenarioClock(TimeProvider.System, options.RealTimeTick);
    }

    // Alerts are read from REST at each check as well as from the hub, so a missed push cannot fail a run.
    private static async Task<ExpectationResult> CheckAsync(ScenarioSession session, Expectation check, CancellationToken cancellationToken)
    {
        switch (check)
        {
            case AlertExpectation alert:
                foreach (var state in new[] { null, "resolved" })
                {
                    var response = await session.Charge.GetAsync(HostRoutes.Alerts(session.Scenario.WardId, state), cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccess)
                    {
                        using var document = JsonDocument.Parse(response.Body);
                        session.Record.AddAlertList("rest", document.RootElement, session.Clock.Elapsed);
                    }
                }

                return ExpectationEvaluator.Evaluate(alert, session.Record.Alerts, session.Ids);
            case PatientStateExpectation state:
                var snapshot = await session.Charge.GetAsync(HostRoutes.Patient(session.Ids.Of(state.PatientId)), cancellationToken).ConfigureAwait(false);
                return ExpectationEvaluator.Evaluate(state, snapshot.IsSuccess ? snapshot.Json() : null, session.Ids);
            case PumpCommandExpectation command:
                return ExpectationEvaluator.Evaluate(command, session.Commands(), session.Ids);
            case RejectedExpectation rejected:
                return ExpectationEvaluator.Evaluate(rejected, session.Record.Rejected, session.Ids);
            default:
                throw new InvalidOperationException($"no check for {check.GetType().Name}");
        }
    }
}
