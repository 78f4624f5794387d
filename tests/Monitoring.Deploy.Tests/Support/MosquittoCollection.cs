namespace Monitoring.Deploy.Tests.Support;

[CollectionDefinition(Name)]
public sealed class MosquittoCollection : ICollectionFixture<DeployedMosquitto>
{
    public const string Name = "deployed-mosquitto";
}
