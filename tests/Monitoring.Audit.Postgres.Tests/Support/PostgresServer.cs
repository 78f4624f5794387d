using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Monitoring.Audit.Postgres.Tests.Support;

/// <summary>
/// A real PostgreSQL (Debian's postgresql package: ./build.sh test installs it) in a temporary folder on a
/// free loopback port: initdb as user postgres (when the tests run as root), pg_ctl start, stopped and
/// deleted at the end. If it cannot start, every test fails with the reason; nothing is skipped.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string ServiceUser = "postgres";
    private string _folder = "";
    private string _bin = "";
    private string? _runAs;

    public int Port { get; private set; }

    /// <summary>Superuser on the postgres database (trust authentication on loopback only).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=5";

    private string DataFolder => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        _runAs = Environment.UserName == "root" ? ServiceUser : null;
        _folder = Directory.CreateTempSubdirectory("audit-pg-").FullName;
        if (_runAs is not null)
        {
            await MustAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", _folder], asUser: null);
        }

        await MustAsync(Path.Combine(_bin, "initdb"), ["-D", DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"], _runAs);
        Port = FreePort();
        await MustAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
             "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c TimeZone=Europe/Paris", "start"],
            _runAs);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_bin.Length > 0 && Directory.Exists(DataFolder))
        {
            await ProcessRunner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], _runAs, TimeSpan.FromSeconds(60));
        }

        try
        {
            if (_folder.Length > 0)
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task MustAsync(string file, IReadOnlyList<string> arguments, string? asUser)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync(file, arguments, asUser, TimeSpan.FromMinutes(2));
        if (exitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
            throw new InvalidOperationException($"PostgreSQL test server: `{Path.GetFileName(file)} {string.Join(' ', arguments)}` exited with {exitCode}: {output}\n{serverLog}");
        }
    }
}
