namespace Monitoring.Simulators.Tests;

/// <summary>Tests that start brokers run one at a time (each on its own free port).</summary>
[CollectionDefinition(nameof(BrokerCollection), DisableParallelization = true)]
public sealed class BrokerCollection;
