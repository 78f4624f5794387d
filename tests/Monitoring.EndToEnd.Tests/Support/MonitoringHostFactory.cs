namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// A whole host (silo, embedded MQTT broker unless Mqtt:Host is set, REST, hub) on real sockets
/// (<see cref="LoopbackHostFactory{TEntryPoint}"/>), with the lockout suite's victim as an extra user.
/// </summary>
public sealed class MonitoringHostFactory : LoopbackHostFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public MonitoringHostFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Configuration applied after the defaults (e.g. Mqtt:Host for an external broker).</param>
    public MonitoringHostFactory(IReadOnlyDictionary<string, string?> settings)
        : base("e2e")
    {
        _settings = settings;
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Auth:Users:0:Username", TestUsers.LockoutVictim.Username),
        new("Auth:Users:0:Role", "Nurse"),
        new("Auth:Users:0:PasswordHash", TestUsers.HashOf(TestUsers.LockoutVictim.Password)),
        new("Auth:Users:1:Username", TestUsers.SourceLockoutVictim.Username),
        new("Auth:Users:1:Role", "ChargeNurse"),
        new("Auth:Users:1:PasswordHash", TestUsers.HashOf(TestUsers.SourceLockoutVictim.Password)),
        new("Auth:Users:2:Username", TestUsers.UnlockVictim.Username),
        new("Auth:Users:2:Role", "ChargeNurse"),
        new("Auth:Users:2:PasswordHash", TestUsers.HashOf(TestUsers.UnlockVictim.Password)),
        .. _settings,
    ];
}
