using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;

namespace Monitoring.Contracts;

/// <summary>
/// Every enum value spelled exactly as the contract writes it (interfaces.md), and read back
/// case-insensitively. One place, so ingest, grains, REST and the hub cannot disagree.
/// </summary>
public static class Wire
{
    public static string Name(AlertPriority value) => value.ToString().ToLowerInvariant();

    public static string Name(AlertKind value) => value.ToString().ToLowerInvariant();

    public static string Name(AlertState value) => value.ToString().ToLowerInvariant();

    public static string Name(PumpState value) => value.ToString().ToLowerInvariant();

    public static string Name(PumpAlarm value) => value == PumpAlarm.AirInLine ? "air-in-line" : value.ToString().ToLowerInvariant();

    public static string Name(Rhythm value) => value.ToString().ToLowerInvariant();

    public static string Name(Consciousness value) => value.ToString();

    public static string Name(ObservationKind value) => value.ToString().ToLowerInvariant();

    public static string Name(CommandResult value) => value.ToString().ToLowerInvariant();

    public static string Name(BolusKind value) => value.ToString().ToLowerInvariant();

    public static string Name(DeviceType value) => value.ToString().ToLowerInvariant();

    public static string Name(PumpCommandKind value) => value == PumpCommandKind.SetRate ? "setRate" : "pause";

    public static string Name(PauseState value) => PauseStateWire.ToWire(value);

    public static string Name(Regimen value) => value == Regimen.WeightBased ? "weight-based" : "gradual";

    public static string Name(AllowedRateBound value) => value switch
    {
        AllowedRateBound.PatientLimit => "patient-limit",
        AllowedRateBound.RestartLower => "restart-lower",
        _ => value.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? text, out PumpState value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out PauseState value) => PauseStateWire.TryParse(text, out value);

    public static bool TryParse(string? text, out Rhythm value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out Consciousness value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out ObservationKind value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out CommandResult value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out BolusKind value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out DeviceType value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out AlertState value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out AlertPriority value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out AlertKind value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out PumpCommandKind value) => TryParseEnum(text, out value);

    public static bool TryParse(string? text, out PumpAlarm value) => TryParseNamed(text, Name, out value);

    public static bool TryParse(string? text, out Regimen value) => TryParseNamed(text, Name, out value);

    public static bool TryParse(string? text, out AllowedRateBound value) => TryParseNamed(text, Name, out value);

    /// <summary>For the enums whose names are not plain words (air-in-line, weight-based): exactly one of the names, any case.</summary>
    private static bool TryParseNamed<T>(string? text, Func<T, string> name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Only the names themselves: never a number, never a name with different punctuation.</summary>
    private static bool TryParseEnum<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !text.All(char.IsLetter))
        {
            return false;
        }

        return Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
