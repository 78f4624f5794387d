namespace Monitoring.Protocol.Tests.Course;

/// <summary>An invariant failed at a step of a generated course; CsCheck shrinks the course and prints it as a scenario.</summary>
public sealed class CourseInvariantException(int step, CourseViolation violation)
    : Exception($"step {step}: {violation}")
{
    public int Step { get; } = step;

    public CourseViolation Violation { get; } = violation;
}
