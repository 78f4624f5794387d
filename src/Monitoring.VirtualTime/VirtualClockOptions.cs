namespace Monitoring.VirtualTime;

/// <summary>
/// The "Testing" section: the test-only virtual clock (interfaces.md, "Test-only clock control").
/// Off unless configured; the host refuses to start with it in the Production environment.
/// </summary>
public sealed class VirtualClockOptions
{
    public const string Section = "Testing";

    /// <summary>Testing__VirtualClock: the product runs on a clock that only moves when told.</summary>
    public bool VirtualClock { get; set; }

    /// <summary>The contract's largest step: POST /test/clock/advance takes 1 to this many seconds.</summary>
    public int MaxAdvanceSeconds { get; set; } = 3600;

    /// <summary>The smallest step a call may ask for.</summary>
    public int MinAdvanceSeconds { get; set; } = 1;

    /// <summary>
    /// Where the clock starts; unset: the real time at start, to the second. Either way it only moves forward.
    /// </summary>
    public DateTimeOffset? StartAt { get; set; }

    /// <summary>
    /// Real time allowed for the grain turns one clock instant set off (timer ticks) before the advance goes on
    /// without them (logged): a stuck grain must not hang the test forever.
    /// </summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timer firings at one instant before the clock gives up on a timer that keeps re-arming at once (logged).</summary>
    public int MaxFiringsPerInstant { get; set; } = 10_000;
}
