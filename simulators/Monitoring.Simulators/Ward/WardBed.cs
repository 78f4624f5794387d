using System.Globalization;
using Monitoring.Simulators.Devices;

namespace Monitoring.Simulators.Ward;

/// <summary>One simulated bed: a patient's ids, weight and regimen, drawn from the profile.</summary>
public sealed record WardBed(int Number, string BedId, string PatientId, string PumpId, string MonitorId, decimal WeightKg, decimal BaselinePain, IPumpRegimen Regimen)
{
    /// <summary>The bed's draw is seeded by its number, so a ward looks the same run after run.</summary>
    public static WardBed Create(WardProfile profile, int number, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var random = new Random(number);
        var weight = decimal.Round(profile.WeightKg.Draw(random), 1);
        IPumpRegimen regimen = (decimal)random.NextDouble() < profile.GradualShare
            ? new GradualTitrationRegimen(profile.GradualStartMgPerDay, profile.GradualStepMgPerDay, profile.GradualEvery, profile.GradualTargetMgPerDay)
            : new WeightBasedRegimen(weight, profile.DoseMgPerKgPerHour.Draw(random));
        return new WardBed(
            number,
            Format(profile.BedIdFormat, number),
            idPrefix + Format(profile.PatientIdFormat, number),
            idPrefix + Format(profile.PumpIdFormat, number),
            idPrefix + Format(profile.MonitorIdFormat, number),
            weight,
            profile.BaselinePain.DrawWhole(random),
            regimen);
    }

    public string RegimenName => Regimen is GradualTitrationRegimen ? "gradual" : "weight-based";

    private static string Format(string format, int number) => string.Format(CultureInfo.InvariantCulture, format, number);
}
