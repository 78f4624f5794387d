namespace Monitoring.LocalServers;

/// <summary>
/// The repository a suite or the bench runs in: the first folder above the build output that holds Monitoring.sln
/// (where build.sh, the seeds and the other projects' build outputs are).
/// </summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Monitoring.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"Monitoring.sln not found above {AppContext.BaseDirectory}");
    }
}
