using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitoring.Simulators.Scenarios;

/// <summary>
/// Durations as people write them in scenario files: `90s`, `5m`, `1h30m`, `2d`, `500ms`, `-90s`,
/// `00:05:00`, or a bare number of seconds.
/// </summary>
public static partial class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var negative = text.StartsWith('-');
        var body = negative || text.StartsWith('+') ? text[1..] : text;
        if (decimal.TryParse(body, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds((double)seconds);
        }
        else if (body.Contains(':', StringComparison.Ordinal))
        {
            if (!TimeSpan.TryParse(body, CultureInfo.InvariantCulture, out duration))
            {
                return false;
            }
        }
        else
        {
            var parts = Units().Matches(body);
            if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != body)
            {
                return false;
            }

            foreach (Match part in parts)
            {
                var value = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
                duration += part.Groups["u"].Value switch
                {
                    "ms" => TimeSpan.FromMilliseconds(value),
                    "s" => TimeSpan.FromSeconds(value),
                    "m" or "min" => TimeSpan.FromMinutes(value),
                    "h" => TimeSpan.FromHours(value),
                    "d" => TimeSpan.FromDays(value),
                    _ => TimeSpan.Zero,
                };
            }
        }

        duration = negative ? -duration : duration;
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration (examples: 90s, 5m, 1h30m, 00:05:00)");

    /// <summary>The short form used in reports: 1h30m, 45s.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = duration < TimeSpan.Zero ? "-" : "";
        duration = duration.Duration();
        var text = "";
        if (duration.Days > 0)
        {
            text += $"{duration.Days}d";
        }

        if (duration.Hours > 0)
        {
            text += $"{duration.Hours}h";
        }

        if (duration.Minutes > 0)
        {
            text += $"{duration.Minutes}m";
        }

        if (duration.Seconds > 0 || duration.Milliseconds > 0)
        {
            text += duration.Milliseconds > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds + (duration.Milliseconds / 1000.0):0.###}s")
                : $"{duration.Seconds}s";
        }

        return sign + text;
    }

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<u>ms|min|s|m|h|d)")]
    private static partial Regex Units();
}
