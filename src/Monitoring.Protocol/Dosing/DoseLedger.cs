using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Dosing;

/// <summary>
/// The infusion and bolus history the delivered dose is computed from (clinical-protocol.md, Units:
/// "delivered = rate x concentration integrated over the time the pump was running, plus each bolus").
/// Immutable and pure: every change returns a new ledger; every time is a server-receipt time passed in.
/// </summary>
/// <remarks>
/// Segments are in time order and never overlap; only the last can be open. Boluses are in time order.
/// Plain public properties so the grain state can be serialized as is.
/// </remarks>
public sealed record DoseLedger
{
    public static DoseLedger Empty { get; } = new();

    public IReadOnlyList<InfusionSegment> Segments { get; init; } = [];

    public IReadOnlyList<BolusEntry> Boluses { get; init; } = [];

    /// <summary>The receipt time of the last pump status applied; an older status is ignored.</summary>
    public DateTimeOffset? LastStatusAt { get; init; }

    /// <summary>The segment still running, if the pump's last status was <c>running</c>.</summary>
    public InfusionSegment? OpenSegment => Segments.Count > 0 && Segments[^1].IsOpen ? Segments[^1] : null;

    /// <summary>
    /// Applies a pump status received at <paramref name="at"/>: closes the open segment there and opens a
    /// new one if <paramref name="running"/>. Pass running = false for paused, stopped, bolus and alarm:
    /// only time in state running is integrated (a bolus counts by its doseMg, see <see cref="WithBolus"/>).
    /// A status older than the last one applied is ignored (the ledger is returned unchanged): it describes
    /// a past the ledger has already been told about, and rewriting it would let a delayed message erase dose.
    /// A running status with the same rate and concentration continues the open segment, so the
    /// every-few-seconds status stream does not grow the ledger.
    /// </summary>
    public DoseLedger WithPumpStatus(DateTimeOffset at, bool running, decimal rateMlPerHour, decimal concentrationMgPerMl)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rateMlPerHour);
        ArgumentOutOfRangeException.ThrowIfNegative(concentrationMgPerMl);

        if (LastStatusAt is { } last && at < last)
        {
            return this;
        }

        var open = OpenSegment;
        if (running && open is not null
            && open.RateMlPerHour == rateMlPerHour
            && open.ConcentrationMgPerMl == concentrationMgPerMl)
        {
            return this with { LastStatusAt = at };
        }

        var segments = new List<InfusionSegment>(Segments);
        if (open is not null)
        {
            segments.RemoveAt(segments.Count - 1);

            // A segment that would close where it opened ran for no time: drop it rather than keep an empty one.
            if (at > open.Start)
            {
                segments.Add(open with { End = at });
            }
        }

        if (running)
        {
            segments.Add(new InfusionSegment(at, null, rateMlPerHour, concentrationMgPerMl));
        }

        return this with { Segments = segments, LastStatusAt = at };
    }

    /// <summary>
    /// Records a bolus received at <paramref name="at"/>. A late one is still inserted in time order: it was
    /// given, and the dose must count. An unreported kind defaults to acute, the stricter limit.
    /// </summary>
    public DoseLedger WithBolus(DateTimeOffset at, decimal doseMg, BolusKind kind = BolusKind.Acute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(doseMg);

        var boluses = new List<BolusEntry>(Boluses);
        var index = boluses.FindLastIndex(b => b.At <= at) + 1;
        boluses.Insert(index, new BolusEntry(at, doseMg, kind));
        return this with { Boluses = boluses };
    }

    /// <summary>Infusion plus boluses delivered in the window [from, to] (boluses in (from, to]).</summary>
    public decimal DeliveredMg(DateTimeOffset from, DateTimeOffset to) => InfusionMg(from, to) + BolusMg(from, to);

    /// <summary>
    /// rate x concentration integrated over the running time within [from, to]. An open segment is taken
    /// to run until <paramref name="to"/> (normally "now"): the pump's last word was that it is running.
    /// </summary>
    public decimal InfusionMg(DateTimeOffset from, DateTimeOffset to)
    {
        ThrowIfReversed(from, to);
        var total = decimal.Zero;
        foreach (var segment in Segments)
        {
            total += segment.MgWithin(from, to);
        }

        return total;
    }

    /// <summary>
    /// The boluses with a time in (from, to]: half-open so adjacent windows never count one twice,
    /// and a bolus received "now" is in the trailing window ending now.
    /// </summary>
    public decimal BolusMg(DateTimeOffset from, DateTimeOffset to)
    {
        ThrowIfReversed(from, to);
        var total = decimal.Zero;
        foreach (var bolus in Boluses)
        {
            if (bolus.At > from && bolus.At <= to)
            {
                total += bolus.DoseMg;
            }
        }

        return total;
    }

    /// <summary>
    /// Drops what no window starting at or after <paramref name="cutoff"/> can see: segments that ended by
    /// then, boluses at or before it (windows exclude their start); a segment straddling it is trimmed to start
    /// there. Every window with from &gt;= cutoff gives the same totals as before.
    /// </summary>
    public DoseLedger PrunedBefore(DateTimeOffset cutoff)
    {
        var segments = new List<InfusionSegment>(Segments.Count);
        foreach (var segment in Segments)
        {
            if (segment.End is { } end && end <= cutoff)
            {
                continue;
            }

            segments.Add(segment.Start < cutoff ? segment with { Start = cutoff } : segment);
        }

        var boluses = Boluses.Where(b => b.At > cutoff).ToList();
        return this with { Segments = segments, Boluses = boluses };
    }

    /// <summary>
    /// How far back the ledger must reach for the rules that read it: the longer of the daily window
    /// (HIGH_DAILY_DOSE) and the cumulative window (CUMULATIVE_HOUR). Prune at now minus this.
    /// </summary>
    public static TimeSpan RetentionNeeded(ProtocolParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var daily = parameters.DoseRate.DailyDoseWindow;
        var cumulative = parameters.CumulativeHour.Window;
        return daily > cumulative ? daily : cumulative;
    }

    // Value equality over the contents: a record would otherwise compare the lists by reference.
    public bool Equals(DoseLedger? other) =>
        other is not null
        && LastStatusAt == other.LastStatusAt
        && Segments.SequenceEqual(other.Segments)
        && Boluses.SequenceEqual(other.Boluses);

    public override int GetHashCode() => HashCode.Combine(LastStatusAt, Segments.Count, Boluses.Count);

    private static void ThrowIfReversed(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The window ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }
    }
}
