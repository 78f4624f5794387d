namespace Monitoring.Contracts.Views;

public enum WardPushKind
{
    PatientUpdated,
    AlertRaised,
    AlertChanged,
    AlertEscalated,
}

/// <summary>One change pushed to the ward's viewers: a patient snapshot or an alert.</summary>
[GenerateSerializer, Immutable]
public sealed record WardPush(
    [property: Id(0)] string WardId,
    [property: Id(1)] WardPushKind Kind,
    [property: Id(2)] PatientSnapshot? Snapshot,
    [property: Id(3)] AlertView? Alert);
