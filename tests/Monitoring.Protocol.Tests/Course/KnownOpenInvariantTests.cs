namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// One property run per known-open aspect, judging only that aspect; skipped while the fix is open, the reason being the
/// shrunk counterexample. Un-skip when the fix lands (see <see cref="KnownOpenInvariants"/>); an aspect that holds
/// leaves this class too, since the main property then checks it.
/// </summary>
public class KnownOpenInvariantTests
{
    private static void Holds(string key) => CourseInvariantPropertyTests.Holds(v => v.Key == key);

    [Fact(Skip = KnownOpenInvariants.I3Assessment)]
    public void I3_an_overdue_assessment_stays_due_until_charted() => Holds("I3/assessment");
}
