namespace Monitoring.Dashboard.Services;

/// <summary>A configured ward as the dashboard lists it: its id, display name and beds (seeds/wards).</summary>
public sealed record WardInfo(string WardId, string DisplayName, IReadOnlyList<string> Beds);
