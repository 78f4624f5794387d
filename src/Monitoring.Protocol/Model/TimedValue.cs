namespace Monitoring.Protocol.Model;

/// <summary>A value with the server-receipt time it was taken at (every time rule runs on server time).</summary>
public readonly record struct TimedValue<T>(T Value, DateTimeOffset At);
