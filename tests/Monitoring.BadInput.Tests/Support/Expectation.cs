namespace Monitoring.BadInput.Tests.Support;

/// <summary>What one fuzz case must give: a verdict, the draft a valid parse must match, and the fields a refusal may name.</summary>
public sealed record Expectation(Verdict Verdict, PayloadDraft? Draft, IReadOnlyList<string> Fields)
{
    public const string JsonField = "json";

    public static Expectation Valid(PayloadDraft draft) => new(Verdict.Valid, draft, []);

    public static Expectation RefusedOn(params string[] fields) => new(Verdict.Refused, null, fields);

    public static Expectation ValidOrRefusedOn(PayloadDraft draft, params string[] fields) => new(Verdict.ValidOrRefused, draft, fields);

    public static Expectation Anything { get; } = new(Verdict.Anything, null, []);

    public override string ToString() => Verdict switch
    {
        Verdict.Valid => "valid",
        Verdict.Refused => $"refused on {string.Join(" or ", Fields)}",
        Verdict.ValidOrRefused => $"valid, or refused on {string.Join(" or ", Fields)}",
        _ => "anything but a throw",
    };
}
