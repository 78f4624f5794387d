using Monitoring.Protocol.Parameters;

namespace Monitoring.Dashboard.Services;

/// <summary>
/// The configured wards and the protocol parameters each runs on. The host adapts its ward registry to it,
/// so every limit the dashboard draws (the usual dose band, the ceiling, how old a reading may be) comes
/// from the seeds, never from a literal here.
/// </summary>
public interface IWardDirectory
{
    IReadOnlyList<WardInfo> Wards { get; }

    WardInfo? Find(string wardId);

    ProtocolParameters ParametersFor(string wardId);
}
