using Monitoring.Contracts.Views;

namespace Monitoring.Application.Patients;

/// <summary>The admitted patient, and whether the admission created them (REST answers 201 then, 200 for a re-admission).</summary>
public sealed record Admitted(PatientSnapshot? Snapshot, bool Created);
