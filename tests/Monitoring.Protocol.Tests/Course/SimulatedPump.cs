using Monitoring.Protocol.Model;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// The pump at the bedside as the test plays it: what it is programmed to, what state it is in, and the status it
/// reports (in state bolus it reports the bolus rate, and keeps the programmed rate for afterwards).
/// </summary>
public sealed record SimulatedPump(
    string Id,
    decimal RateStepMlPerHour,
    decimal ConcentrationMgPerMl,
    PumpState State = PumpState.Stopped,
    decimal RateMlPerHour = 0m,
    PumpAlarm? Alarm = null)
{
    /// <summary>The rate a pump delivers a bolus at (mL/h).</summary>
    public const decimal BolusRateMlPerHour = 60m;

    public decimal ReportedRateMlPerHour => State == PumpState.Bolus ? BolusRateMlPerHour : RateMlPerHour;

    public PumpStatusReading Status(DateTimeOffset now, string? lastCommandId = null, CommandResult? lastCommandResult = null) =>
        new(Id, State, ReportedRateMlPerHour, RateStepMlPerHour, ConcentrationMgPerMl, 0m, State == PumpState.Alarm ? Alarm : null,
            lastCommandId, lastCommandResult, now, now);

    /// <summary>Rounded to this pump's step, never below one step (a pump cannot be programmed between steps).</summary>
    public decimal OnStep(decimal rateMlPerHour)
    {
        var steps = decimal.Round(rateMlPerHour / RateStepMlPerHour, MidpointRounding.AwayFromZero);
        return Math.Max(1m, steps) * RateStepMlPerHour;
    }

    public string Describe(decimal? weightKg)
    {
        var state = State.ToString().ToLowerInvariant();
        var rate = ReportedRateMlPerHour;
        var dose = weightKg is { } w ? $" ({decimal.Round(rate * ConcentrationMgPerMl / w, 3)} mg/kg/h, {decimal.Round(rate * ConcentrationMgPerMl * 24m, 1)} mg/day)" : "";
        var alarm = State == PumpState.Alarm && Alarm is { } a ? $" alarm {a.ToString().ToLowerInvariant()}" : "";
        return $"pump {Id} {state} {rate} mL/h at {ConcentrationMgPerMl} mg/mL{dose}{alarm}";
    }
}
