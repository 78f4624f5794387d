using System.Text.RegularExpressions;
using Monitoring.Deploy.Tests.Support;

namespace Monitoring.Deploy.Tests;

/// <summary>docker-compose.yml as docker-compose itself reads it (offline: `config` needs no engine).</summary>
public sealed partial class ComposeFileTests
{
    private static readonly string[] Hosts = ["monitoring-1", "monitoring-2"];

    [Fact]
    public async Task Compose_validates_with_the_example_environment()
    {
        var (exitCode, stdout, stderr) = await Compose.ConfigAsync(".env.example");

        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}): {stderr}");
        var services = Compose.Parse(stdout).Map("services");
        Assert.Equal(["influxdb", "monitoring-1", "monitoring-2", "mosquitto", "postgres", "redis", "simulator"], services.Keys.Cast<string>().Order());
    }

    [Fact]
    public async Task Without_an_env_file_compose_refuses_naming_a_missing_secret()
    {
        var empty = Path.GetTempFileName();
        var (exitCode, _, stderr) = await Compose.ConfigAsync(empty);
        File.Delete(empty);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("in .env", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_server_has_a_health_check_and_the_hosts_wait_for_all_of_them_to_be_healthy()
    {
        var services = await ResolvedServicesAsync();

        foreach (var name in new[] { "redis", "postgres", "mosquitto", "influxdb", "monitoring-1", "monitoring-2" })
        {
            Assert.NotEmpty(services.Map(name).Map("healthcheck").List("test"));
        }

        foreach (var host in Hosts)
        {
            var dependsOn = services.Map(host).Map("depends_on");
            Assert.Equal(["influxdb", "mosquitto", "postgres", "redis"], dependsOn.Keys.Cast<string>().Order());
            Assert.All(dependsOn.Values.Cast<Dictionary<object, object>>(), d => Assert.Equal("service_healthy", d.Text("condition")));
        }

        var simulator = services.Map("simulator").Map("depends_on");
        Assert.Equal("service_healthy", simulator.Map("monitoring-1").Text("condition"));
        Assert.Equal("service_healthy", simulator.Map("mosquitto").Text("condition"));
    }

    [Fact]
    public async Task The_two_hosts_run_the_production_profile_with_distinct_identities()
    {
        var services = await ResolvedServicesAsync();
        var environments = Hosts.Select(h => services.Map(h).Map("environment")).ToList();

        foreach (var environment in environments)
        {
            Assert.Equal("Redis", environment.Text("Storage__Provider"));
            Assert.StartsWith("redis:6379,password=", environment.Text("ConnectionStrings__Redis"), StringComparison.Ordinal);
            Assert.Contains("Host=postgres;", environment.Text("ConnectionStrings__Audit"), StringComparison.Ordinal);
            Assert.Equal("mosquitto", environment.Text("Mqtt__Host"));
            Assert.Equal("monitoring", environment.Text("Mqtt__Username"));
            Assert.False(string.IsNullOrEmpty(environment.Text("Mqtt__Password")));
            Assert.Equal("http://influxdb:8086", environment.Text("Archive__Url"));
            Assert.False(string.IsNullOrEmpty(environment.Text("Archive__Token")));
            Assert.False(string.IsNullOrEmpty(environment.Text("Archive__Org")));
            Assert.False(string.IsNullOrEmpty(environment.Text("Archive__Bucket")));
            Assert.Equal("Production", environment.Text("ASPNETCORE_ENVIRONMENT"));
            Assert.Equal("false", environment.Text("Auth__DemoUsers"));
        }

        Assert.Equal(2, environments.Select(e => e.Text("Orleans__SiloName")).Distinct().Count());
        Assert.Equal(2, environments.Select(e => e.Text("Mqtt__ClientId")).Distinct().Count());
        Assert.Single(environments.Select(e => e.Text("Orleans__ClusterId")).Distinct());
        Assert.All(Hosts, h => Assert.Equal("deploy/docker/monitoring-host.Dockerfile", services.Map(h).Map("build").Text("dockerfile")));
    }

    [Fact]
    public async Task Servers_keep_their_data_in_named_volumes_redis_with_AOF_and_influx_with_its_setup()
    {
        var resolved = Compose.Parse((await Compose.ConfigAsync(".env.example")).StdOut);
        var services = resolved.Map("services");
        var volumes = resolved.Map("volumes").Keys.Cast<string>().ToHashSet();

        // redis-server's own arguments, in the shell command that hands it its password on stdin (Hardening).
        var redis = string.Join(' ', services.Map("redis").List("command"));
        Assert.Contains("exec redis-server - --appendonly yes --appendfsync everysec", redis, StringComparison.Ordinal);
        Assert.Contains(Mounts(services, "redis"), m => m == "redis-data:/data");
        Assert.Contains(Mounts(services, "postgres"), m => m == "postgres-data:/var/lib/postgresql/data");
        Assert.Contains(Mounts(services, "mosquitto"), m => m == "mosquitto-data:/mosquitto/data");
        Assert.Contains(Mounts(services, "mosquitto"), m => m.EndsWith("/deploy/mosquitto:/mosquitto/config", StringComparison.Ordinal));
        Assert.Contains(Mounts(services, "influxdb"), m => m == "influxdb-data:/var/lib/influxdb2");
        Assert.Superset(new HashSet<string> { "redis-data", "postgres-data", "mosquitto-data", "influxdb-data", "influxdb-config" }, volumes);

        var influx = services.Map("influxdb").Map("environment");
        Assert.Equal("setup", influx.Text("DOCKER_INFLUXDB_INIT_MODE"));
        foreach (var key in new[] { "USERNAME", "PASSWORD_FILE", "ORG", "BUCKET", "ADMIN_TOKEN_FILE", "RETENTION" })
        {
            Assert.False(string.IsNullOrEmpty(influx.Text("DOCKER_INFLUXDB_INIT_" + key)), key);
        }

        // The hosts write to the org and bucket InfluxDB created (with their own token: Hardening).
        var host = services.Map("monitoring-1").Map("environment");
        Assert.Equal(influx.Text("DOCKER_INFLUXDB_INIT_ORG"), host.Text("Archive__Org"));
        Assert.Equal(influx.Text("DOCKER_INFLUXDB_INIT_BUCKET"), host.Text("Archive__Bucket"));
    }

    [Fact]
    public void Env_example_defines_every_variable_the_compose_file_uses_and_no_env_file_is_committed()
    {
        var compose = File.ReadAllText(Repository.PathOf("docker-compose.yml"));
        var used = VariableReference().Matches(compose).Select(m => m.Groups[1].Value).ToHashSet();
        var defined = File.ReadAllLines(Repository.PathOf(".env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim())
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(defined));
        Assert.Contains(File.ReadAllLines(Repository.PathOf(".gitignore")), l => l.Trim() == ".env");
        Assert.Contains(File.ReadAllLines(Repository.PathOf("deploy/mosquitto/.gitignore")), l => l.Trim() == "passwd");
    }

    [Theory]
    [InlineData("deploy/docker/monitoring-host.Dockerfile")]
    [InlineData("deploy/docker/simulator.Dockerfile")]
    public void Every_file_a_Dockerfile_copies_from_the_build_context_exists(string dockerfile)
    {
        var copies = File.ReadAllLines(Repository.PathOf(dockerfile))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();

        Assert.NotEmpty(copies);
        Assert.All(copies, source => Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"{dockerfile} copies {source}, which does not exist"));
    }

    private static async Task<Dictionary<object, object>> ResolvedServicesAsync()
    {
        var (exitCode, stdout, stderr) = await Compose.ConfigAsync(".env.example");
        Assert.True(exitCode == 0, stderr);
        return Compose.Parse(stdout).Map("services");
    }

    private static IEnumerable<string> Mounts(Dictionary<object, object> services, string service) =>
        services.Map(service).List("volumes").Cast<string>().Select(v => v.EndsWith(":rw", StringComparison.Ordinal) || v.EndsWith(":ro", StringComparison.Ordinal) ? v[..^3] : v);

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)")]
    private static partial Regex VariableReference();
}
