using System.Xml.Linq;
using Monitoring.Deploy.Tests.Support;

namespace Monitoring.Deploy.Tests;

/// <summary>
/// With no Docker engine here an image is never built, so the Dockerfiles are checked against the projects they
/// build: every project the entry project references (transitively) has its .csproj copied before the restore
/// and its folder copied before the publish. A project added to the host but not to its Dockerfile fails here,
/// not at a hospital's first `docker compose build`.
/// </summary>
public sealed class DockerfileProjectsTests
{
    [Theory]
    [InlineData("deploy/docker/monitoring-host.Dockerfile", "src/Monitoring.Host/Monitoring.Host.csproj")]
    [InlineData("deploy/docker/simulator.Dockerfile", "simulators/Monitoring.Simulators.Cli/Monitoring.Simulators.Cli.csproj")]
    public void Every_project_the_image_builds_is_copied_before_its_restore_and_its_publish(string dockerfile, string entry)
    {
        var lines = File.ReadAllLines(Repository.PathOf(dockerfile)).Select(l => l.Trim()).ToList();
        var restoreAt = lines.FindIndex(l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var publishAt = lines.FindIndex(l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));
        Assert.True(publishAt > 0, $"{dockerfile} has no dotnet publish");
        var copiedBeforeRestore = Sources(lines.Take(restoreAt < 0 ? publishAt : restoreAt));
        var copiedBeforePublish = Sources(lines.Take(publishAt));

        var projects = ProjectsOf(entry);

        Assert.Contains(entry, projects);
        Assert.All(projects, project =>
        {
            Assert.True(copiedBeforePublish.Any(source => Covers(source, project)), $"{dockerfile} never copies {project} before its publish");
            if (restoreAt >= 0)
            {
                Assert.True(copiedBeforeRestore.Any(source => Covers(source, project)), $"{dockerfile} restores before it copies {project}");
            }
        });
    }

    /// <summary>The entry project and every project it references, directly or not, as repository paths.</summary>
    private static SortedSet<string> ProjectsOf(string entry)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([entry]);
        while (pending.TryPop(out var project))
        {
            if (!found.Add(project))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Repository.PathOf(project))!;
            foreach (var reference in XDocument.Load(Repository.PathOf(project)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Repository.Root, full).Replace('\\', '/'));
            }
        }

        return found;
    }

    /// <summary>What the COPY lines (not those from another stage) take from the build context.</summary>
    private static List<string> Sources(IEnumerable<string> lines) =>
        [.. lines
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])];

    private static bool Covers(string source, string project) =>
        source == project || (source.EndsWith('/') && project.StartsWith(source, StringComparison.Ordinal));
}
