namespace Monitoring.Protocol.Tests.Course;

/// <summary>A generated course: the admission and the steps played through <see cref="CourseDriver"/>.</summary>
public sealed record CourseScenario(CourseSetup Setup, IReadOnlyList<CourseStep> Steps);
