namespace Monitoring.Host.Options;

/// <summary>Where Orleans keeps clustering, grain state and reminders (Storage:Provider).</summary>
public enum StorageProvider
{
    /// <summary>The embedded default: one process, everything in memory, nothing durable.</summary>
    Memory,

    /// <summary>Production: Orleans clustering, grain state and reminders in Redis (ConnectionStrings:Redis).</summary>
    Redis,
}
