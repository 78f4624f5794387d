using Monitoring.Ingest.Parsing;
using Monitoring.Ingest.Topics;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// What every parse must satisfy: a result (never a throw); a refusal names a known field with a short, specific
/// reason; the expected verdict; and a valid message carries exactly what was sent.
/// </summary>
public static class ParseCheck
{
    /// <summary>A reason goes to monitoring/rejected, the log and a metric tag's neighbour: it must stay short.</summary>
    public const int MaxReasonLength = 300;

    private static readonly HashSet<string> EnvelopeFields = [Expectation.JsonField, "topic", "device", "patient"];

    public static void Verify(FuzzCase c, ParseResult? result, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (result is null)
        {
            throw new PropertyFailedException("the parser returned null");
        }

        if (result is Refusal refusal)
        {
            VerifyReason(refusal);
        }

        switch (c.Expect.Verdict)
        {
            case Verdict.Valid when result is Refusal r:
                throw new PropertyFailedException($"refused a valid payload: {r.Reason}");
            case Verdict.Refused when result is not Refusal:
                throw new PropertyFailedException($"read what it must refuse, as {Json.Show(result.ToString() ?? "", 300)}");
            case Verdict.Refused or Verdict.ValidOrRefused when result is Refusal r && !c.Expect.Fields.Contains(r.Field):
                throw new PropertyFailedException($"refused on '{r.Field}' instead of {string.Join(" or ", c.Expect.Fields)}: {Json.Show(r.Reason)}");
            case Verdict.Valid or Verdict.ValidOrRefused when result is not Refusal:
                VerifyFaithful(c.Expect.Draft!, result, receivedAt);
                break;
            case Verdict.Anything when result is not Refusal:
                VerifyAttributed(c.Route, result);
                break;
            default:
                break;
        }
    }

    /// <summary>The refusal's field is one the contract knows, and its reason says what was wrong with it.</summary>
    public static void VerifyReason(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        if (!EnvelopeFields.Contains(refusal.Field) && !PayloadShapes.FieldNames.Contains(refusal.Field))
        {
            throw new PropertyFailedException($"the refusal names no known field: '{Json.Show(refusal.Field)}' ({Json.Show(refusal.Reason)})");
        }

        if (string.IsNullOrWhiteSpace(refusal.Reason) || refusal.Reason.Length > MaxReasonLength || refusal.Reason.Any(char.IsControl))
        {
            throw new PropertyFailedException($"the reason is empty, longer than {MaxReasonLength} or holds control characters ({refusal.Reason.Length} chars): {Json.Show(refusal.Reason)}");
        }

        var specific = refusal.Field switch
        {
            Expectation.JsonField => refusal.Reason.StartsWith("bad JSON: ", StringComparison.Ordinal) && refusal.Reason.Length > "bad JSON: ".Length,
            "topic" => refusal.Reason == TopicMap.UnknownTopicReason,
            "device" => refusal.Reason == Refusal.UnknownDevice.Reason,
            "patient" => refusal.Reason == Refusal.UnknownPatient.Reason,
            _ => refusal.Reason.StartsWith(refusal.Field + ": ", StringComparison.Ordinal) && refusal.Reason.Length > refusal.Field.Length + 2,
        };
        if (!specific)
        {
            throw new PropertyFailedException($"the reason does not say what is wrong with '{refusal.Field}': {Json.Show(refusal.Reason)}");
        }
    }

    private static void VerifyFaithful(PayloadDraft draft, ParseResult result, DateTimeOffset receivedAt)
    {
        VerifyAttributed(draft.Route, result);
        var (_, values) = ParsedValues.Of(result);
        foreach (var field in draft.Shape.Fields.Where(f => f.Carried))
        {
            var expected = draft.Field(field.Name)?.Expected ?? field.Default;
            var actual = values[field.Name];
            var same = (expected, actual) switch
            {
                (null, null) => true,
                (string e, string a) when field.Type == FieldType.Choice => string.Equals(e, a, StringComparison.OrdinalIgnoreCase),
                (decimal e, decimal a) => e == a,
                (DateTimeOffset e, DateTimeOffset a) => e.EqualsExact(a),
                _ => Equals(expected, actual),
            };
            if (!same)
            {
                throw new PropertyFailedException($"{field.Name} read as {Json.Show(actual?.ToString() ?? "null", 100)}, sent as {Json.Show(expected?.ToString() ?? "null", 100)}");
            }
        }

        var receivedOk = result switch
        {
            ParsedObservation o => o.Message.Reading.ReceivedAt == receivedAt,
            ParsedDeviceMessage d => d.Message.Meta.ReceivedAt == receivedAt,
            _ => false,
        };
        if (!receivedOk)
        {
            throw new PropertyFailedException("the message does not carry the server's receipt time");
        }
    }

    /// <summary>The topic is authoritative for the id (interfaces.md): whatever the payload says.</summary>
    private static void VerifyAttributed(TopicRoute route, ParseResult result)
    {
        var (id, values) = ParsedValues.Of(result);
        var readingIds = values.Where(v => v.Key.StartsWith('@')).Select(v => v.Value as string);
        if (id != route.Id || readingIds.Any(r => r != route.Id))
        {
            throw new PropertyFailedException($"the message was attributed to '{Json.Show(id)}', not to the topic's '{Json.Show(route.Id)}'");
        }
    }
}
