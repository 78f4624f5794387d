namespace Monitoring.Application.Patients;

/// <summary>Discharge a patient: refused while a pump runs; the history is kept.</summary>
public sealed record DischargePatient(string PatientId);
