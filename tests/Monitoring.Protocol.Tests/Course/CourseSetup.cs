using Monitoring.Protocol.Model;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// The admission a generated course starts from: weight, regimen, the pharmacy's syringe strength (null: the
/// admission is not complete yet), the first pump's rate step and strength, and the ward's mode.
/// </summary>
public sealed record CourseSetup(
    decimal WeightKg,
    Regimen Regimen,
    decimal? PrescribedConcentrationMgPerMl,
    decimal SyringeConcentrationMgPerMl,
    decimal PumpRateStepMlPerHour,
    bool Enforcing)
{
    public override string ToString() =>
        $"{WeightKg} kg, {(Regimen == Regimen.Gradual ? "gradual" : "weight-based")}, prescribed "
        + $"{(PrescribedConcentrationMgPerMl is { } c ? $"{c} mg/mL" : "not yet")}, syringe {SyringeConcentrationMgPerMl} mg/mL, "
        + $"pump step {PumpRateStepMlPerHour} mL/h, {(Enforcing ? "enforcing" : "advisory")} ward";
}
