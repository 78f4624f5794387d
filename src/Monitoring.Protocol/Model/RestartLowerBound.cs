namespace Monitoring.Protocol.Model;

/// <summary>
/// Set when the pump restarts after a hallucination pause, cleared when a new order is recorded: until then the rate
/// allowed now is strictly below the pre-pause dose rate ("restart lower" holds until a clinician decides otherwise).
/// </summary>
/// <param name="PrePauseDoseRateMgPerKgPerHour">Null when it could not be known: no rate bound then (RESTART_NOT_LOWER says the restart could not be checked).</param>
public sealed record RestartLowerBound(decimal? PrePauseDoseRateMgPerKgPerHour, DateTimeOffset RestartedAt);
