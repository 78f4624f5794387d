namespace Monitoring.Dashboard.Services;

/// <summary>The device feed as the banner shows it.</summary>
/// <param name="Condition">Connecting (the host has not finished its first attempt), live, or lost.</param>
/// <param name="Since">Since when it has been so (real time).</param>
/// <param name="Lasting">How long it has been so, at the moment <see cref="IDeviceFeedStatus.Current"/> was read.</param>
/// <param name="Detail">The technical cause, for whoever fixes it (null while live).</param>
public sealed record DeviceFeedState(DeviceFeedCondition Condition, DateTimeOffset Since, TimeSpan Lasting, string? Detail);
