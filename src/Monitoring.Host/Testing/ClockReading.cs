namespace Monitoring.Host.Testing;

/// <summary>The answer of GET /test/clock and POST /test/clock/advance: the clock's time now.</summary>
public sealed record ClockReading(DateTimeOffset Now);
