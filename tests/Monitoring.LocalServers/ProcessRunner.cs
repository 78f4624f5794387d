using System.Diagnostics;

namespace Monitoring.LocalServers;

/// <summary>
/// Runs a command to completion (optionally as another user through runuser, optionally fed standard input), or
/// starts a long-running server and stops it again.
/// </summary>
public static class ProcessRunner
{
    private static readonly TimeSpan MustTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs to completion and returns the exit code and the output (standard output, then error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> arguments, string? asUser, TimeSpan timeout)
    {
        var (exitCode, stdout, stderr) = await RunCapturedAsync(file, arguments, asUser, timeout, input: null);
        return (exitCode, stdout + stderr);
    }

    /// <summary>Runs to completion within two minutes and returns the standard output; a non-zero exit throws with the output.</summary>
    public static async Task<string> MustAsync(string file, IReadOnlyList<string> arguments, string? asUser = null, string? input = null)
    {
        var (exitCode, stdout, stderr) = await RunCapturedAsync(file, arguments, asUser, MustTimeout, input);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"`{Path.GetFileName(file)} {string.Join(' ', arguments)}` exited with {exitCode}: {stdout}{stderr}");
        }

        return stdout;
    }

    /// <summary>Starts a long-running server; its output goes to <paramref name="outputFile"/>, or nowhere (servers that write their own log).</summary>
    public static Process Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, string? outputFile = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = outputFile is null ? null : TextWriter.Synchronized(new StreamWriter(outputFile) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => output?.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => output?.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Kills a server started with <see cref="Start"/> (and its children) and waits for it.</summary>
    public static async Task StopAsync(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCapturedAsync(string file, IReadOnlyList<string> arguments, string? asUser, TimeSpan timeout, string? input)
    {
        var start = asUser is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser", ["-u", asUser, "--", file]);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = input is not null;
        start.UseShellExecute = false;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
