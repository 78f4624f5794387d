namespace Monitoring.Simulators.Connections;

/// <summary>Called for a message on a subscribed topic.</summary>
public delegate Task MessageHandler(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
