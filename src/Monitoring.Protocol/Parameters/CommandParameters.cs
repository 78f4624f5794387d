namespace Monitoring.Protocol.Parameters;

/// <summary>A pump must confirm a command within this window; it is also the command's expiry.</summary>
public sealed record CommandParameters(TimeSpan ConfirmWithin);
