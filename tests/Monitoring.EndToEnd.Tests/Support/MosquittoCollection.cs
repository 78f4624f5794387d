namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>The tests that share one real Mosquitto and one host connected to it.</summary>
[CollectionDefinition(Name)]
public sealed class MosquittoCollection : ICollectionFixture<MosquittoHostFixture>
{
    public const string Name = "mosquitto";
}
