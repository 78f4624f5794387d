using Monitoring.Ingest.Topics;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>A payload kind: the topic it comes on and its fields (an observation kind is a shape of its own: its value differs).</summary>
public sealed record PayloadShape(string Name, TopicKind Topic, IReadOnlyList<PayloadField> Fields)
{
    public PayloadField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public TopicRoute Route(string id) => Topic switch
    {
        TopicKind.PumpStatus => new TopicRoute(Topic, id, "status"),
        TopicKind.PumpBolus => new TopicRoute(Topic, id, "bolus"),
        TopicKind.Vitals => new TopicRoute(Topic, id, "vitals"),
        _ => new TopicRoute(Topic, id, "observations"),
    };

    public string TopicFor(string id) => Topic switch
    {
        TopicKind.PumpStatus => $"devices/pumps/{id}/status",
        TopicKind.PumpBolus => $"devices/pumps/{id}/bolus",
        TopicKind.Vitals => $"devices/monitors/{id}/vitals",
        _ => $"patients/{id}/observations",
    };

    public override string ToString() => Name;
}
