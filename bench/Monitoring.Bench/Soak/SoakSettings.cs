using System.Globalization;

namespace Monitoring.Bench.Soak;

/// <summary>How big, how long and how hard a soak is (bench/soak.sh; defaults are the issue's: 30 minutes, 200 beds).</summary>
public sealed record SoakSettings
{
    public int Minutes { get; init; } = 30;

    public int Beds { get; init; } = 200;

    /// <summary>Beds per ward: the beds fill soak-ward-01, -02, ... in order.</summary>
    public int BedsPerWard { get; init; } = 50;

    /// <summary>Seeds the chaos schedule, the choice of beds for the labelled events and their times.</summary>
    public int Seed { get; init; } = Environment.TickCount & 0x7fffffff;

    /// <summary>Each device reports this often and on every change (ticks of 1 s: inside the contract's 5 s).</summary>
    public TimeSpan ReportEvery { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Each bed's nurse charts pain (and every other round RASS) this often, over MQTT as the charting app.</summary>
    public TimeSpan ChartEvery { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Labelled true events of each kind over the run (each on a bed of its own).</summary>
    public int EventsPerKind { get; init; } = 30;

    /// <summary>How long the devices run before the first fault, and after the last one has recovered.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(45);

    public string Out { get; init; } = "";

    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    /// <summary>A short soak (under 10 minutes) has shorter outages and gaps, so each kind of fault still comes.</summary>
    public bool IsBrief => Minutes < 10;

    public (int Min, int Max) OutageSeconds => IsBrief ? (10, 20) : (15, 40);

    public (int Min, int Max) GapSeconds => IsBrief ? (15, 30) : (45, 100);

    /// <summary>--minutes N, --beds N, --seed N, --events N, --out FOLDER.</summary>
    public static SoakSettings Parse(IReadOnlyList<string> args, string defaultOut)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? Value(string name)
        {
            for (var i = 0; i < args.Count - 1; i++)
            {
                if (args[i] == name)
                {
                    return args[i + 1];
                }
            }

            return null;
        }

        int? Number(string name) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        var settings = new SoakSettings();
        var minutes = Number("--minutes") ?? settings.Minutes;
        return settings with
        {
            Minutes = minutes,
            Beds = Number("--beds") ?? settings.Beds,
            Seed = Number("--seed") ?? settings.Seed,
            EventsPerKind = Number("--events") ?? Math.Max(4, settings.EventsPerKind * minutes / 30),
            Out = Value("--out") ?? defaultOut,
        };
    }
}
