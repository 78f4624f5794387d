namespace Monitoring.Grains.Tests.Support;

/// <summary>
/// How <see cref="GrainStoreOutage"/> treats one grain's writes: <see cref="WritesLeft"/> more go through, then each
/// is refused; with <see cref="AppliesFirst"/> a refused write is stored first and only its answer fails (a Redis
/// timeout after Redis applied the write).
/// </summary>
public sealed record StoreRefusal(int WritesLeft, bool AppliesFirst);
