namespace Monitoring.Simulators.Scenarios.Expectations;

/// <summary>
/// `patient: p, path: pauseProtocol.state, equals: paused, at: 2h` — a field of GET /api/patients/{id}
/// (dotted path, `[n]` for arrays) compared as text, case-insensitively; `null` matches a missing field; `@id` stands for a scenario id as the host knows it.
/// </summary>
public sealed record PatientStateExpectation : Expectation
{
    public required string PatientId { get; init; }
    public required string Path { get; init; }
    public required string ExpectedValue { get; init; }
    public required TimeSpan At { get; init; }

    public override TimeSpan CheckAt => At;

    public override string Describe() => $"{PatientId} {Path} = {ExpectedValue} at {DurationParser.Format(At)}";
}
