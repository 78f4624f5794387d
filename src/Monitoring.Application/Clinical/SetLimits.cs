using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Clinical;

/// <summary>Patient-specific limits, tighter than the protocol's, with a reason.</summary>
public sealed record SetLimits(string PatientId, PatientLimitsRequest Limits);
