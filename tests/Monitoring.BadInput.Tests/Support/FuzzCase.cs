using System.Text;
using Monitoring.Ingest.Topics;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>One generated input for the parser: how it was made, the bytes, and what the parser must do with them.</summary>
public sealed record FuzzCase(string Family, string Shape, TopicRoute Route, byte[] Payload, Expectation Expect)
{
    public static FuzzCase Of(string family, PayloadDraft draft, Expectation expect) =>
        new(family, draft.Shape.Name, draft.Route, draft.Bytes(), expect);

    public static FuzzCase Of(string family, PayloadDraft draft, byte[] payload, Expectation expect) =>
        new(family, draft.Shape.Name, draft.Route, payload, expect);

    /// <summary>What CsCheck prints for a failing (shrunk) case.</summary>
    public override string ToString() =>
        $"{Family} ({Shape} on {Route.Kind}/{Json.Show(Route.Id, 60)}), expected {Expect}: {Payload.Length} bytes: {Json.Show(Encoding.UTF8.GetString(Payload), 600)}";
}
