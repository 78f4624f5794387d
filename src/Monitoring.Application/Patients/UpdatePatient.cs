using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Patients;

/// <summary>Change an admission: only the named fields of <paramref name="Changes"/> are applied.</summary>
public sealed record UpdatePatient(string PatientId, Admission Changes, IReadOnlyList<string> ChangedFields);
