namespace Monitoring.BadInput.Tests.Support;

/// <summary>The REST and good-traffic classes share one host: starting one takes seconds on the test machine.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<BadInputHost>
{
    public const string Name = "bad-input host";
}
