using System.Collections.Concurrent;
using System.Globalization;

namespace Monitoring.Protocol.Parameters;

/// <summary>
/// A ward's time zone, for reading times: on screen and in alert text every time is the ward's wall-clock time
/// with its UTC offset beside it ("14:03:05 UTC+1"), so it is never mistaken for UTC or for another ward's hour.
/// Instants stay UTC everywhere else (state, wire, logs). The zone comes from the seeds (<see cref="WardParameters.TimeZone"/>).
/// </summary>
public sealed class WardTimeZone
{
    private static readonly ConcurrentDictionary<string, WardTimeZone> Known = new(StringComparer.Ordinal);

    private WardTimeZone(string id, TimeZoneInfo zone)
    {
        Id = id;
        Zone = zone;
    }

    /// <summary>UTC: where no ward is known (a host-wide banner over wards in different zones). Still labelled.</summary>
    public static WardTimeZone Utc { get; } = new("UTC", TimeZoneInfo.Utc);

    /// <summary>The IANA id as the seeds name it (e.g. Europe/London).</summary>
    public string Id { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The zone named <paramref name="id"/>; an id this host's time zone database does not know is refused, naming it.</summary>
    public static WardTimeZone Resolve(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return TryResolve(id)
            ?? throw new ArgumentException($"'{id.Trim()}' is not an IANA time zone id this host knows (e.g. Europe/London)", nameof(id));
    }

    /// <summary>
    /// The zone of a ward's parameters, for alert text. The seeds refuse an unknown zone at start, so UTC here only
    /// serves parameters built by hand; the text stays true because the offset is always printed.
    /// </summary>
    public static WardTimeZone Of(WardParameters ward)
    {
        ArgumentNullException.ThrowIfNull(ward);
        return TryResolve(ward.TimeZone) ?? Utc;
    }

    /// <summary>Whether this host can read <paramref name="id"/> as a time zone.</summary>
    public static bool IsKnown(string? id) => TryResolve(id) is not null;

    // Looked up once per id: the engine asks for a ward's zone on every evaluation that writes a time.
    private static WardTimeZone? TryResolve(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var key = id.Trim();
        return Known.TryGetValue(key, out var known) ? known
            : TimeZoneInfo.TryFindSystemTimeZoneById(key, out var zone) ? Known.GetOrAdd(key, new WardTimeZone(key, zone))
            : null;
    }

    /// <summary>The ward's wall-clock time at <paramref name="at"/> (kind Unspecified: it is not UTC and not this host's zone).</summary>
    public System.DateTime WallClock(DateTimeOffset at) => System.DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(at, Zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>"UTC+1", "UTC+5:30", "UTC-3", "UTC+0": the ward's offset from UTC at <paramref name="at"/> (it moves with daylight saving).</summary>
    public string Offset(DateTimeOffset at)
    {
        var offset = Zone.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var text = abs.Minutes == 0
            ? abs.Hours.ToString(CultureInfo.InvariantCulture)
            : $"{abs.Hours.ToString(CultureInfo.InvariantCulture)}:{abs.Minutes:00}";
        return $"UTC{sign}{text}";
    }

    /// <summary>"14:03:05 UTC+1".</summary>
    public string Time(DateTimeOffset at) => $"{Format(at, "HH:mm:ss")} {Offset(at)}";

    /// <summary>"14:03 UTC+1".</summary>
    public string ShortTime(DateTimeOffset at) => $"{Format(at, "HH:mm")} {Offset(at)}";

    /// <summary>"2026-07-01 14:03 UTC+1".</summary>
    public string DateTime(DateTimeOffset at) => $"{Format(at, "yyyy-MM-dd HH:mm")} {Offset(at)}";

    public override string ToString() => Id;

    private string Format(DateTimeOffset at, string pattern) => WallClock(at).ToString(pattern, CultureInfo.InvariantCulture);
}
