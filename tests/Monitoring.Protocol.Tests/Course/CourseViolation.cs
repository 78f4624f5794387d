namespace Monitoring.Protocol.Tests.Course;

/// <summary>One way an invariant failed after a step. <see cref="Key"/> ("I3/rhythm") names the aspect for the known-open list.</summary>
public sealed record CourseViolation(string Invariant, string Aspect, string Text)
{
    public string Key => $"{Invariant}/{Aspect}";

    public override string ToString() => $"{Key}: {Text}";
}
