using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Tests.Support;

namespace Monitoring.Ingest.Tests.Integration;

/// <summary>
/// The embedded broker counts what it holds for this host's ingest until ingest acknowledges it (after the router
/// took it): the test-only virtual clock waits for 0 before it moves.
/// </summary>
public class IngestBacklogTests(IngestHostFixture host) : IClassFixture<IngestHostFixture>
{
    [Fact]
    public async Task A_published_message_is_backlog_until_ingest_has_taken_it_then_none()
    {
        await Polling.Until(() => host.Broker.IngestBacklog == 0, "an idle ingest to start from");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Router.Behaviours["pump-backlog"] = async (_, _) =>
        {
            await release.Task;
            return ApplyOutcome.Applied;
        };
        await using var pump = await TestMqttClient.ConnectAsync(host.Port, "pump-backlog");

        // The publish returns on the broker's acknowledgement: by then the message is counted.
        await pump.PublishAsync("devices/pumps/pump-backlog/status", JsonPayload.Status.With("seq", "1").ToString());
        await pump.PublishAsync("devices/pumps/pump-backlog/status", JsonPayload.Status.With("seq", "2").ToString());
        Assert.Equal(2, host.Broker.IngestBacklog);

        release.SetResult();
        await Polling.Until(() => host.Broker.IngestBacklog == 0, "the backlog to drain once the router took both");
        Assert.Equal([1L, 2L], host.Router.SeqsOf("pump-backlog"));
    }
}
