namespace Monitoring.Simulators.Tests.StubHost;

/// <summary>An alert as the contract's JSON spells it.</summary>
public sealed record StubAlert(string Id, string? PatientId, string? DeviceId, string WardId, string RuleId, string Priority, string Kind, string State, bool Escalated, DateTimeOffset RaisedAt, DateTimeOffset LastChangedAt);
