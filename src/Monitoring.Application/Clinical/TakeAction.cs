using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Clinical;

/// <summary>A clinician's decision under the protocol (stop-course, restart, an override) with its reason.</summary>
public sealed record TakeAction(string PatientId, ClinicianAction Action);
