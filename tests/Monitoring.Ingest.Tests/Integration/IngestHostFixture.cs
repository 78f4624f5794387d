using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Ingest.Broker;
using Monitoring.Ingest.Pipeline;
using Monitoring.Ingest.Tests.Support;
using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Tests.Integration;

/// <summary>
/// A host with the real embedded broker on a free port and the real ingest service, routing into a
/// <see cref="FakeRouter"/> (no Orleans). The broker's acknowledgement events go on the router's timeline.
/// </summary>
public sealed class IngestHostFixture : IAsyncLifetime
{
    private IHost? _host;
    private int _ingestConnections;

    internal FakeRouter Router { get; } = new();

    public int Port { get; } = FreePorts.Next();

    public string ClientId { get; } = "ingest-test-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Connections the broker accepted from the ingest's client id since the events were hooked.</summary>
    public int IngestConnections => _ingestConnections;

    public IServiceProvider Services => _host!.Services;

    public EmbeddedBroker Broker => Services.GetRequiredService<EmbeddedBroker>();

    public IngestHealth Health => Services.GetRequiredService<IngestHealth>();

    public static IHost BuildHost(IDictionary<string, string?> settings, Action<IServiceCollection> services)
    {
        // An empty builder: no environment variables (an operator's Mqtt__Host must not leak into a test).
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TestParameters.Protocol);
        services(builder.Services);
        builder.Services.AddMqttIngest(builder.Configuration, "test");
        return builder.Build();
    }

    public async Task InitializeAsync()
    {
        _host = BuildHost(
            new Dictionary<string, string?>
            {
                ["Mqtt:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mqtt:ClientId"] = ClientId,
                ["Mqtt:PingInterval"] = "00:00:00.200",
                ["Mqtt:ReconnectInitialDelay"] = "00:00:00.050",
                ["Mqtt:ReconnectMaxDelay"] = "00:00:01",
                ["Ingest:Workers"] = "4",

                // These tests send hundreds of messages per device at full speed; the rate limit has its own tests.
                ["Ingest:FloodBurstPerDevice"] = "100000",
                ["Ingest:RetryInitialDelay"] = "00:00:00.020",
                ["Ingest:RetryMaxDelay"] = "00:00:00.200",
            },
            services => services.AddSingleton<IMessageRouter>(Router));

        await _host.StartAsync();

        // Nothing has been published yet, so no acknowledgement can be missed by hooking in now.
        var server = Broker.Server!;
        server.ClientConnectedAsync += e =>
        {
            if (e.ClientId == ClientId)
            {
                Interlocked.Increment(ref _ingestConnections);
            }

            return Task.CompletedTask;
        };
        server.ClientAcknowledgedPublishPacketAsync += e =>
        {
            if (e.ClientId == ClientId && TopicMap.TryParse(e.PublishPacket.Topic, out var route))
            {
                Router.Timeline.Enqueue($"acked {route.Id} {SeqOf(e.PublishPacket.Payload)}");
            }

            return Task.CompletedTask;
        };

        await Polling.Until(() => Health.IsConnected, "the ingest to connect");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    private static string SeqOf(ReadOnlySequence<byte> payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload.ToArray());
            return json.RootElement.TryGetProperty("seq", out var seq) ? seq.GetRawText() : "-";
        }
        catch (JsonException)
        {
            return "?";
        }
    }
}
