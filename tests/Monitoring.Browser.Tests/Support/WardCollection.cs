namespace Monitoring.Browser.Tests.Support;

[CollectionDefinition(Name)]
public sealed class WardCollection : ICollectionFixture<WardFixture>
{
    public const string Name = "ward";
}
