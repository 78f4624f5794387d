namespace Monitoring.Bench.Measuring;

/// <summary>How many published messages the system under test has fully handled so far (a monotonic count).</summary>
public interface IProcessedCounter
{
    string Name { get; }

    Task<long> ProcessedAsync(CancellationToken cancellationToken);

    /// <summary>Called before each step (the baseline starts each with a fresh subscriber, so one overloaded step cannot spoil the next).</summary>
    Task BeforeStepAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
