using System.Text;
using Monitoring.Simulators.Messaging;
using Monitoring.Simulators.Scenarios.Steps;

namespace Monitoring.Simulators.Running;

/// <summary>
/// Messages the product must refuse (to monitoring/rejected) and never apply, each made by breaking one
/// thing in a valid message of the device (its own bootId and a fresh seq, so a refusal cannot pass for
/// a duplicate).
/// </summary>
public static class MalformedPayloads
{
    /// <summary>A schema no product version knows.</summary>
    public const int UnknownSchemaVersion = 99;

    /// <summary>Any negative rate: no pump delivers one.</summary>
    public const decimal NegativeRateMlPerHour = -1m;

    /// <summary>No oximeter reads above 100 %.</summary>
    public const int ImpossibleSpo2 = 101;

    /// <param name="valid">A valid pump status or vitals message of the device.</param>
    public static byte[] Build(string kind, object valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var pump = valid is PumpStatusMessage;
        var json = System.Text.Json.JsonSerializer.SerializeToNode(valid, valid.GetType(), WireFormat.Options)!.AsObject();
        var numeric = pump ? "rateMlPerHour" : "heartRate";
        switch (kind)
        {
            case MalformedKinds.BadJson:
                var text = json.ToJsonString();
                return Encoding.UTF8.GetBytes(text[..(text.Length / 2)]);
            case MalformedKinds.WrongTypes:
                json["schemaVersion"] = "one";
                json[numeric] = "fast";
                break;
            case MalformedKinds.UnknownSchema:
                json["schemaVersion"] = UnknownSchemaVersion;
                break;
            case MalformedKinds.ImpossibleValue when pump:
                json["rateMlPerHour"] = NegativeRateMlPerHour;
                break;
            case MalformedKinds.ImpossibleValue:
                json["spo2"] = ImpossibleSpo2;
                break;
            case MalformedKinds.NonFinite:
                json[numeric] = "NaN";
                break;
            default:
                throw new ArgumentException($"unknown malformed kind '{kind}'", nameof(kind));
        }

        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }
}
