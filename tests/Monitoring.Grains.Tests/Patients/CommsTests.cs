using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>Silence is never read as normal: technical alerts raised by the grain's timer alone.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CommsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_silent_pump_raises_PUMP_COMMS_LOST_from_the_timer_with_no_message()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);
        await bed.Advance(TimeSpan.FromSeconds(15));
        Assert.Null(await bed.Alert(RuleIds.PumpCommsLost)); // "more than" 15 s

        await bed.Advance(TimeSpan.FromSeconds(1));

        var alert = await bed.OpenAlert(RuleIds.PumpCommsLost);
        Assert.Equal(AlertPriority.High, alert.Priority);
        Assert.Equal(AlertKind.Technical, alert.Kind);
        Assert.Equal(bed.PumpId, alert.DeviceId);
    }

    [Fact]
    public async Task A_monitor_that_reports_without_SpO2_and_RR_raises_PARAMETER_MISSING()
    {
        var bed = await new Bed(fixture).Admitted(pump: false, monitor: true);
        for (var i = 0; i < 7; i++)
        {
            await bed.Vitals(hr: 80m, spo2: null, rr: null);
            await bed.Advance(TimeSpan.FromSeconds(10));
        }

        await bed.Vitals(hr: 80m, spo2: null, rr: null);
        await bed.Advance(TimeSpan.FromSeconds(1));

        var alert = await bed.OpenAlert(RuleIds.ParameterMissing);
        Assert.Equal(AlertPriority.Medium, alert.Priority);
        Assert.Contains("SpO2", alert.LastValue, StringComparison.Ordinal);
        Assert.Contains("RR", alert.LastValue, StringComparison.Ordinal);
        Assert.DoesNotContain("HR", alert.LastValue, StringComparison.Ordinal);
        Assert.Null(await bed.Alert(RuleIds.MonitorCommsLost)); // the monitor itself still reports
    }
}
