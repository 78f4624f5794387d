namespace Monitoring.Contracts.Views;

/// <summary>A device of a ward's inventory, associated or not.</summary>
/// <param name="Type">pump or monitor.</param>
[GenerateSerializer, Immutable]
public sealed record DeviceView(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string Type,
    [property: Id(2)] string? PatientId,
    [property: Id(3)] string? LastState,
    [property: Id(4)] DateTimeOffset? LastMessageAt);
