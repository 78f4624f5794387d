using System.Text;
using CsCheck;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// Mutations of valid payloads of every kind, each family a generator of <see cref="FuzzCase"/>s whose expected
/// outcome is known: the field at fault for a refusal, the faithful reading for what stays valid.
/// </summary>
public static class Mutations
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xC3], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    /// <summary>Valid payloads, spelt in every way the contract allows: each must be read, and read faithfully.</summary>
    public static Gen<FuzzCase> Valid { get; } = ValidPayloads.Any.Select(d => FuzzCase.Of("valid", d, Expectation.Valid(d)));

    /// <summary>One field's value replaced: type swaps, NaN and Infinity as strings, huge and edge numbers, nesting, odd strings.</summary>
    public static Gen<FuzzCase> FieldValue { get; } = FieldValueOf(ValidPayloads.Any);

    public static Gen<FuzzCase> FieldValueOf(Gen<PayloadDraft> drafts) =>
        drafts.SelectMany(draft => Gen.Int[0, draft.Shape.Fields.Count - 1].SelectMany(i =>
        {
            var field = draft.Shape.Fields[i];
            return BadValues.For(field, draft.RouteId).Select(raw =>
            {
                var expect = FieldOracle.Judge(draft, field, raw);
                var mutated = expect.Draft ?? draft.With(field.Name, raw, null);
                return FuzzCase.Of("field value", mutated, expect);
            });
        }));

    /// <summary>One field left out or sent as null.</summary>
    public static Gen<FuzzCase> FieldRemoval { get; } = FieldRemovalOf(ValidPayloads.Any);

    public static Gen<FuzzCase> FieldRemovalOf(Gen<PayloadDraft> drafts) =>
        drafts.SelectMany(draft => Gen.Select(Gen.Int[0, draft.Shape.Fields.Count - 1], Gen.Bool).Select((i, asNull) =>
        {
            var field = draft.Shape.Fields[i];
            var expect = FieldOracle.Judge(draft, field, asNull ? "null" : null);
            var mutated = asNull ? draft.With(field.Name, "null", null) : draft.Without(field.Name);
            return FuzzCase.Of(asNull ? "field null" : "field removed", mutated, expect);
        }));

    /// <summary>Duplicate keys, keys in another case, unknown fields, other spacing, a BOM, not an object, trailing garbage.</summary>
    public static Gen<FuzzCase> Structure { get; } = StructureOf(ValidPayloads.Any);

    public static Gen<FuzzCase> StructureOf(Gen<PayloadDraft> drafts) => drafts.SelectMany(draft => Gen.Int[0, 9].SelectMany(way => way switch
    {
        0 => DuplicateKey(draft),
        1 => Gen.Select(Gen.Int[0, draft.Fields.Count], RandomJson.Value, Gen.Int[0, 1000]).Select((at, raw, n) =>
            FuzzCase.Of("unknown field", draft.Insert(at, $"x-{n}", raw), Expectation.Valid(draft))),
        2 => CaseVariantKey(draft),
        3 => Gen.OneOf(" , ", ",\n\t", ",\r\n    ").Select(separator =>
            FuzzCase.Of("spacing", draft with { Separator = separator }, Expectation.Valid(draft))),
        4 => Gen.OneOf(" ", "\n", "\t\r\n").Select(ws =>
            FuzzCase.Of("surrounding space", draft, Encoding.UTF8.GetBytes(ws + draft.Render() + ws), Expectation.Valid(draft))),
        5 => Gen.Const(FuzzCase.Of("byte-order mark", draft, [.. Encoding.UTF8.Preamble, .. draft.Bytes()], Expectation.Valid(draft))),
        6 => Gen.OneOf("[{0}]", "\"{0}\"", "42", "null", "true", "[]", "\"\"").Select(wrap =>
            FuzzCase.Of("not an object", draft, Encoding.UTF8.GetBytes(wrap.Replace("{0}", draft.Render(), StringComparison.Ordinal)), Expectation.RefusedOn(Expectation.JsonField))),
        7 => Gen.OneOf("x", "}", ",", "{}", " 1", "\u0000").Select(tail =>
            FuzzCase.Of("trailing garbage", draft, Encoding.UTF8.GetBytes(draft.Render() + tail), Expectation.RefusedOn(Expectation.JsonField))),
        8 => Gen.OneOf("/* c */", "// c\n", ",").Select(junk =>
            FuzzCase.Of("comment or trailing comma", draft, Encoding.UTF8.GetBytes(draft.Render()[..^1] + junk + "}"), Expectation.RefusedOn(Expectation.JsonField))),
        _ => Gen.Const(FuzzCase.Of("single quotes", draft, Encoding.UTF8.GetBytes(draft.Render().Replace('"', '\'')), Expectation.RefusedOn(Expectation.JsonField))),
    }));

    /// <summary>Truncation, invalid UTF-8, other encodings, flipped and cut bytes.</summary>
    public static Gen<FuzzCase> Bytes { get; } = BytesOf(ValidPayloads.Any);

    public static Gen<FuzzCase> BytesOf(Gen<PayloadDraft> drafts) => drafts.SelectMany(draft =>
    {
        var bytes = draft.Bytes();
        return Gen.Int[0, 4].SelectMany(way => way switch
        {
            0 => Gen.Int[0, bytes.Length - 1].Select(cut =>
                FuzzCase.Of("truncated", draft, bytes[..cut], Expectation.RefusedOn(Expectation.JsonField))),
            1 => Gen.Select(Gen.Int[0, bytes.Length], Gen.OneOf(InvalidUtf8)).Select((at, bad) =>
                FuzzCase.Of("invalid UTF-8", draft, [.. bytes[..at], .. bad, .. bytes[at..]], Expectation.RefusedOn(Expectation.JsonField))),
            2 => Gen.Int[0, 4].Select(encoding => Encoded(draft, encoding)),
            3 => Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte).Array[1, 8].Select(flips =>
            {
                var copy = (byte[])bytes.Clone();
                foreach (var (at, value) in flips)
                {
                    copy[at] = value;
                }

                return FuzzCase.Of("bytes flipped", draft, copy, Expectation.Anything);
            }),
            _ => Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Int[1, 40]).Select((at, length) =>
                FuzzCase.Of("bytes cut out", draft, [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + length)..]], Expectation.Anything)),
        });
    });

    /// <summary>Random bytes and random printable text on every topic.</summary>
    public static Gen<FuzzCase> Random { get; } = Gen.Select(Gen.Int[0, PayloadShapes.All.Count - 1], ValidPayloads.Id, Gen.Bool).SelectMany((s, id, printable) =>
    {
        var shape = PayloadShapes.All[s];
        var bytes = printable
            ? Gen.String[Gen.Char["{}[]\":,0123456789.eE-+ truefalsnl\\u"], 0, 200].Select(Encoding.UTF8.GetBytes)
            : Gen.Byte.Array[0, 300];
        return bytes.Select(b => new FuzzCase(printable ? "random JSON-ish text" : "random bytes", shape.Name, shape.Route(id), b, Expectation.Anything));
    });

    /// <summary>Megabyte strings, hundred-thousand-digit numbers, huge arrays and nesting far past the reader's depth.</summary>
    public static Gen<FuzzCase> Huge { get; } = HugeOf(ValidPayloads.Any);

    public static Gen<FuzzCase> HugeOf(Gen<PayloadDraft> drafts) => drafts.SelectMany(draft => Gen.Select(Gen.Int[0, draft.Shape.Fields.Count - 1], Gen.Int[0, 3], Gen.Int[100_000, 1_500_000])
        .Select((i, way, size) =>
        {
            var field = draft.Shape.Fields[i];
            var raw = way switch
            {
                0 => Json.Quote("a" + new string('x', size)),
                1 => "1" + new string('0', size / 10),
                2 => "[" + string.Join(",", Enumerable.Repeat("1", size / 10)) + "]",
                _ => new string('[', size / 100) + new string(']', size / 100),
            };
            var expect = FieldOracle.Judge(draft, field, raw);
            return FuzzCase.Of("huge", expect.Draft ?? draft.With(field.Name, raw, null), expect);
        }));

    private static Gen<FuzzCase> DuplicateKey(PayloadDraft draft) => draft.Fields.Count == 0
        ? Gen.Const(FuzzCase.Of("valid", draft, Expectation.Valid(draft)))
        : Gen.Select(Gen.Int[0, draft.Fields.Count - 1], Gen.Int[0, draft.Fields.Count], Gen.Bool).Select((i, at, same) =>
        {
            var field = draft.Fields[i];
            return FuzzCase.Of("duplicate key", draft.Insert(at, field.Name, same ? field.Raw : "null"), Expectation.RefusedOn(Expectation.JsonField));
        });

    private static Gen<FuzzCase> CaseVariantKey(PayloadDraft draft) =>
        Gen.Select(Gen.Int[0, draft.Shape.Fields.Count - 1], Gen.Int[0, draft.Fields.Count], RandomJson.Value).Select((i, at, raw) =>
        {
            var name = draft.Shape.Fields[i].Name;
            var variant = string.Equals(name.ToUpperInvariant(), name, StringComparison.Ordinal) ? name.ToLowerInvariant() : name.ToUpperInvariant();

            // Names are read exactly: a key in another case is an unknown field, and unknown fields are ignored.
            return FuzzCase.Of("key in another case", draft.Insert(at, variant, raw), Expectation.Valid(draft));
        });

    private static FuzzCase Encoded(PayloadDraft draft, int encoding)
    {
        var text = draft.Render();
        var (name, bytes) = encoding switch
        {
            0 => ("UTF-16LE", Encoding.Unicode.GetBytes(text)),
            1 => ("UTF-16LE with BOM", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)]),
            2 => ("UTF-16BE", Encoding.BigEndianUnicode.GetBytes(text)),
            3 => ("UTF-32LE", Encoding.UTF32.GetBytes(text)),
            _ => ("Latin-1", Encoding.Latin1.GetBytes(text)),
        };

        // Latin-1 of pure ASCII is the same bytes as UTF-8; an accented letter becomes a byte UTF-8 cannot start with.
        var expect = encoding < 4 || text.Any(c => c is >= '\u0080' and <= '\u00ff')
            ? Expectation.RefusedOn(Expectation.JsonField)
            : text.All(char.IsAscii) ? Expectation.Valid(draft) : Expectation.Anything;
        return FuzzCase.Of(name, draft, bytes, expect);
    }
}
