using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Tests.Support;

/// <summary>The protocol file the product ships (seeds/ketamine-protocol.json), loaded once.</summary>
public static class SeedProtocol
{
    private static readonly Lazy<string> JsonText = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "ketamine-protocol.json")));

    private static readonly Lazy<ProtocolParameters> Loaded = new(() => ProtocolParametersLoader.Parse(JsonText.Value));

    public static string Json => JsonText.Value;

    public static ProtocolParameters Parameters => Loaded.Value;
}
