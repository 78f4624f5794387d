using System.Globalization;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// The configuration an operator gives one host of a production cluster, as a test runs it: Redis storage and clustering,
/// the PostgreSQL audit trail, the cluster's identity, this host's silo, gateway and embedded-broker ports on loopback, the
/// test users and the test-only virtual clock starting at <c>clockStart</c>.
/// </summary>
public static class ProductionSettings
{
    public static Dictionary<string, string> For(
        Stores stores, ClusterIdentity cluster, string name, int siloPort, int gatewayPort, int mqttPort, DateTimeOffset clockStart)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Redis",
            ["ConnectionStrings:Redis"] = stores.Redis.ConnectionString,
            ["ConnectionStrings:Audit"] = stores.Postgres.ConnectionString,
            ["Audit:Schema"] = cluster.AuditSchema,
            ["Orleans:ClusterId"] = cluster.ClusterId,
            ["Orleans:ServiceId"] = cluster.ServiceId,
            ["Orleans:SiloName"] = name,
            ["Orleans:SiloPort"] = Text(siloPort),
            ["Orleans:GatewayPort"] = Text(gatewayPort),
            ["Orleans:AdvertisedAddress"] = "127.0.0.1",
            ["Mqtt:Port"] = Text(mqttPort),
            ["Testing:VirtualClock"] = "true",
            ["Testing:StartAt"] = clockStart.ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in TestUsers.Settings())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
