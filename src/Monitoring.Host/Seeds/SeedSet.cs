using Monitoring.Grains.Configuration;
using Monitoring.Host.Auth;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Host.Seeds;

/// <summary>Everything read from the seeds folder at start.</summary>
public sealed record SeedSet(
    string Folder,
    ProtocolParameters Protocol,
    IReadOnlyList<WardSettings> Wards,
    IReadOnlyList<ConfiguredUser> DemoUsers);
