using Monitoring.Dashboard.Services;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Dashboard.Tests.Support;

/// <summary>Wards as the seeds would configure them, each on the shipped protocol but in the time zone a test gives.</summary>
public sealed class FakeWards(params (string WardId, string TimeZone)[] wards) : IWardDirectory
{
    public IReadOnlyList<WardInfo> Wards { get; } = [.. wards.Select(w => new WardInfo(w.WardId, w.WardId, ["bed-01"]))];

    public WardInfo? Find(string wardId) => Wards.FirstOrDefault(w => w.WardId == wardId);

    public ProtocolParameters ParametersFor(string wardId)
    {
        var zone = wards.Single(w => w.WardId == wardId).TimeZone;
        return Seeds.Parameters with { Ward = Seeds.Parameters.Ward with { TimeZone = zone } };
    }
}
