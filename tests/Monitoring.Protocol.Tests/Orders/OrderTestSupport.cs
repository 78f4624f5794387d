using Monitoring.Protocol.Model;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Orders;

/// <summary>Orders and limits for the default test patient (70 kg, 1 mg/mL: 0.1 mg/kg/h is 7.0 mL/h).</summary>
internal static class OrderTestSupport
{
    public static CourseOrder Order(decimal maxRate, decimal startRate = 0.06m, Regimen regimen = Regimen.WeightBased, decimal concentration = 1m) =>
        new("Dr Ward", regimen, concentration, startRate, maxRate, "charge");

    public static PatientLimits Limits(decimal? maxRate = null, decimal? usualMin = null, decimal? usualMax = null, decimal? acuteBolus = null, string reason = "frail, renal impairment") =>
        new(maxRate, usualMin, usualMax, acuteBolus, reason, "charge");

    public static Ward Record(this Ward ward, CourseOrder order) => ward.Apply(ward.Engine.RecordOrder(ward.State, order, ward.Context));

    public static Ward Limit(this Ward ward, PatientLimits limits) => ward.Apply(ward.Engine.SetPatientLimits(ward.State, limits, ward.Context));

    /// <summary>Ran at 7.0 mL/h (0.1 mg/kg/h), hallucination charted, the pump confirmed the pause, then the restart window opened.</summary>
    public static Ward PausedAnHourAfterRunningAt7(bool enforcing = true)
    {
        var ward = new Ward(enforcing: enforcing).Running(7.0m).Observe(ObservationKind.Hallucination);
        var pause = ward.CommandsSent.LastOrDefault();
        ward.Pump(PumpState.Paused, 7.0m, lastCommandId: pause?.CommandId, lastCommandResult: pause is null ? null : CommandResult.Done);
        return ward.Advance(TimeSpan.FromHours(1));
    }
}
