namespace Monitoring.Production.Tests.Support;

[CollectionDefinition(Name)]
public sealed class StoresCollection : ICollectionFixture<Stores>
{
    public const string Name = "production stores";
}
