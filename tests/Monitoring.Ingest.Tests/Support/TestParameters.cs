using Monitoring.Protocol.Parameters;

namespace Monitoring.Ingest.Tests.Support;

/// <summary>The real protocol file (seeds/ketamine-protocol.json, copied beside the tests).</summary>
internal static class TestParameters
{
    private static readonly Lazy<ProtocolParameters> Loaded = new(() =>
        ProtocolParametersLoader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "ketamine-protocol.json"))));

    public static ProtocolParameters Protocol => Loaded.Value;
}
