namespace Monitoring.Bench;

/// <summary>The repository the bench runs in: the folder holding Monitoring.sln, above the bench's build output.</summary>
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
