using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Clinical;

/// <summary>The prescriber's course order as transcribed.</summary>
public sealed record RecordOrder(string PatientId, CourseOrderRequest Order);
