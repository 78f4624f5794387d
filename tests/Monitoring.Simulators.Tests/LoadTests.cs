using Monitoring.Simulators.Connections;
using Monitoring.Simulators.Load;
using Monitoring.Simulators.Ward;

namespace Monitoring.Simulators.Tests;

[Collection(nameof(BrokerCollection))]
public sealed class LoadTests
{
    [Fact]
    public void The_schedule_is_steady_and_fair()
    {
        var schedule = new LoadSchedule(patients: 4, ratePerPatient: 2);

        Assert.Equal(8, schedule.TotalRate);
        Assert.Equal(TimeSpan.FromSeconds(0.125), schedule.DueAt(1));
        Assert.Equal(9, schedule.DueBy(TimeSpan.FromSeconds(1)));
        var firstSecond = Enumerable.Range(0, 8).Select(n => schedule.PatientOf(n)).ToList();
        Assert.All(Enumerable.Range(0, 4), p => Assert.Equal(2, firstSecond.Count(x => x == p)));
        Assert.Equal([true, true, true, true, false, false, false, false], Enumerable.Range(0, 8).Select(n => schedule.IsPumpMessage(n)));
    }

    [Fact]
    public async Task A_short_run_publishes_at_the_target_rate_over_few_connections()
    {
        await using var broker = new TestBroker();
        await broker.StartAsync();
        var options = new LoadOptions
        {
            Patients = 50,
            RatePerPatient = 4,
            Duration = TimeSpan.FromSeconds(2),
            Profile = WardProfileLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "ward-profile.yaml")),
            Mqtt = new MqttEndpoint { Host = "127.0.0.1", Port = broker.Port },
            Connections = 3,
        };

        var report = await new LoadGenerator(options, TextWriter.Null).RunAsync(default);

        Assert.Equal(400, report.Scheduled);
        Assert.Equal(400, report.Published);
        Assert.Equal(0, report.Failed);
        Assert.Equal(100, report.Devices);
        Assert.InRange(report.AchievedRate, 150, 210);
        Assert.Equal(3, broker.Received.Select(r => r.ClientId).Distinct().Count());
        Assert.Equal(200, broker.Received.Count(r => r.Topic.EndsWith("/status", StringComparison.Ordinal)));
        Assert.Contains(report.Lines(), l => l.StartsWith("achieved", StringComparison.Ordinal));
    }
}
