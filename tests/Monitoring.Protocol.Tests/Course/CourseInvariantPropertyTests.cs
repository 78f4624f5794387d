using CsCheck;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// The model-based test of the course invariants I1-I8 (clinical-protocol.md, "Course invariants"; issue 12): random
/// courses (<see cref="CourseGenerators"/>) played through the engine and the alert book as the grain plays them
/// (<see cref="CourseDriver"/>), every invariant checked after every step (<see cref="CourseRun"/>).
/// <para>
/// On a failure CsCheck prints its seed ("Set seed: "..." or -e CsCheck_Seed=... to reproduce") and the shrunk course,
/// further minimised (<see cref="CourseMinimiser"/>) and printed one line per step up to the failing one. To replay exactly
/// that course, run the one test with the seed in the environment:
/// <c>CsCheck_Seed=&lt;seed&gt; dotnet test tests/Monitoring.Protocol.Tests -c Release --filter "FullyQualifiedName~&lt;test name&gt;"</c>
/// (or pass <c>seed: "&lt;seed&gt;"</c> to <c>Sample</c> in <see cref="Holds"/> while debugging). The seed replays the course;
/// the minimising that follows is deterministic.
/// </para>
/// <para>
/// Aspects that fail on the current code while their fix is in progress are listed in <see cref="KnownOpenInvariants"/>
/// (empty now): the main test leaves them out, and each has its own skipped test whose reason is the shrunk
/// counterexample. Un-skip it when the fix lands; it must then pass, and the key leaves the list.
/// </para>
/// </summary>
public class CourseInvariantPropertyTests
{
    /// <summary>Courses per property run (each 50-60 steps).</summary>
    public const int Sequences = 10_000;

    [Fact]
    public void Every_course_invariant_not_known_open_holds_after_every_step_of_10000_random_courses() =>
        Holds(v => !KnownOpenInvariants.Keys.Contains(v.Key));

    internal static void Holds(Func<CourseViolation, bool> judged) =>
        CourseGenerators.Scenario.Sample(scenario => CourseRun.Check(scenario, judged), iter: Sequences,
            print: scenario => CourseRun.Render(scenario, judged));
}
