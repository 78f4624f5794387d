namespace Monitoring.Protocol.News2;

/// <summary>The clinical response level of a NEWS2 score; Medium and High raise the NEWS2 alert at that priority.</summary>
public enum News2Level
{
    None,
    Medium,
    High,
}
