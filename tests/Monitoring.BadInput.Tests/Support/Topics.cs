using CsCheck;
using Monitoring.Ingest.Topics;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>Topics of the contract with mutated levels: wrong words, wrong case, wildcards, controls, missing and extra levels.</summary>
public static class Topics
{
    private static readonly string[] Words =
    [
        "devices", "pumps", "monitors", "patients", "status", "bolus", "vitals", "observations", "cmd", "Devices", "PUMPS", "Status",
        "monitoring", "rejected", "$SYS", "", "+", "#", "a+b", "x#", "\u0000", "tab\there", "\u007f", " ", "p\u0085", "pump-1", "\U0001F489",
    ];

    private static readonly string[][] Templates =
    [
        ["devices", "pumps", "{id}", "status"],
        ["devices", "pumps", "{id}", "bolus"],
        ["devices", "monitors", "{id}", "vitals"],
        ["patients", "{id}", "observations"],
    ];

    private static Gen<TopicCase> Templated { get; } = Gen.Select(Gen.Int[0, Templates.Length - 1], Gen.OneOf(ValidPayloads.Id, Gen.OneOf(Words)), Gen.Int[0, 5])
        .Select((t, id, mutation) =>
        {
            var levels = Templates[t].Select(l => l == "{id}" ? id : l).ToList();
            switch (mutation)
            {
                case 1:
                    levels.Insert(0, "");
                    break;
                case 2:
                    levels.Add("");
                    break;
                case 3:
                    levels.Add("extra");
                    break;
                case 4:
                    levels.RemoveAt(levels.Count - 1);
                    break;
                case 5:
                    levels[0] = levels[0].ToUpperInvariant();
                    break;
                default:
                    break;
            }

            return Judge(string.Join('/', levels));
        });

    public static Gen<TopicCase> Any { get; } = Gen.Frequency(
        (3, Templated),
        (3, Gen.OneOf(Gen.OneOf(Words), ValidPayloads.Id).Array[0, 6].Select(levels => Judge(string.Join('/', levels)))),
        (1, Gen.String.Select(Judge)));

    /// <summary>The contract's four inbound topics, an id being one non-empty level without wildcards or control characters.</summary>
    private static TopicCase Judge(string topic)
    {
        var levels = topic.Split('/');
        var id = levels.Length switch
        {
            4 => levels[2],
            3 => levels[1],
            _ => null,
        };
        var validId = id is { Length: > 0 } && !id.Any(c => c is '+' or '#' || char.IsControl(c));
        TopicRoute? route = validId ? levels switch
        {
            ["devices", "pumps", _, "status"] => new(TopicKind.PumpStatus, id!, "status"),
            ["devices", "pumps", _, "bolus"] => new(TopicKind.PumpBolus, id!, "bolus"),
            ["devices", "monitors", _, "vitals"] => new(TopicKind.Vitals, id!, "vitals"),
            ["patients", _, "observations"] => new(TopicKind.Observations, id!, "observations"),
            _ => null,
        } : null;
        return new TopicCase(topic, route);
    }
}
