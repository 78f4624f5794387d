using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.Contracts;
using Monitoring.Ingest.Topics;
using Monitoring.Protocol.Model;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// The contract's rule for one field's value, written apart from the parser: what a payload whose other fields are
/// valid must give when this field holds <c>raw</c> (or is absent).
/// </summary>
public static partial class FieldOracle
{
    /// <summary>The longest string field the parser takes (interfaces.md, "What ingest refuses").</summary>
    private const int MaxTextLength = 128;

    /// <summary>As the parser reads a payload, one level shallower: the value sits inside the payload's object.</summary>
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 63 };

    /// <summary>The draft with the field set to raw (or removed when raw is null), and what the parser must do.</summary>
    public static Expectation Judge(PayloadDraft draft, PayloadField field, string? raw)
    {
        if (raw is null)
        {
            return field.Required ? Expectation.RefusedOn(field.Name) : Expectation.Valid(draft.Without(field.Name));
        }

        JsonElement value;
        try
        {
            using var document = JsonDocument.Parse(raw, Options);
            value = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON on its own (a bare NaN, nesting past the reader's depth): the whole payload is bad JSON.
            return Expectation.RefusedOn(Expectation.JsonField);
        }

        if (value.ValueKind == JsonValueKind.Null && !field.Required)
        {
            return Expectation.Valid(draft.With(field.Name, raw, null));
        }

        if (field.Name == "kind" && draft.Shape.Topic == TopicKind.Observations && value.ValueKind == JsonValueKind.String
            && Wire.TryParse(TryGetString(value), out ObservationKind _))
        {
            // Another observation kind makes another payload kind, whose value this one may or may not carry.
            return Expectation.Anything;
        }

        var read = Read(field, value, draft.RouteId);
        return read.Ok
            ? Expectation.Valid(draft.With(field.Name, raw, read.Value))
            : read.Unreadable
                ? Expectation.RefusedOn(field.Name, Expectation.JsonField)
                : Expectation.RefusedOn(field.Name);
    }

    private static (bool Ok, object? Value, bool Unreadable) Read(PayloadField field, JsonElement e, string routeId)
    {
        var text = e.ValueKind == JsonValueKind.String ? TryGetString(e) : null;
        if (e.ValueKind == JsonValueKind.String && text is null)
        {
            // A lone surrogate escape (\ud800): the reader cannot make a string of it.
            return (false, null, true);
        }

        switch (field.Type)
        {
            case FieldType.Number when e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var n):
                var above = field.MinExclusive ? n > field.Min : n >= field.Min;
                var whole = !field.Whole || n == decimal.Truncate(n);
                return (above && whole && (field.Max is not { } max || n <= max), n, false);
            case FieldType.Counter when e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var c):
                return c >= 0 && c == decimal.Truncate(c) && c <= long.MaxValue ? (true, (long)c, false) : (false, null, false);
            case FieldType.Version when e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var v):
                return (v == 1m, 1m, false);
            case FieldType.Text when text is not null:
                if (text.Length > MaxTextLength)
                {
                    // An oversized id or text is refused (interfaces.md: string fields over 128 characters).
                    return (false, null, false);
                }

                if (field.Required)
                {
                    return (!string.IsNullOrWhiteSpace(text), text, false);
                }

                return (true, field.EmptyIsAbsent && text.Length == 0 ? null : text, false);
            case FieldType.Timestamp when text is not null:
                return IsoWithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                    ? (true, at, false)
                    : (false, null, false);
            case FieldType.Choice when text is not null:
                var choice = field.Choices!.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                return (choice is not null, choice, false);
            case FieldType.Flag when e.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return (true, e.GetBoolean(), false);
            case FieldType.TopicId when text is not null:
                return (string.Equals(text, routeId, StringComparison.Ordinal), text, false);
            default:
                return (false, null, false);
        }
    }

    private static string? TryGetString(JsonElement e)
    {
        try
        {
            return e.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The contract's time: date, time, and Z or an offset (interfaces.md, conventions).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
