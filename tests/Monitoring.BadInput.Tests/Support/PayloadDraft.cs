using System.Collections.Immutable;
using System.Text;
using Monitoring.Ingest.Topics;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// A payload kept as raw field texts, so a mutation can put any JSON (or not-quite-JSON) in one field, together
/// with what a faithful parse of it must give.
/// </summary>
public sealed record PayloadDraft(PayloadShape Shape, string RouteId, ImmutableList<DraftField> Fields, string Separator = ",")
{
    public TopicRoute Route => Shape.Route(RouteId);

    public DraftField? Field(string name) => Fields.Find(f => f.Name == name);

    public PayloadDraft With(string name, string raw, object? expected)
    {
        var index = Fields.FindIndex(f => f.Name == name);
        var field = new DraftField(name, raw, expected);
        return this with { Fields = index >= 0 ? Fields.SetItem(index, field) : Fields.Add(field) };
    }

    public PayloadDraft Without(string name) => this with { Fields = Fields.RemoveAll(f => f.Name == name) };

    /// <summary>A field written once more (a duplicate or case-variant key), placed at <paramref name="at"/>.</summary>
    public PayloadDraft Insert(int at, string name, string raw) =>
        this with { Fields = Fields.Insert(Math.Clamp(at, 0, Fields.Count), new DraftField(name, raw, null)) };

    public string Render() => "{" + string.Join(Separator, Fields.Select(f => $"{Json.Quote(f.Name)}:{f.Raw}")) + "}";

    public byte[] Bytes() => Encoding.UTF8.GetBytes(Render());

    public override string ToString() => $"{Shape.Name} on {Shape.TopicFor(RouteId)}: {Render()}";
}
