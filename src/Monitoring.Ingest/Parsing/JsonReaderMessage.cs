namespace Monitoring.Ingest.Parsing;

/// <summary>
/// A JSON reader's or serializer's message, bounded for a refusal: System.Text.Json echoes the offending literal or
/// property name, which can run on to the end of the input (a megabyte, or a patient's details). The position at
/// the end (" LineNumber: 0 | BytePositionInLine: 47.") is kept. Shared by ingest and REST.
/// </summary>
public static class JsonReaderMessage
{
    private const int MaxMessageLength = 160;

    private const int MaxPositionLength = 80;

    public static string Shorten(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var tail = at >= 0 && message.Length - at <= MaxPositionLength ? message[at..] : "";
        var head = tail.Length > 0 ? message[..at] : message;
        var shortened = head.Length > MaxMessageLength ? head[..MaxMessageLength] + "…" + tail : head + tail;
        return string.Concat(shortened.Select(c => char.IsControl(c) ? '?' : c));
    }
}
