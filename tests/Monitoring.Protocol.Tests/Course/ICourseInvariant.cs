namespace Monitoring.Protocol.Tests.Course;

/// <summary>One course invariant of clinical-protocol.md ("Course invariants"), judged on what a step changed.</summary>
public interface ICourseInvariant
{
    /// <summary>"I1" ... "I8".</summary>
    string Id { get; }

    /// <summary>The invariant as clinical-protocol.md words it.</summary>
    string Wording { get; }

    IEnumerable<CourseViolation> Check(CourseFrame before, CourseFrame after);
}
