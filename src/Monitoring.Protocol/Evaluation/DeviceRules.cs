using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// The technical rules of a bed's devices: PUMP_COMMS_LOST, MONITOR_COMMS_LOST, MONITOR_ABSENT, PARAMETER_MISSING,
/// DEVICE_DATA_INVALID, DEVICE_CLOCK, PUMP_ALARM and COMMAND_NOT_CONFIRMED. Silence is never read as
/// normal: an associated device that has not spoken since association counts from the association.
/// </summary>
internal static class DeviceRules
{
    /// <summary>Blood pressure's name in <see cref="MonitoredParameters"/>: the one measured intermittently (cuff).</summary>
    public const string BloodPressure = "BP";

    /// <summary>
    /// The parameters a monitor must keep reporting (a probe off must not look like a quiet patient): every one the
    /// protocol monitors (course invariant I3), rhythm and blood pressure included.
    /// </summary>
    public static readonly IReadOnlyList<string> MonitoredParameters = ["SpO2", "RR", "HR", "rhythm", BloodPressure];

    /// <summary>
    /// How long a parameter may be absent before PARAMETER_MISSING: a cuff pressure counts as current for the NEWS2
    /// staleness window (the same window that makes it count for BLOOD_PRESSURE and NEWS2), the others for the
    /// parameter-missing window.
    /// </summary>
    public static TimeSpan MissingAfter(string parameter, ProtocolParameters p) =>
        parameter == BloodPressure ? p.News2.StaleAfter : p.Comms.ParameterMissingAfter;

    public static IEnumerable<RuleCondition> Evaluate(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        if (s.Pump is { } pump)
        {
            var silentFor = now - (pump.LastMessageAt ?? pump.AssociatedAt);
            if (silentFor > p.Comms.PumpLostAfter)
            {
                yield return Condition(p, RuleIds.PumpCommsLost, $"silent {ValueText.Duration(silentFor)}", pump.PumpId);
            }

            if (pump.Status is { } status && (status.State == PumpState.Alarm || status.Alarm is not null))
            {
                yield return Condition(p, RuleIds.PumpAlarm, status.Alarm is { } alarm ? AlarmText(alarm) : "alarm", pump.PumpId);
            }
        }

        if (s.Monitor is null && s.InfusionGoingIn)
        {
            // MONITOR_COMMS_LOST needs a monitor: without one every respiratory and cardiac rule is silent.
            yield return Condition(p, RuleIds.MonitorAbsent, "no monitor associated", s.Pump?.PumpId);
        }

        if (s.Monitor is { } monitor)
        {
            var silentFor = now - (monitor.LastMessageAt ?? monitor.AssociatedAt);
            if (silentFor > p.Comms.MonitorLostAfter)
            {
                yield return Condition(p, RuleIds.MonitorCommsLost, $"silent {ValueText.Duration(silentFor)}", monitor.MonitorId);
            }
            else if (monitor.LastMessageAt is not null)
            {
                var missing = MonitoredParameters
                    .Where(name => now - (s.ParameterLastSeen.TryGetValue(name, out var seen) ? seen : monitor.AssociatedAt) > MissingAfter(name, p))
                    .ToList();
                if (missing.Count > 0)
                {
                    yield return Condition(p, RuleIds.ParameterMissing, $"{string.Join(", ", missing)} absent", monitor.MonitorId);
                }
            }
        }

        if (s.DeviceProblems.Count > 0)
        {
            var latest = s.DeviceProblems[^1];
            yield return Condition(p, RuleIds.DeviceDataInvalid, $"{latest.DeviceId}: {latest.Reason}", latest.DeviceId);
        }

        foreach (var (deviceId, skew) in Skews(s))
        {
            if (skew.Duration() > p.Comms.DeviceClockSkew)
            {
                var direction = skew > TimeSpan.Zero ? "ahead" : "behind";
                yield return Condition(p, RuleIds.DeviceClock, $"{deviceId} clock {ValueText.Duration(skew.Duration())} {direction}", deviceId);
                break; // one alert per (patient, rule): the first skewed device names it
            }
        }
    }

    /// <summary>Evaluated last: a failed command still matters only while the rule that sent it holds.</summary>
    public static IEnumerable<RuleCondition> EvaluateCommands(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        var failed = s.Commands.Where(c => c.HasFailed(now)).ToList();
        if (failed.Count > 0)
        {
            var command = failed[^1];
            var answer = command.NotHonoured ? "done, not honoured"
                : command.Result is { } result ? result.ToString().ToLowerInvariant() : "no answer";
            yield return Condition(p, RuleIds.CommandNotConfirmed,
                $"{command.Kind.ToString().ToLowerInvariant()} for {command.RuleId}: {answer}", command.PumpId);
        }
    }

    private static IEnumerable<(string DeviceId, TimeSpan Skew)> Skews(PatientState s)
    {
        if (s.Pump is { LastMessageAt: not null } pump)
        {
            yield return (pump.PumpId, pump.ClockSkew);
        }

        if (s.Monitor is { LastMessageAt: not null } monitor)
        {
            yield return (monitor.MonitorId, monitor.ClockSkew);
        }
    }

    private static string AlarmText(PumpAlarm alarm) => alarm switch
    {
        PumpAlarm.AirInLine => "air-in-line",
        _ => alarm.ToString().ToLowerInvariant(),
    };

    private static RuleCondition Condition(ProtocolParameters p, string ruleId, string value, string? deviceId) =>
        new(ruleId, p.Rule(ruleId).Priority, value, 0, deviceId);
}
