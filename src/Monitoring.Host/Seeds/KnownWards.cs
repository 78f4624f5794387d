using Monitoring.Grains.Configuration;
using Monitoring.Host.Endpoints;

namespace Monitoring.Host.Seeds;

/// <summary>
/// A patient's ward must be one of the configured wards (seeds/wards): an alert raised on a ward id nobody
/// views (a typo, a different case, a trailing space) would reach no ward view, alert list or hub group.
/// </summary>
public static class KnownWards
{
    /// <summary>Why <paramref name="wardId"/> names no configured ward; null when it names one.</summary>
    public static string? Unknown(WardRegistry registry, string? wardId)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (wardId is not null && registry.Find(wardId) is not null)
        {
            return null;
        }

        var known = string.Join(", ", registry.Wards.Select(w => w.WardId).Order(StringComparer.Ordinal));
        return $"'{wardId}' is not a configured ward (ids are exact: case and spaces count); configured: {known}";
    }

    /// <summary>The 400 naming <paramref name="field"/> for an unknown ward; null for a configured one.</summary>
    public static IResult? Refuse(WardRegistry registry, string field, string? wardId) =>
        Unknown(registry, wardId) is { } reason ? ApiResults.BadRequest(field, reason) : null;
}
