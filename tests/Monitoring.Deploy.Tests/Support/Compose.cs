using YamlDotNet.Serialization;

namespace Monitoring.Deploy.Tests.Support;

/// <summary>Debian's docker-compose 1.29 (apt-get install --no-install-recommends docker-compose): validates offline, no engine needed.</summary>
internal static class Compose
{
    public const string Install = "./build.sh test installs it (apt-get install --no-install-recommends docker-compose)";

    /// <summary>`docker-compose -f docker-compose.yml [--env-file FILE] config` in a clean environment (no secrets from the caller's).</summary>
    public static Task<(int ExitCode, string StdOut, string StdErr)> ConfigAsync(string? envFile) =>
        Tool.RunAsync(
            "docker-compose",
            envFile is null ? ["-f", "docker-compose.yml", "config"] : ["-f", "docker-compose.yml", "--env-file", envFile, "config"],
            Repository.Root,
            cleanEnvironment: true,
            install: Install);

    /// <summary>The resolved file as nested dictionaries and lists.</summary>
    public static Dictionary<object, object> Parse(string yaml) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(yaml);

    public static Dictionary<object, object> Map(this Dictionary<object, object> node, string key) =>
        node.TryGetValue(key, out var value) && value is Dictionary<object, object> map ? map : throw new Xunit.Sdk.XunitException($"no mapping '{key}' in [{string.Join(", ", node.Keys)}]");

    public static List<object> List(this Dictionary<object, object> node, string key) =>
        node.TryGetValue(key, out var value) && value is List<object> list ? list : throw new Xunit.Sdk.XunitException($"no list '{key}' in [{string.Join(", ", node.Keys)}]");

    public static string Text(this Dictionary<object, object> node, string key) =>
        node.TryGetValue(key, out var value) && value is string text ? text : throw new Xunit.Sdk.XunitException($"no text '{key}' in [{string.Join(", ", node.Keys)}]");
}
