namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// One generated input of a course. The arguments are small non-negative integers (indices into
/// <see cref="CourseTables"/>), so CsCheck shrinks towards the first, most ordinary entry of each table;
/// <see cref="CourseDriver"/> turns them into concrete readings against the patient and pump of the moment.
/// </summary>
public sealed record CourseStep(CourseStepKind Kind, int A = 0, int B = 0, int C = 0, int D = 0, int E = 0);
