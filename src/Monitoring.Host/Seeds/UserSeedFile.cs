using Monitoring.Host.Auth;

namespace Monitoring.Host.Seeds;

/// <summary>seeds/users.json: the embedded mode's demo users, with password hashes only.</summary>
public sealed class UserSeedFile
{
    public List<ConfiguredUser> Users { get; set; } = [];
}
