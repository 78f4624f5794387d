namespace Monitoring.Host.Options;

/// <summary>The "Storage" section: Storage__Provider is Memory (embedded) or Redis (production).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>The embedded default keeps nothing across a restart: state and audit are in memory.</summary>
    public bool IsEmbedded => Provider == StorageProvider.Memory;
}
