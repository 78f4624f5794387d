namespace Monitoring.Production.Tests.Support;

/// <summary>
/// One Orleans cluster (its ClusterId and ServiceId, so its grain state, reminders and keys in the shared Redis) and its
/// audit schema in the shared PostgreSQL: each test has its own, so tests never see each other's patients.
/// </summary>
public sealed record ClusterIdentity(string ClusterId, string ServiceId, string AuditSchema)
{
    public static ClusterIdentity New()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new ClusterIdentity($"cluster-{id}", $"service-{id}", $"audit_{id}");
    }
}
