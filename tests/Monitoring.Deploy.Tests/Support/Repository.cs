namespace Monitoring.Deploy.Tests.Support;

internal static class Repository
{
    /// <summary>The repository root: the first folder above the test binaries holding docker-compose.yml and Monitoring.sln.</summary>
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Monitoring.sln")) && File.Exists(Path.Combine(folder.FullName, "docker-compose.yml")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no repository root (Monitoring.sln and docker-compose.yml) above {AppContext.BaseDirectory}");
    }
}
