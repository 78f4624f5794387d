namespace Monitoring.Testing;

/// <summary>
/// A real <see cref="MosquittoServer"/> with a password file and the contract's ACLs: each pump may publish only its
/// own status and bolus and read only its own cmd; monitors their own vitals; the charting app observations; the
/// product reads devices/# and patients/# and writes cmd and monitoring/#. Persistence is on, so a restart keeps
/// persistent sessions.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string ProductUser = "monitoring";
    public const string ChartingUser = "charting";

    private readonly MosquittoServer _server;

    private MosquittoBroker(MosquittoServer server, IReadOnlyDictionary<string, string> passwords)
    {
        _server = server;
        Passwords = passwords;
    }

    public int Port => _server.Port;

    /// <summary>User name to password (each device's user is its id).</summary>
    public IReadOnlyDictionary<string, string> Passwords { get; }

    public string Log => _server.Log;

    /// <param name="deviceIds">Pumps and monitors that get a user of their own.</param>
    public static async Task<MosquittoBroker> StartAsync(IEnumerable<string> deviceIds)
    {
        var server = new MosquittoServer("mosquitto-");
        try
        {
            var passwords = new[] { ProductUser, ChartingUser }.Concat(deviceIds).Distinct()
                .ToDictionary(user => user, user => $"pw-{user}-{Guid.NewGuid():N}");
            var passwordFile = Path.Combine(server.Folder, "passwords");
            await File.WriteAllTextAsync(passwordFile, "");
            foreach (var (user, password) in passwords)
            {
                await ProcessRunner.MustAsync("mosquitto_passwd", ["-b", passwordFile, user, password]);
            }

            var aclFile = Path.Combine(server.Folder, "acl");
            await File.WriteAllTextAsync(aclFile, $"""
                user {ProductUser}
                topic read devices/#
                topic read patients/#
                topic write devices/pumps/+/cmd
                topic write monitoring/#

                user {ChartingUser}
                topic write patients/+/observations

                pattern write devices/pumps/%u/status
                pattern write devices/pumps/%u/bolus
                pattern read devices/pumps/%u/cmd
                pattern write devices/monitors/%u/vitals
                """);

            await server.StartAsync($"""
                allow_anonymous false
                password_file {passwordFile}
                acl_file {aclFile}
                persistence true
                persistence_location {server.Folder}/
                log_type error
                log_type warning
                log_type notice
                max_queued_messages 100000
                max_inflight_messages 100
                """);
            return new MosquittoBroker(server, passwords);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the broker cleanly (SIGTERM: it writes its persistence file).</summary>
    public Task StopAsync() => _server.StopAsync();

    public async Task RestartAsync()
    {
        await _server.StopAsync();
        await _server.ResumeAsync();
    }

    /// <summary>Starts the broker again after <see cref="StopAsync"/>, on the same port, with its persisted sessions.</summary>
    public Task ResumeAsync() => _server.ResumeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
