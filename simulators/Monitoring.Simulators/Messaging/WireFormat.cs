using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Simulators.Messaging;

/// <summary>How the simulators write and read JSON: camelCase, UTF-8, timestamps with `Z`.</summary>
public static class WireFormat
{
    /// <summary>The only payload schema the contract defines.</summary>
    public const int SchemaVersion = 1;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static byte[] Serialize<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, Options);

    public static T? Deserialize<T>(ReadOnlySpan<byte> payload) => JsonSerializer.Deserialize<T>(payload, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Nulls the contract spells out (alarm, lastCommandId) are written; optional fields opt out per property.
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new UtcTimestampConverter());
        options.MakeReadOnly();
        return options;
    }
}
