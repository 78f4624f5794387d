using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Observations;

/// <summary>The charted observation's id and what the patient grain made of it (applied, or a duplicate).</summary>
public sealed record ObservationCharted(string ObservationId, ApplyOutcome Outcome);
