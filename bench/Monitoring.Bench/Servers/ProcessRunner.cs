using System.Diagnostics;

namespace Monitoring.Bench.Servers;

/// <summary>Runs a command to completion (optionally as another user through runuser), feeding it standard input.</summary>
public static class ProcessRunner
{
    public static async Task<string> MustAsync(string file, IReadOnlyList<string> arguments, string? asUser = null, string? input = null)
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{Path.GetFileName(file)} {string.Join(' ', arguments)}` exited with {process.ExitCode}: {await stdout}{await stderr}");
        }

        return await stdout;
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

    public static async Task StopAsync(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }
}
