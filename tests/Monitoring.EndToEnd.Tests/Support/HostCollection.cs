namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>The tests that share one host.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
