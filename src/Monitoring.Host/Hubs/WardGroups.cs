namespace Monitoring.Host.Hubs;

/// <summary>The SignalR groups of a ward: everyone watching it, and its charge-nurse channel.</summary>
public static class WardGroups
{
    public static string Ward(string wardId) => $"ward:{wardId}";

    public static string Charge(string wardId) => $"ward:{wardId}:charge";
}
