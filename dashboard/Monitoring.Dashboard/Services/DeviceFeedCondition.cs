namespace Monitoring.Dashboard.Services;

/// <summary>Whether device data is reaching this screen.</summary>
public enum DeviceFeedCondition
{
    /// <summary>The host is starting: its first connection to the devices' broker has not finished yet.</summary>
    Connecting,

    /// <summary>Connected and subscribed, and readings reach the patients' records.</summary>
    Live,

    /// <summary>The broker connection or subscription is lost, or readings cannot be handed to the patients' records.</summary>
    Lost,
}
