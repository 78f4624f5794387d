using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Serialization;

namespace Monitoring.Contracts;

/// <summary>
/// The protocol library is pure C# with no Orleans attributes; its types cross grain boundaries and go
/// to storage through Orleans' System.Text.Json codec (exact for decimal, unlike double).
/// </summary>
public static class ProtocolSerialization
{
    public static ISerializerBuilder AddProtocolTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("Monitoring.Protocol", StringComparison.Ordinal) == true,
            jsonSerializerOptions: new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                Converters = { new JsonStringEnumConverter() },
            });
}
