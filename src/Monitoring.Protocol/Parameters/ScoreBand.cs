namespace Monitoring.Protocol.Parameters;

/// <summary>One band of a NEWS2 chart row: values at or below <see cref="AtOrBelow"/> score <see cref="Score"/>; null is the open top band.</summary>
public sealed record ScoreBand(decimal? AtOrBelow, int Score);
