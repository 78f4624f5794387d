namespace Monitoring.Dashboard.Services;

/// <summary>A charted observation's fate: its id (for a later retraction) and the outcome, or why it was refused.</summary>
public sealed record ObservationOutcome(CommandOutcome Outcome, string? ObservationId, string? Applied);
