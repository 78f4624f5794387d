namespace Monitoring.Scenarios.Tests.Support;

/// <summary>The tests that share the virtual-clock host (its clock is the whole host's: one test at a time).</summary>
[CollectionDefinition(Name)]
public sealed class VirtualClockHostCollection : ICollectionFixture<VirtualClockHostFixture>
{
    public const string Name = "virtual-clock host";
}
