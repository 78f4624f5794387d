namespace Monitoring.BadInput.Tests.Support;

/// <summary>One field of a draft payload: its raw JSON text and what the parser must make of it when it is valid.</summary>
/// <param name="Expected">decimal, long, string, bool or DateTimeOffset; null reads as absent.</param>
public sealed record DraftField(string Name, string Raw, object? Expected);
