namespace Monitoring.Browser.Tests.Support;

/// <summary>Screenshots go to test-output/screenshots at the repository's root (git-ignored), to be looked at.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Find();

    public static string PathOf(string name) => Path.Combine(Folder, name + ".png");

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR");
        var folder = configured;
        if (string.IsNullOrEmpty(folder))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Monitoring.sln")))
            {
                dir = dir.Parent;
            }

            folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "test-output", "screenshots");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
