using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// The outcome of one input: the new state, every condition that holds now (comfort care already
/// applied), which rules began and ceased to hold, the pump commands to send, and what the pause
/// protocol did. The caller hosts the alert lifecycle on <see cref="Holding"/> and acts on <see cref="Commands"/>.
/// </summary>
/// <param name="NextDeadline">The next time a time-based rule may change without a new reading.</param>
public sealed record EngineResult(
    PatientState State,
    IReadOnlyList<RuleCondition> Holding,
    IReadOnlyList<RuleCondition> Raised,
    IReadOnlyList<string> Cleared,
    IReadOnlyList<PumpCommand> Commands,
    IReadOnlyList<PauseEvent> PauseEvents,
    DateTimeOffset? NextDeadline);
