namespace Monitoring.Protocol.Parameters;

/// <param name="EnforcingMode">Enforcing wards command pumps; advisory wards only alert.</param>
/// <param name="TimeZone">The ward's IANA time zone id: times on screen and in alert text read in it (UTC stays on the wire).
/// Checked against the host's time zone database at start (Monitoring.Host's SeedLoader); read through <see cref="WardTimeZone"/>.</param>
public sealed record WardParameters(bool EnforcingMode, string TimeZone);
