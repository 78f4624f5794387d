using System.Globalization;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.News2;

/// <summary>RCP NEWS2 (2017) scoring. Pure: the chart, the thresholds and the clock all come in as arguments.</summary>
public static class News2Calculator
{
    /// <summary>Scores the latest observations against the chart in <paramref name="p"/>.</summary>
    /// <param name="spo2Scale2">The patient's "NEWS2 SpO2 scale 2" flag (set by a charge nurse).</param>
    /// <param name="now">
    /// Server time; a reading more than <see cref="News2Parameters.StaleAfter"/> before it is stale: it keeps its last
    /// value, flagged stale, and makes the score partial, so a score never improves because its inputs aged (I7).
    /// </param>
    public static News2Score Calculate(News2Observations obs, bool spo2Scale2, DateTimeOffset now, News2Parameters p)
    {
        ArgumentNullException.ThrowIfNull(obs);
        ArgumentNullException.ThrowIfNull(p);

        var components = new List<News2Component>();
        var missingOrStale = new List<News2Parameter>();

        void Add<T>(News2Parameter parameter, TimedValue<T>? reading, Func<T, int> score, Func<T, string> show)
        {
            if (reading is not { } r)
            {
                missingOrStale.Add(parameter);
                return;
            }

            var stale = now - r.At > p.StaleAfter;
            components.Add(new News2Component(parameter, show(r.Value), score(r.Value), r.At, stale));
            if (stale)
            {
                missingOrStale.Add(parameter);
            }
        }

        // Scale 2 splits on oxygen; an unknown oxygen status falls back to the on-air bands (the score is
        // partial then, so the screen says it may be understated). A stale one keeps its last value.
        var onOxygen = obs.SupplementalOxygen?.Value;
        var spo2Row = !spo2Scale2 ? p.Spo2Scale1
            : onOxygen == true ? p.Spo2Scale2OnOxygen
            : p.Spo2Scale2OnAir;

        Add(News2Parameter.RespirationRate, obs.RespirationRate, v => FromRow(v, p.RespirationRate), Show);
        Add(News2Parameter.Spo2, obs.Spo2, v => FromRow(v, spo2Row), Show);
        Add(News2Parameter.SupplementalOxygen, obs.SupplementalOxygen, v => v ? p.SupplementalOxygenScore : 0, v => v ? "oxygen" : "air");
        Add(News2Parameter.Systolic, obs.Systolic, v => FromRow(v, p.Systolic), Show);
        Add(News2Parameter.Pulse, obs.Pulse, v => FromRow(v, p.Pulse), Show);
        Add(News2Parameter.Consciousness, obs.Consciousness, v => v == Consciousness.A ? 0 : p.NewConfusionOrWorseScore, v => v.ToString());
        Add(News2Parameter.Temperature, obs.Temperature, v => FromRow(v, p.Temperature), Show);

        return new News2Score(
            components.Sum(c => c.Score),
            missingOrStale.Count > 0,
            components.Count == 0 ? 0 : components.Max(c => c.Score),
            components,
            missingOrStale);
    }

    /// <summary>
    /// The response level: High at the high aggregate; Medium at the medium aggregate or when one
    /// parameter reaches the single-parameter (red) score. A partial score is classified on what is
    /// present, stale values on their last value: it never improves only because a reading aged.
    /// </summary>
    public static News2Level Classify(News2Score score, News2Parameters p)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(p);

        if (score.Total >= p.HighAggregate)
        {
            return News2Level.High;
        }

        return score.Total >= p.MediumAggregate || score.HighestSingle >= p.MediumSingleParameter
            ? News2Level.Medium
            : News2Level.None;
    }

    // First band whose upper edge is at or above the value; the open band (no edge) takes the rest.
    private static int FromRow(decimal value, IReadOnlyList<ScoreBand> row)
    {
        foreach (var band in row)
        {
            if (band.AtOrBelow is not { } edge || value <= edge)
            {
                return band.Score;
            }
        }

        // The loader refuses a row without its open band, so only a hand-built row gets here.
        throw new ArgumentException("A NEWS2 chart row must end with an open band.", nameof(row));
    }

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
