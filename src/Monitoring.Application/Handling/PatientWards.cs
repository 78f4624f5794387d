using Monitoring.Application.Access;
using Monitoring.Application.Outcomes;
using Monitoring.Application.Ports;
using Monitoring.Contracts.Views;

namespace Monitoring.Application.Handling;

/// <summary>The ward rules every door shares: a patient on a configured ward the caller may not see is not theirs; a ward must exist.</summary>
public static class PatientWards
{
    /// <summary>
    /// Forbidden for a patient on a configured ward the caller may not see; null otherwise (a patient left on a ward that
    /// is no longer configured stays reachable, so a charge nurse can move them).
    /// </summary>
    public static Rejection? RefuseUnseen(IWardAccess wards, Caller caller, PatientSnapshot? snapshot)
    {
        ArgumentNullException.ThrowIfNull(wards);
        return snapshot is not null && wards.IsConfigured(snapshot.WardId) && !wards.MaySee(caller, snapshot.WardId)
            ? Rejection.Forbidden($"this patient's ward '{snapshot.WardId}' is not one of this user's wards", "wardId")
            : null;
    }

    /// <summary>Not found for a patient never admitted; otherwise as <see cref="RefuseUnseen"/>.</summary>
    public static Rejection? RefuseAbsentOrUnseen(IWardAccess wards, Caller caller, string patientId, PatientSnapshot? snapshot) =>
        snapshot is null ? Rejection.NotFound($"patient '{patientId}' was never admitted") : RefuseUnseen(wards, caller, snapshot);

    /// <summary>
    /// An admission's ward must be configured (an alert on a ward nobody views reaches nobody) and the caller's;
    /// a blank ward is the grain's "is required".
    /// </summary>
    public static Rejection? RefuseWard(IWardAccess wards, Caller caller, string field, string? wardId)
    {
        ArgumentNullException.ThrowIfNull(wards);
        if (string.IsNullOrWhiteSpace(wardId))
        {
            return null;
        }

        if (!wards.IsConfigured(wardId))
        {
            var known = string.Join(", ", wards.Configured.Order(StringComparer.Ordinal));
            return Rejection.Refused(field, $"'{wardId}' is not a configured ward (ids are exact: case and spaces count); configured: {known}");
        }

        return wards.MaySee(caller, wardId) ? null : Rejection.Forbidden($"ward '{wardId}' is not one of this user's wards", field);
    }
}
