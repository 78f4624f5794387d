using Monitoring.Application.Access;

namespace Monitoring.Application.Ports;

/// <summary>The configured wards (seeds/wards) and which of them a user may see: the host knows both, the use cases ask.</summary>
public interface IWardAccess
{
    bool IsConfigured(string wardId);

    /// <summary>A configured ward on the user's own list (or every configured ward when the user has none).</summary>
    bool MaySee(Caller caller, string wardId);

    /// <summary>The configured ward ids, for a refusal that lists them.</summary>
    IReadOnlyList<string> Configured { get; }
}
