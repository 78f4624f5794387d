namespace Monitoring.Simulators.Running;

/// <summary>The clock a scenario is played on: the host's virtual clock, or real time.</summary>
public interface IScenarioClock
{
    /// <summary>What the simulated devices read: they stamp their messages with it.</summary>
    TimeProvider Time { get; }

    bool IsVirtual { get; }

    /// <summary>The host's time when the scenario started.</summary>
    DateTimeOffset Start { get; }

    /// <summary>Offset reached so far.</summary>
    TimeSpan Elapsed { get; }

    /// <summary>Moves to an offset in small steps, calling <paramref name="afterEachStep"/> after each (devices report).</summary>
    Task AdvanceToAsync(TimeSpan offset, Func<CancellationToken, Task> afterEachStep, CancellationToken cancellationToken);
}
