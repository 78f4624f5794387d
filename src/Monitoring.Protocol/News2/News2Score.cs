namespace Monitoring.Protocol.News2;

/// <summary>A NEWS2 aggregate over the parameters present: fresh ones, and stale ones on their last value (I7).</summary>
/// <param name="Partial">True when any parameter is missing or stale: the total may not describe the patient now.</param>
/// <param name="HighestSingle">The highest single-parameter score among those present (0 when none is).</param>
/// <param name="Components">The parameters that counted, in chart order (stale ones flagged).</param>
/// <param name="MissingOrStale">The parameters never received or stale, in chart order.</param>
public sealed record News2Score(
    int Total,
    bool Partial,
    int HighestSingle,
    IReadOnlyList<News2Component> Components,
    IReadOnlyList<News2Parameter> MissingOrStale);
