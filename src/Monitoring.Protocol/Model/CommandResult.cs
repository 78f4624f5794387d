namespace Monitoring.Protocol.Model;

/// <summary>A pump's answer to a command, reported in its next status.</summary>
public enum CommandResult
{
    Done,
    Rejected,
    Expired,
}
