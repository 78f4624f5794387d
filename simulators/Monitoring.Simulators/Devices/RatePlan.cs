namespace Monitoring.Simulators.Devices;

/// <summary>
/// The rates a pump follows from a regimen: each <see cref="ScheduledRate"/> becomes due its
/// <see cref="ScheduledRate.After"/> after the plan started. Not thread-safe: the pump calls it under its own lock.
/// </summary>
internal sealed class RatePlan
{
    private IReadOnlyList<ScheduledRate> _rates = [];
    private int _applied;
    private DateTimeOffset _startedAt;

    /// <summary>Whether any rate of the current plan has been applied yet.</summary>
    public bool Started => _applied > 0;

    public void Start(IReadOnlyList<ScheduledRate> rates, DateTimeOffset now)
    {
        _rates = rates;
        _applied = 0;
        _startedAt = now;
    }

    /// <summary>Drops the plan: the nurse or the product set the rate by hand.</summary>
    public void Clear() => _rates = [];

    /// <summary>The latest rate that has come due by <paramref name="now"/> and not been applied, if any.</summary>
    public decimal? TakeDue(DateTimeOffset now)
    {
        decimal? rate = null;
        var elapsed = now - _startedAt;
        while (_applied < _rates.Count && _rates[_applied].After <= elapsed)
        {
            rate = _rates[_applied].RateMlPerHour;
            _applied++;
        }

        return rate;
    }
}
