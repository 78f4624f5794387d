namespace Monitoring.Deploy.Tests.Support;

internal static class Repository
{
    /// <summary>The repository root (<see cref="RepositoryRoot"/>), where docker-compose.yml and deploy/ are.</summary>
    public static string Root { get; } = RepositoryRoot.Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
