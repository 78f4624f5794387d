using System.Globalization;

namespace Monitoring.LocalServers;

/// <summary>
/// A real PostgreSQL (Debian's postgresql package: ./build.sh test installs it) in a temporary folder on a free
/// loopback port: initdb as user postgres when run as root, pg_ctl start; stopped (immediate) and deleted on dispose.
/// If it cannot start, <see cref="StartAsync"/> throws with the command's output and the server log.
/// </summary>
/// <param name="folderPrefix">Names the temporary folder after its user (e.g. "audit-pg-").</param>
/// <param name="settings">Server settings passed as -c (e.g. "fsync=off" for tests; none for the bench, which measures a durable server).</param>
/// <param name="connectTimeoutSeconds">Npgsql's connection timeout in <see cref="ConnectionString"/>.</param>
public sealed class PostgresServer(string folderPrefix, IReadOnlyList<string> settings, int connectTimeoutSeconds) : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly string? _runAs = Environment.UserName == "root" ? ServiceUser : null;
    private string _folder = "";
    private string _bin = "";

    public int Port { get; } = FreePorts.Next();

    /// <summary>Superuser on the postgres database, in Npgsql syntax as ConnectionStrings:Audit takes it (trust authentication on loopback only).</summary>
    public string ConnectionString => FormattableString.Invariant($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout={connectTimeoutSeconds}");

    /// <summary>The postmaster's pid (its backends are children), or 0 while it is not running.</summary>
    public int Pid => File.Exists(PidFile) ? int.Parse(File.ReadLines(PidFile).First(), CultureInfo.InvariantCulture) : 0;

    private string DataFolder => Path.Combine(_folder, "data");

    private string PidFile => Path.Combine(DataFolder, "postmaster.pid");

    public async Task StartAsync()
    {
        _bin = FindBinaries();
        _folder = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        if (_runAs is not null)
        {
            await MustAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", _folder], asUser: null);
        }

        await MustAsync(Path.Combine(_bin, "initdb"), ["-D", DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"], _runAs);
        string[] options = [$"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_folder} -c listen_addresses=127.0.0.1", .. settings.Select(s => $"-c {s}")];
        await MustAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", string.Join(' ', options), "start"],
            _runAs);
    }

    public async ValueTask DisposeAsync()
    {
        if (_bin.Length > 0 && Directory.Exists(DataFolder))
        {
            // A server that is already down answers non-zero: nothing to do then.
            await ProcessRunner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], _runAs, TimeSpan.FromSeconds(60));
        }

        TempFolder.Delete(_folder);
    }

    private static string FindBinaries()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, "initdb")))
        {
            return fromEnvironment;
        }

        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): ./build.sh test installs it (apt-get install postgresql), or set PG_BIN");
    }

    private async Task MustAsync(string file, IReadOnlyList<string> arguments, string? asUser)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync(file, arguments, asUser, TimeSpan.FromMinutes(2));
        if (exitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
            throw new InvalidOperationException($"PostgreSQL server: `{Path.GetFileName(file)} {string.Join(' ', arguments)}` exited with {exitCode}: {output}\n{serverLog}");
        }
    }
}
