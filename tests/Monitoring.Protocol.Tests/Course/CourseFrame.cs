using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// Everything observable after one step: the engine's state and last result, the alert book the grain would hold,
/// the alert events and pump commands of this step, and the test's own model of the course.
/// </summary>
/// <param name="Index">0 for the admission, then 1, 2... per step.</param>
/// <param name="Text">The step as a readable scenario line.</param>
/// <param name="BolusMgPerKg">The bolus of this step, when it was one, with whether it was judged as acute.</param>
/// <param name="MidazolamMgPerKg">The midazolam dose of this step, when it was one.</param>
public sealed record CourseFrame(
    int Index,
    CourseStepKind? Kind,
    string Text,
    DateTimeOffset Now,
    PatientState State,
    EngineResult Result,
    AlertBook Book,
    IReadOnlyList<AlertEvent> Events,
    IReadOnlyList<PumpCommand> Commands,
    CourseModel Model,
    (decimal MgPerKg, bool JudgedAcute)? BolusMgPerKg = null,
    decimal? MidazolamMgPerKg = null)
{
    public Alert? OpenAlert(string ruleId) => Book.Open.FirstOrDefault(a => a.RuleId == ruleId);

    public bool HasEvent(string ruleId, AlertEventType type) => Events.Any(e => e.Alert.RuleId == ruleId && e.Type == type);
}
