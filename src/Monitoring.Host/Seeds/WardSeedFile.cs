using System.Text.Json.Nodes;

namespace Monitoring.Host.Seeds;

/// <summary>seeds/wards/{ward}.json: one ward's beds, device inventory, mode and ward-default overrides.</summary>
public sealed class WardSeedFile
{
    public string? Id { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>enforcing or advisory; unset: the protocol file's ward.enforcingMode (or the overrides').</summary>
    public string? Mode { get; set; }

    /// <summary>The ward's IANA time zone (e.g. Europe/London); unset: the protocol file's ward.timeZone.</summary>
    public string? TimeZone { get; set; }

    public List<string>? Beds { get; set; }

    public List<WardSeedDevice>? Devices { get; set; }

    /// <summary>Sections of the protocol file with ward defaults overridden, e.g. {"comms": {"pumpLostSeconds": 20}}.</summary>
    public JsonObject? Overrides { get; set; }
}
