using System.Collections.Immutable;
using System.Globalization;
using CsCheck;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>Generators of valid payloads of every kind, each with what a faithful parse gives.</summary>
public static class ValidPayloads
{
    /// <summary>Characters of ids and names: ASCII, punctuation, accents, CJK and an astral pair (no '/', '+', '#' or controls).</summary>
    private const string IdChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:@ é中ß";

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Any valid payload of any kind.</summary>
    public static Gen<PayloadDraft> Any { get; } = Gen.Int[0, PayloadShapes.All.Count - 1].SelectMany(i => Of(PayloadShapes.All[i]));

    /// <summary>An id that may stand in a topic level.</summary>
    public static Gen<string> Id { get; } = Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz"], Gen.String[Gen.Char[IdChars], 0, 24], Gen.Bool)
        .Select((first, rest, astral) => first + rest.Trim() + (astral ? "\U0001F489" : ""));

    public static Gen<PayloadDraft> Of(PayloadShape shape) => Of(shape, Id);

    /// <summary>Valid payloads of one kind for the ids given (a patient's observations over REST).</summary>
    public static Gen<PayloadDraft> Of(PayloadShape shape, Gen<string> ids) =>
        ids.SelectMany(routeId =>
            shape.Fields.Aggregate(
                Gen.Const(ImmutableList<DraftField>.Empty),
                (fields, field) => fields.SelectMany(list => Field(field, routeId).Select(f => f is null ? list : list.Add(f))))
            .SelectMany(fields => Gen.Shuffle(fields.ToArray()).Select(shuffled => new PayloadDraft(shape, routeId, [.. shuffled]))));

    /// <summary>A field's valid value, or null to leave an optional field out (absent or JSON null).</summary>
    public static Gen<DraftField?> Field(PayloadField field, string routeId)
    {
        var value = Value(field, routeId).Select(v => (DraftField?)new DraftField(field.Name, v.Raw, v.Expected));
        return field.Required
            ? value
            : Gen.Frequency((6, value), (1, Gen.Const((DraftField?)null)), (1, Gen.Const((DraftField?)new DraftField(field.Name, "null", null))));
    }

    /// <summary>A valid raw value of the field and its parsed value.</summary>
    public static Gen<(string Raw, object? Expected)> Value(PayloadField field, string routeId) => field.Type switch
    {
        FieldType.Number => NumberIn(field).SelectMany(n => Spell(n).Select(raw => (raw, (object?)n))),
        FieldType.Counter => Gen.OneOf(Gen.Long[0, 10_000], Gen.Long[0, long.MaxValue], Gen.Const(long.MaxValue), Gen.Const(0L), Gen.Const(9_007_199_254_740_993L))
            .SelectMany(n => Spell(n).Select(raw => (raw, (object?)n))),
        FieldType.Text => Text.SelectMany(t => Gen.Bool.Select(raw => (raw ? Json.QuoteRaw(t) : Json.Quote(t), (object?)t))),
        FieldType.Timestamp => Timestamp,
        FieldType.Choice => Gen.OneOf([.. field.Choices!]).SelectMany(c => CaseOf(c).Select(spelt => (Json.Quote(spelt), (object?)c))),
        FieldType.Flag => Gen.Bool.Select(b => (b ? "true" : "false", (object?)b)),
        FieldType.Version => Gen.OneOf("1", "1.0", "1e0", "10E-1", "0.1e1").Select(raw => (raw, (object?)1m)),
        FieldType.TopicId => Gen.Const((Json.Quote(routeId), (object?)routeId)),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>A non-empty name that is not all white space.</summary>
    public static Gen<string> Text { get; } = Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], Gen.String[Gen.Char[IdChars + "/+#\"\\\t"], 0, 30])
        .Select((first, rest) => first + rest);

    /// <summary>An ISO-8601 time in one of the spellings the contract allows (minutes, seconds, 1-7 fraction digits; Z or an offset).</summary>
    public static Gen<(string Raw, object? Expected)> Timestamp { get; } =
        Gen.Select(Gen.Long[0, TimeSpan.TicksPerDay * 365 * 100], Gen.Int[-56, 56], Gen.Int[0, 8], Gen.Bool)
            .Select((ticks, quarterHours, precision, zulu) =>
            {
                var offset = zulu ? TimeSpan.Zero : TimeSpan.FromMinutes(quarterHours * 15);
                var (format, unit) = precision switch
                {
                    0 => ("yyyy'-'MM'-'dd'T'HH':'mm", TimeSpan.TicksPerMinute),
                    1 => ("yyyy'-'MM'-'dd'T'HH':'mm':'ss", TimeSpan.TicksPerSecond),
                    _ => ("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'" + new string('f', precision - 2 + 1), (long)Math.Pow(10, 7 - (precision - 1))),
                };
                var at = new DateTimeOffset(Earliest.UtcTicks + (ticks - (ticks % unit)), TimeSpan.Zero).ToOffset(offset);
                var zone = zulu ? "Z" : at.ToString("zzz", CultureInfo.InvariantCulture);
                return (Json.Quote(at.ToString(format, CultureInfo.InvariantCulture) + zone), (object?)at);
            });

    /// <summary>Numbers inside the field's range, its edges included.</summary>
    private static Gen<decimal> NumberIn(PayloadField field)
    {
        var max = field.Max ?? 1_000_000m;
        var low = field.MinExclusive ? field.Min + 0.01m : field.Min;
        if (field.Whole)
        {
            return Gen.Int[(int)low, (int)max].Select(i => (decimal)i);
        }

        var hundredths = Gen.Long[(long)(low * 100), (long)(max * 100)].Select(h => h / 100m);
        return Gen.Frequency((4, hundredths), (1, Gen.Const(low)), (1, Gen.Const(max)), (1, Gen.Int[(int)Math.Ceiling(low), (int)max].Select(i => (decimal)i)));
    }

    /// <summary>The same number spelt as plain JSON, with trailing zeros, or with an exponent.</summary>
    private static Gen<string> Spell(decimal value) => Gen.Int[0, 3].Select(way => way switch
    {
        0 => Json.Number(value),
        1 => Json.Number(value) + (Json.Number(value).Contains('.', StringComparison.Ordinal) ? "00" : ".000"),
        2 => Json.Number(value * 10) + "e-1",
        _ => Json.Number(value / 100) + "E+2",
    });

    /// <summary>The choice in its own case, upper case, or mixed: the contract reads enum values without regard to case.</summary>
    private static Gen<string> CaseOf(string choice) => Gen.Int[0, 2].Select(way => way switch
    {
        0 => choice,
        1 => choice.ToUpperInvariant(),
        _ => string.Concat(choice.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))),
    });
}
