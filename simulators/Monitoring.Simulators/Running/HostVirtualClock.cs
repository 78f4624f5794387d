using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Simulators.Running;

/// <summary>
/// The host's test-only clock (POST /test/clock/advance): moved in steps of at most <c>maxStep</c>
/// (5 s by default, so no comms-loss deadline passes between two device reports); the devices read the
/// time the host answered, so their messages carry the virtual time.
/// </summary>
public sealed class HostVirtualClock : IScenarioClock
{
    /// <summary>The contract's advice for runners that want no comms-loss alerts.</summary>
    public static readonly TimeSpan DefaultMaxStep = TimeSpan.FromSeconds(5);

    private readonly HostApiClient _client;
    private readonly TimeSpan _maxStep;
    private readonly TimeSpan _settle;
    private readonly SteppedTimeProvider _time;

    private HostVirtualClock(HostApiClient client, DateTimeOffset now, TimeSpan maxStep, TimeSpan settle)
    {
        _client = client;
        _maxStep = maxStep;
        _settle = settle;
        _time = new SteppedTimeProvider(now);
        Start = now;
    }

    public TimeProvider Time => _time;

    public bool IsVirtual => true;

    public DateTimeOffset Start { get; }

    public TimeSpan Elapsed => _time.GetUtcNow() - Start;

    /// <summary>The host's virtual clock, or null when the host does not expose one (404 or 401/403 with no route).</summary>
    public static async Task<HostVirtualClock?> TryConnectAsync(HostApiClient client, TimeSpan maxStep, TimeSpan settle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(HostRoutes.Clock, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess && ParseNow(response) is { } now ? new HostVirtualClock(client, now, maxStep, settle) : null;
    }

    public async Task AdvanceToAsync(TimeSpan offset, Func<CancellationToken, Task> afterEachStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterEachStep);
        foreach (var step in ScenarioTimeline.ClockSteps(Elapsed, offset, _maxStep))
        {
            if (_settle > TimeSpan.Zero)
            {
                // Lets the host take what the devices just published before the clock moves on.
                await Task.Delay(_settle, cancellationToken).ConfigureAwait(false);
            }

            var body = new JsonObject { ["seconds"] = JsonValue.Create((decimal)step.TotalSeconds) };
            var response = await _client.PostAsync(HostRoutes.ClockAdvance, body, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess || ParseNow(response) is not { } now)
            {
                throw new HostApiException("advancing the virtual clock failed", response);
            }

            _time.Set(now);
            await afterEachStep(cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset? ParseNow(HostResponse response) =>
        response.Json() is JsonObject json
        && json.FirstOrDefault(kv => string.Equals(kv.Key, "now", StringComparison.OrdinalIgnoreCase)).Value is JsonValue value
        && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now)
            ? now
            : null;
}
