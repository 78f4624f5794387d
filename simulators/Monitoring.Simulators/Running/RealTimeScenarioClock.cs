namespace Monitoring.Simulators.Running;

/// <summary>Real time: waits, and lets the devices report every <c>tick</c> while it waits.</summary>
public sealed class RealTimeScenarioClock(TimeProvider time, TimeSpan tick) : IScenarioClock
{
    public TimeProvider Time { get; } = time;

    public bool IsVirtual => false;

    public DateTimeOffset Start { get; } = time.GetUtcNow();

    public TimeSpan Elapsed => Time.GetUtcNow() - Start;

    public async Task AdvanceToAsync(TimeSpan offset, Func<CancellationToken, Task> afterEachStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterEachStep);
        while (Elapsed < offset)
        {
            var remaining = offset - Elapsed;
            await Task.Delay(remaining < tick ? remaining : tick, Time, cancellationToken).ConfigureAwait(false);
            await afterEachStep(cancellationToken).ConfigureAwait(false);
        }
    }
}
