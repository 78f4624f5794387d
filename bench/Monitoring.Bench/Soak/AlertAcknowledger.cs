using System.Text.Json;

namespace Monitoring.Bench.Soak;

/// <summary>
/// The charge nurse at the ward's screen: every few seconds acknowledges every alert that is active or latched, as a
/// ward does. A latched HIGH alert (its condition cleared, never acknowledged) stays open until then, so without this a
/// broker outage would leave every pump's PUMP_COMMS_LOST standing and a later silence could raise nothing new.
/// </summary>
public sealed class AlertAcknowledger(SoakApi api)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    public int Acknowledged { get; private set; }

    public int Refused { get; private set; }

    public async Task RunAsync(Task until, CancellationToken cancellationToken)
    {
        while (!until.IsCompleted)
        {
            await Task.WhenAny(until, Task.Delay(Every, cancellationToken));
            try
            {
                foreach (var alert in await api.OpenAlertsAsync(cancellationToken))
                {
                    if (alert.GetProperty("state").GetString() is "active" or "latched" && alert.GetProperty("id").GetString() is { } id)
                    {
                        var done = await api.AcknowledgeAsync(id, "seen at the soak's ward screen", cancellationToken);
                        Acknowledged += done ? 1 : 0;
                        Refused += done ? 0 : 1;
                    }
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or JsonException && !cancellationToken.IsCancellationRequested)
            {
                // No host answered (a fault): the next round tries again.
            }
        }
    }
}
