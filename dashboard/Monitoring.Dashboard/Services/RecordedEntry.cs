using Monitoring.Protocol.Model;

namespace Monitoring.Dashboard.Services;

/// <summary>An observation charted through this dashboard, kept so a charge nurse can retract it by its id.</summary>
public sealed record RecordedEntry(string PatientId, string ObservationId, ObservationKind Kind, string? Value, string RecordedBy, DateTimeOffset At);
