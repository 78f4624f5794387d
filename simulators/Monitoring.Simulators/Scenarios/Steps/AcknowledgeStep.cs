namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`acknowledge: {rule, patient | device, note?}` (the note is Comment) — finds the open alert and POSTs its acknowledgement.</summary>
public sealed record AcknowledgeStep(string RuleId, string? PatientId, string? DeviceId, string Comment) : ScenarioStep
{
    public override string Describe() => $"acknowledge {RuleId} of {PatientId ?? DeviceId}";
}
