using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Scenarios;
using Monitoring.Simulators.Ward;

namespace Monitoring.Simulators.Tests;

public sealed class WardProfileTests
{
    private static WardProfile Shipped() => WardProfileLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "ward-profile.yaml"));

    [Fact]
    public void The_shipped_profile_loads_and_matches_the_seeded_ward()
    {
        var profile = Shipped();
        var bed = WardBed.Create(profile, 3, "");

        Assert.Equal("ward-a", profile.WardId);
        Assert.Equal(("bed-03", "pump-03", "monitor-03"), (bed.BedId, bed.PumpId, bed.MonitorId));
        Assert.InRange(bed.WeightKg, profile.WeightKg.Min, profile.WeightKg.Max);
    }

    [Fact]
    public void Beds_are_the_same_run_after_run_and_mix_regimens()
    {
        var profile = Shipped();
        var first = Enumerable.Range(1, 40).Select(n => WardBed.Create(profile, n, "x-")).ToList();
        var again = Enumerable.Range(1, 40).Select(n => WardBed.Create(profile, n, "x-")).ToList();

        Assert.Equal(first, again);
        Assert.Contains(first, b => b.Regimen is GradualTitrationRegimen);
        Assert.Contains(first, b => b.Regimen is WeightBasedRegimen);
        Assert.All(first.Select(b => b.Regimen).OfType<WeightBasedRegimen>(), r => Assert.InRange(r.DoseMgPerKgPerHour, profile.DoseMgPerKgPerHour.Min, profile.DoseMgPerKgPerHour.Max));
    }

    [Fact]
    public void A_profile_missing_a_figure_names_it()
    {
        var error = Assert.Throws<ScenarioLoadException>(() => WardProfileLoader.Parse("ward: w\nids: { bed: b, patient: p, pump: q, monitor: m }\n", "thin.yaml"));
        Assert.Contains(error.Errors, e => e.Message.Contains("'regimen' is required", StringComparison.Ordinal));
    }
}
