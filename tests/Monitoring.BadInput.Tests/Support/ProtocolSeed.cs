using Monitoring.Protocol.Parameters;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>The real protocol file the host ships with (seeds/ketamine-protocol.json, copied beside the tests).</summary>
public static class ProtocolSeed
{
    private static readonly Lazy<ProtocolParameters> Loaded = new(() =>
        ProtocolParametersLoader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "ketamine-protocol.json"))));

    public static ProtocolParameters Parameters => Loaded.Value;
}
