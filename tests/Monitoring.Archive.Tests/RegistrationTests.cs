using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitoring.Archive.Tests.Support;
using Monitoring.Contracts.Services;

namespace Monitoring.Archive.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Without_Archive_Url_nothing_is_registered()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Archive:Bucket"] = "b" }).Build();

        services.AddArchive(configuration);

        Assert.Empty(services);
    }

    [Theory]
    [InlineData("Archive:Bucket", "", "Archive:Bucket is required")]
    [InlineData("Archive:Token", "", "Archive:Token is required")]
    [InlineData("Archive:Url", "influxdb:8086", "Archive:Url must be an absolute http or https URL")]
    [InlineData("Archive:RetryMaxDelay", "00:00:00.050", "Archive:RetryInitialDelay must not be above")]
    public async Task Incomplete_settings_refuse_to_start_naming_the_key(string key, string value, string message)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => ArchiveHost.StartAsync("http://127.0.0.1:9", new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meter_reports_buffered_written_dropped_and_the_buffer_size()
    {
        var client = new FakeArchiveClient();
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ArchiveMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measured)
            {
                measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            lock (measured)
            {
                measured[instrument.Name] = value;
            }
        });
        listener.Start();
        await using var host = await ArchiveHost.StartAsync("http://127.0.0.1:9", services: s => s.AddSingleton<IArchiveClient>(client));

        for (var i = 0; i < 7; i++)
        {
            host.Sink.TryEnqueue(Samples.Numbered("p", i, Samples.Now()));
        }

        host.Sink.TryEnqueue(null!);
        await Polling.Until(() => host.Metrics.TotalWritten == 7, "written");
        listener.RecordObservableInstruments();

        lock (measured)
        {
            Assert.Equal(7, measured["monitoring.archive.buffered"]);
            Assert.Equal(7, measured["monitoring.archive.written"]);
            Assert.Equal(1, measured["monitoring.archive.dropped"]);
            Assert.Equal(0, measured["monitoring.archive.buffer.size"]);
        }
    }

    [Fact]
    public async Task The_command_sender_decorator_archives_what_was_sent_and_nothing_when_sending_failed()
    {
        var client = new FakeArchiveClient();
        await using var host = await ArchiveHost.StartAsync("http://127.0.0.1:9", services: s => s.AddSingleton<IArchiveClient>(client));
        var sent = new ArchivingPumpCommandSender(new FakePumpCommandSender(fail: false), host.Sink);
        var failing = new ArchivingPumpCommandSender(new FakePumpCommandSender(fail: true), host.Sink);

        await sent.SendAsync(Samples.SetRate("pump-1", Samples.Now()), "p1");
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.SendAsync(Samples.SetRate("pump-2", Samples.Now()), "p2"));

        await Polling.Until(() => client.Points.Any(), "written");
        var point = Assert.Single(client.Points);
        Assert.Equal("pump-1", point.Tags["pump"]);
        Assert.Equal("issued", point.Tags["result"]);
    }

    [Fact]
    public async Task The_host_registers_the_influx_client_the_writer_and_the_health_check()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Archive:Url"] = "http://127.0.0.1:9",
            ["Archive:Token"] = "t",
            ["Archive:Org"] = "o",
            ["Archive:Bucket"] = "b",
        });
        builder.Services.AddArchive(builder.Configuration);
        builder.Services.AddArchive(builder.Configuration); // twice is harmless
        using var host = builder.Build();

        Assert.IsType<InfluxArchiveClient>(host.Services.GetRequiredService<IArchiveClient>());
        Assert.IsType<ArchiveBuffer>(host.Services.GetRequiredService<IArchiveSink>());
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<ArchiveWriter>());
        var checks = host.Services.GetRequiredService<IOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>>().Value.Registrations;
        var archive = Assert.Single(checks, c => c.Name == ArchiveServiceCollectionExtensions.HealthCheckName);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, archive.FailureStatus);
        Assert.Contains("ready", archive.Tags);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task AddArchivingPumpCommands_wraps_the_registered_sender_and_does_nothing_without_an_archive()
    {
        var client = new FakeArchiveClient();
        await using var host = await ArchiveHost.StartAsync("http://127.0.0.1:9", services: s =>
        {
            s.AddSingleton<IArchiveClient>(client);
            s.AddSingleton<FakePumpCommandSender>(_ => new FakePumpCommandSender(fail: false));
            s.AddSingleton<IPumpCommandSender>(sp => sp.GetRequiredService<FakePumpCommandSender>());
        }, after: s => s.AddArchivingPumpCommands().AddArchivingPumpCommands());

        var sender = host.Services.GetRequiredService<IPumpCommandSender>();
        await sender.SendAsync(Samples.SetRate("pump-9", Samples.Now()), "p9");

        Assert.IsType<ArchivingPumpCommandSender>(sender);
        await Polling.Until(() => client.Points.Any(), "archived");
        Assert.Equal("pump-9", Assert.Single(client.Points).Tags["pump"]);

        var withoutArchive = new ServiceCollection().AddSingleton<IPumpCommandSender>(new FakePumpCommandSender(fail: false));
        withoutArchive.AddArchivingPumpCommands();
        Assert.IsType<FakePumpCommandSender>(withoutArchive.BuildServiceProvider().GetRequiredService<IPumpCommandSender>());
    }
}
