using Monitoring.Protocol.Parameters;

namespace Monitoring.Grains.Configuration;

/// <summary>
/// The configured wards and the protocol parameters each one runs on. A ward with no file takes the
/// protocol file's defaults: enforcing mode and the values marked [ward default].
/// </summary>
public sealed class WardRegistry(ProtocolParameters defaults, IEnumerable<WardSettings> wards)
{
    private readonly Dictionary<string, WardSettings> _wards = wards.ToDictionary(w => w.WardId, StringComparer.Ordinal);

    public ProtocolParameters Defaults => defaults;

    public IReadOnlyCollection<WardSettings> Wards => _wards.Values;

    public WardSettings? Find(string wardId) => _wards.GetValueOrDefault(wardId);

    public ProtocolParameters ParametersFor(string wardId) => Find(wardId)?.Parameters ?? defaults;

    public bool IsEnforcing(string wardId) => ParametersFor(wardId).Ward.EnforcingMode;
}
