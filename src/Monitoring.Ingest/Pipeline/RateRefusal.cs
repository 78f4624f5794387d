using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Pipeline;

/// <summary>A message refused for its device's rate, to be reported off the receive loop.</summary>
/// <param name="TellBed">The first of a flood window: the device's bed gets DEVICE_DATA_INVALID.</param>
public sealed record RateRefusal(string Topic, TopicRoute? Route, string Key, DateTimeOffset ReceivedAt, bool TellBed);
