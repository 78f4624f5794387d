namespace Monitoring.Archive.Tests.Support;

[CollectionDefinition(Name)]
public sealed class VictoriaMetricsCollection : ICollectionFixture<VictoriaMetricsServer>
{
    public const string Name = "victoria-metrics";
}
