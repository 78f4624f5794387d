namespace Monitoring.Contracts.Views;

/// <summary>GET /api/wards/{id} and the hub's GetWard: every bed's snapshot, the ward's devices and its alerts.</summary>
[GenerateSerializer, Immutable]
public sealed record WardView(
    [property: Id(0)] string WardId,
    [property: Id(1)] bool EnforcingMode,
    [property: Id(2)] IReadOnlyList<PatientSnapshot> Beds,
    [property: Id(3)] IReadOnlyList<DeviceView> Devices,
    [property: Id(4)] IReadOnlyList<AlertView> Alerts,
    [property: Id(5)] DateTimeOffset TakenAt);
