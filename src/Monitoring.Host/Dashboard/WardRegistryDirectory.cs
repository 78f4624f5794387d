using Monitoring.Dashboard.Services;
using Monitoring.Grains.Configuration;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Host.Dashboard;

/// <summary>The dashboard's view of the seeded wards: the grains' <see cref="WardRegistry"/>, so both use the same parameters.</summary>
public sealed class WardRegistryDirectory(WardRegistry registry) : IWardDirectory
{
    private readonly IReadOnlyList<WardInfo> _wards =
    [
        .. registry.Wards
            .OrderBy(w => w.WardId, StringComparer.Ordinal)
            .Select(w => new WardInfo(w.WardId, w.DisplayName, w.Beds)),
    ];

    public IReadOnlyList<WardInfo> Wards => _wards;

    public WardInfo? Find(string wardId) => _wards.FirstOrDefault(w => w.WardId == wardId);

    public ProtocolParameters ParametersFor(string wardId) => registry.ParametersFor(wardId);
}
