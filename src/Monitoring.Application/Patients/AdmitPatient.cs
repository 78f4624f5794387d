using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Patients;

/// <summary>Admit a patient to a configured ward's bed (or re-admit: the same id updates the admission).</summary>
public sealed record AdmitPatient(Admission Admission);
