using Monitoring.Protocol.Parameters;

namespace Monitoring.Dashboard.Tests.Support;

/// <summary>The protocol file the product ships, loaded once.</summary>
public static class Seeds
{
    private static readonly Lazy<ProtocolParameters> Loaded = new(() =>
        ProtocolParametersLoader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "ketamine-protocol.json"))));

    public static ProtocolParameters Parameters => Loaded.Value;
}
