using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Wards;

/// <summary>
/// OBSERVATION_REFUSED, a ward alert: a charting app's observation (MQTT) was refused (unreadable, a misspelt kind, a
/// patient never admitted), so a pain score, a sedation score or a hallucination is in nobody's record. It holds for the
/// event hold (<c>alerts.eventConditionHoldMinutes</c>) after the latest refusal; a HIGH one then latches until
/// acknowledged, so somebody sees it even if it came at night.
/// </summary>
[GenerateSerializer]
public sealed class ObservationRefusals
{
    /// <summary>What the alert shows of a refusal's reason (it may quote what the app sent).</summary>
    public const int MaxReasonLength = 160;

    [Id(0)] public DateTimeOffset FirstAt { get; set; }

    [Id(1)] public DateTimeOffset LastAt { get; set; }

    [Id(2)] public int Count { get; set; }

    /// <summary>The latest refusal's patient id (never a name).</summary>
    [Id(3)] public string PatientId { get; set; } = "";

    [Id(4)] public string Reason { get; set; } = "";

    /// <summary>Adds a refusal: a new run once the previous one no longer holds.</summary>
    public static ObservationRefusals Add(ObservationRefusals? run, string patientId, string reason, DateTimeOffset at, ProtocolParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var continues = run is not null && at <= run.LastAt + p.Alerts.EventConditionHold;
        var text = reason ?? "";
        return new ObservationRefusals
        {
            FirstAt = continues ? run!.FirstAt : at,
            LastAt = continues && run!.LastAt > at ? run.LastAt : at,
            Count = continues ? run!.Count + 1 : 1,
            PatientId = patientId ?? "",
            Reason = text.Length > MaxReasonLength ? text[..MaxReasonLength] + "…" : text,
        };
    }

    /// <summary>The condition while the run holds; none after.</summary>
    public static IEnumerable<RuleCondition> Evaluate(ObservationRefusals? run, DateTimeOffset now, ProtocolParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (run is null || now >= HoldsUntil(run, p))
        {
            yield break;
        }

        var count = run.Count == 1 ? "1 observation refused" : $"{run.Count} observations refused";
        yield return new RuleCondition(RuleIds.ObservationRefused, p.Rule(RuleIds.ObservationRefused).Priority,
            $"{count}; latest for patient {run.PatientId}: {run.Reason}");
    }

    public static DateTimeOffset HoldsUntil(ObservationRefusals run, ProtocolParameters p) =>
        run.LastAt + p.Alerts.EventConditionHold;
}
