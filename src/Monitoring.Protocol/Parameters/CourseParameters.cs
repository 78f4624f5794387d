namespace Monitoring.Protocol.Parameters;

/// <summary>A readmission within this window continues the same course.</summary>
public sealed record CourseParameters(TimeSpan ReadmissionContinuesWithin);
