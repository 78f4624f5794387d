namespace Monitoring.Grains.Tests.Support;

/// <summary>The grain tests share one cluster and one fake clock, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
