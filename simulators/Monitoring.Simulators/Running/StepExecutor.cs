using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Messaging;
using Monitoring.Simulators.Scenarios.Steps;

namespace Monitoring.Simulators.Running;

/// <summary>Does one step as an external client would: REST as the named user, or a device acting over MQTT.</summary>
internal sealed class StepExecutor(ScenarioSession session)
{
    private static readonly string[] OpenStates = ["active", "latched", "acknowledged"];

    /// <returns>Rows for the report: the step's expected status, or a failure; none when all went as planned.</returns>
    public async Task<IReadOnlyList<ExpectationResult>> ExecuteAsync(ScenarioStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var ids = session.Ids;
        var ct = cancellationToken;
        HostResponse? response = null;
        switch (step)
        {
            case AdmitStep s:
                var today = DateOnly.FromDateTime(session.Clock.Time.GetUtcNow().UtcDateTime);
                var body = AdmissionBody.Build(session.Scenario.Patients[s.PatientId], session.Scenario.WardId, ids, today);
                response = await Charge(s).PostAsync(HostRoutes.Patients, body, ct).ConfigureAwait(false);
                break;
            case AssociateStep s:
                foreach (var device in new[] { s.PumpId, s.MonitorId }.OfType<string>())
                {
                    await session.ActivateAsync(device, ct).ConfigureAwait(false);
                }

                response = await Charge(s).PutAsync(HostRoutes.PatientDevices(ids.Of(s.PatientId)), new JsonObject
                {
                    ["pumpId"] = s.PumpId is { } pump ? ids.Of(pump) : null,
                    ["monitorId"] = s.MonitorId is { } monitor ? ids.Of(monitor) : null,
                }, ct).ConfigureAwait(false);
                break;
            case ReleaseStep s:
                response = await Charge(s).DeleteAsync(HostRoutes.PatientDevice(ids.Of(s.PatientId), ids.Of(s.DeviceId)), null, ct).ConfigureAwait(false);
                break;
            case DischargeStep s:
                response = await Charge(s).DeleteAsync(HostRoutes.Patient(ids.Of(s.PatientId)), null, ct).ConfigureAwait(false);
                break;
            case InventoryStep s:
                await session.ActivateAsync(s.DeviceId, ct).ConfigureAwait(false);
                response = await Charge(s).PutAsync(HostRoutes.WardDevice(session.Scenario.WardId, ids.Of(s.DeviceId)), new JsonObject { ["type"] = s.DeviceType }, ct).ConfigureAwait(false);
                break;
            case RunPumpStep s:
                await OnPumpAsync(s.PumpId, p => p.Run(s.RateMlPerHour), ct).ConfigureAwait(false);
                break;
            case ProgramPumpStep s:
                await OnPumpAsync(s.PumpId, p => p.Program(s.RateMlPerHour), ct).ConfigureAwait(false);
                break;
            case FollowRegimenStep s:
                await OnPumpAsync(s.PumpId, p => p.Follow(s.Regimen), ct).ConfigureAwait(false);
                break;
            case PumpStateStep s:
                await OnPumpAsync(s.PumpId, p =>
                {
                    if (s.State == PumpStates.Paused)
                    {
                        p.Pause();
                    }
                    else
                    {
                        p.Stop();
                    }
                }, ct).ConfigureAwait(false);
                break;
            case ConcentrationStep s:
                await OnPumpAsync(s.PumpId, p => p.SetConcentration(s.ConcentrationMgPerMl), ct).ConfigureAwait(false);
                break;
            case BolusStep s:
                await session.ActivateAsync(s.PumpId, ct).ConfigureAwait(false);
                await session.Pump(s.PumpId).DeliverBolusAsync(s.DoseMg, s.Kind, ct).ConfigureAwait(false);
                break;
            case PumpAlarmStep s:
                await OnPumpAsync(s.PumpId, p =>
                {
                    if (s.Alarm is { } alarm)
                    {
                        p.RaiseAlarm(alarm);
                    }
                    else
                    {
                        p.ClearAlarm();
                    }
                }, ct).ConfigureAwait(false);
                break;
            case CommandBehaviourStep s:
                session.Pump(s.PumpId).CommandBehaviour = s.Behaviour;
                break;
            case RebootStep s:
                await OnDeviceAsync(s.DeviceId, d =>
                {
                    if (d is SimulatedPump pump)
                    {
                        pump.Reboot(s.StateAfter);
                    }
                    else
                    {
                        ((SimulatedMonitor)d).Reboot();
                    }
                }, ct).ConfigureAwait(false);
                break;
            case SilenceStep s:
                await OnDeviceAsync(s.DeviceId, d => Silence(d, s.Duration), ct).ConfigureAwait(false);
                break;
            case ResumeStep s:
                await OnDeviceAsync(s.DeviceId, Resume, ct).ConfigureAwait(false);
                break;
            case SkewStep s:
                await OnDeviceAsync(s.DeviceId, d => SetSkew(d, s.Skew), ct).ConfigureAwait(false);
                break;
            case VitalsStep s:
                await OnMonitorAsync(s.MonitorId, m => m.ChangeTowards(s.Targets, s.Over), ct).ConfigureAwait(false);
                break;
            case Spo2DipStep s:
                await OnMonitorAsync(s.MonitorId, m => m.DipSpo2(s.To, s.Duration), ct).ConfigureAwait(false);
                break;
            case ProbeStep s:
                await OnMonitorAsync(s.MonitorId, m =>
                {
                    if (s.Off)
                    {
                        m.ProbeOff(s.Duration);
                    }
                    else
                    {
                        m.ProbeOn();
                    }
                }, ct).ConfigureAwait(false);
                break;
            case ObserveStep s when s.Via == "rest":
                var user = session.User(s.As, session.Nurse);
                var channel = new RestObservationChannel(user);
                var nurse = new NurseActor(ids.Of("charting"), user.SignedInAs ?? "nurse", channel, session.Clock.Time);
                Label(s, await nurse.RecordAsync(ids.Of(s.PatientId), s.Kind, s.Value?.DeepClone(), ct).ConfigureAwait(false));
                response = channel.LastResponse;
                break;
            case ObserveStep s:
                Label(s, await session.MqttNurse.RecordAsync(ids.Of(s.PatientId), s.Kind, s.Value?.DeepClone(), ct).ConfigureAwait(false));
                break;
            case RetractStep s:
                response = await Charge(s).DeleteAsync(
                    HostRoutes.PatientObservation(ids.Of(s.PatientId), session.LabelledObservations[s.Label]),
                    new JsonObject { ["reason"] = s.Reason }, ct).ConfigureAwait(false);
                break;
            case AcknowledgeStep s:
                return await AcknowledgeAsync(s, ct).ConfigureAwait(false);
            case ActionStep s:
                response = await Charge(s).PostAsync(HostRoutes.PatientActions(ids.Of(s.PatientId)), new JsonObject
                {
                    ["action"] = s.Action,
                    ["reason"] = s.Reason,
                    ["target"] = s.Target,
                }, ct).ConfigureAwait(false);
                break;
            case ReviewStep s:
                response = await Charge(s).PostAsync(HostRoutes.PatientReviews(ids.Of(s.PatientId)), new JsonObject
                {
                    ["benefit"] = s.Benefit,
                    ["note"] = s.Comment,
                }, ct).ConfigureAwait(false);
                break;
            case UpdatePatientStep s:
                response = await Charge(s).PatchAsync(HostRoutes.Patient(ids.Of(s.PatientId)), s.Fields.DeepClone(), ct).ConfigureAwait(false);
                break;
            case MalformedStep s:
                await SendMalformedAsync(s, ct).ConfigureAwait(false);
                break;
            case NoteStep:
                break;
            default:
                throw new InvalidOperationException($"no executor for {step.GetType().Name}");
        }

        return response is null ? [] : StatusRows(step, response);
    }

    private static IReadOnlyList<ExpectationResult> StatusRows(ScenarioStep step, HostResponse response)
    {
        var what = $"step {step.Number} at {Scenarios.DurationParser.Format(step.At)}: {step.Describe()}";
        if (step.ExpectStatus is { } expected)
        {
            return [new ExpectationResult("status", step.Line, $"{what} answers {expected}", response.StatusCode == expected, Answer(response))];
        }

        return response.IsSuccess ? [] : [new ExpectationResult("step", step.Line, what, false, Answer(response))];
    }

    private static string Answer(HostResponse response)
    {
        var body = response.Body.ReplaceLineEndings(" ");
        return $"HTTP {response.StatusCode}{(body.Length == 0 ? "" : " " + (body.Length > 160 ? body[..160] + "..." : body))}";
    }

    private void Label(ObserveStep step, ObservationMessage charted)
    {
        if (step.Label is { } label)
        {
            session.LabelledObservations[label] = charted.ObservationId;
        }
    }

    private HostApiClient Charge(ScenarioStep step) => session.User(step.As, session.Charge);

    private async Task OnPumpAsync(string id, Action<SimulatedPump> change, CancellationToken cancellationToken)
    {
        await session.ActivateAsync(id, cancellationToken).ConfigureAwait(false);
        var pump = session.Pump(id);
        change(pump);
        await pump.TickAsync(cancellationToken).ConfigureAwait(false); // on change: report at once
    }

    private async Task OnMonitorAsync(string id, Action<SimulatedMonitor> change, CancellationToken cancellationToken)
    {
        await session.ActivateAsync(id, cancellationToken).ConfigureAwait(false);
        change(session.Monitor(id));
    }

    private async Task OnDeviceAsync(string id, Action<ISimulatedDevice> change, CancellationToken cancellationToken)
    {
        await session.ActivateAsync(id, cancellationToken).ConfigureAwait(false);
        var device = session.Device(id);
        change(device);
        await device.TickAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Silence(ISimulatedDevice device, TimeSpan? duration)
    {
        if (device is SimulatedPump pump)
        {
            pump.SilenceFor(duration);
        }
        else
        {
            ((SimulatedMonitor)device).SilenceFor(duration);
        }
    }

    private static void Resume(ISimulatedDevice device)
    {
        if (device is SimulatedPump pump)
        {
            pump.Resume();
        }
        else
        {
            ((SimulatedMonitor)device).Resume();
        }
    }

    private static void SetSkew(ISimulatedDevice device, TimeSpan skew)
    {
        if (device is SimulatedPump pump)
        {
            pump.ClockSkew = skew;
        }
        else
        {
            ((SimulatedMonitor)device).ClockSkew = skew;
        }
    }

    private async Task<IReadOnlyList<ExpectationResult>> AcknowledgeAsync(AcknowledgeStep step, CancellationToken cancellationToken)
    {
        var what = $"step {step.Number} at {Scenarios.DurationParser.Format(step.At)}: {step.Describe()}";
        var list = await session.Charge.GetAsync(HostRoutes.Alerts(session.Scenario.WardId, null), cancellationToken).ConfigureAwait(false);
        var patient = step.PatientId is { } p ? session.Ids.Of(p) : null;
        var device = step.DeviceId is { } d ? session.Ids.Of(d) : null;
        AlertRecord? alert = null;
        if (list.IsSuccess)
        {
            using var document = JsonDocument.Parse(list.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                alert = document.RootElement.EnumerateArray()
                    .Select(AlertRecord.FromJson)
                    .OfType<AlertRecord>()
                    .Where(a => a.RuleId == step.RuleId && OpenStates.Contains(a.State)
                        && (patient is null || a.PatientId == patient) && (device is null || a.DeviceId == device))
                    .OrderBy(a => a.State == "acknowledged") // an unacknowledged one first
                    .FirstOrDefault();
            }
        }

        if (alert is null)
        {
            var failed = new ExpectationResult("step", step.Line, what, step.ExpectStatus == 404, list.IsSuccess ? "no open alert to acknowledge" : Answer(list));
            return [failed];
        }

        var response = await Charge(step).PostAsync(HostRoutes.AlertAcknowledge(alert.Id), new JsonObject { ["note"] = step.Comment }, cancellationToken).ConfigureAwait(false);
        return StatusRows(step, response);
    }

    private async Task SendMalformedAsync(MalformedStep step, CancellationToken cancellationToken)
    {
        await session.ActivateAsync(step.DeviceId, cancellationToken).ConfigureAwait(false);
        var device = session.Device(step.DeviceId);
        for (var i = 0; i < step.Count; i++)
        {
            string topic;
            object valid;
            if (device is SimulatedPump pump)
            {
                topic = Topics.PumpStatus(pump.DeviceId);
                valid = pump.CurrentStatus(pump.NextSequence(topic));
            }
            else
            {
                var monitor = (SimulatedMonitor)device;
                topic = Topics.MonitorVitals(monitor.DeviceId);
                valid = monitor.Sample(monitor.NextSequence(topic));
            }

            await session.Pool.PublishAsync(device.DeviceId, topic, MalformedPayloads.Build(step.Kind, valid), cancellationToken).ConfigureAwait(false);
        }
    }
}
