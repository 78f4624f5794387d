namespace Monitoring.Bench.Servers;

/// <summary>A real PostgreSQL (Debian's package) in a temporary folder on a free loopback port (as user postgres when run as root).</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-pg-").FullName;
    private readonly string? _runAs = Environment.UserName == "root" ? ServiceUser : null;
    private string _bin = "";

    public int Port { get; } = FreePorts.Next();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=15";

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>The postmaster's pid (its backends are children; only the postmaster is sampled).</summary>
    public int Pid => File.Exists(Path.Combine(DataFolder, "postmaster.pid"))
        ? int.Parse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture)
        : 0;

    public async Task StartAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault() ?? ""
            : "";
        if (_bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql");
        }

        if (_runAs is not null)
        {
            await ProcessRunner.MustAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", _folder]);
        }

        await ProcessRunner.MustAsync(Path.Combine(_bin, "initdb"), ["-D", DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"], _runAs);
        await ProcessRunner.MustAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1", "start"],
            _runAs);
    }

    public async ValueTask DisposeAsync()
    {
        if (_bin.Length > 0 && Directory.Exists(DataFolder))
        {
            try
            {
                await ProcessRunner.MustAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], _runAs);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        BenchFolder.Delete(_folder);
    }
}
