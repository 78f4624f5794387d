using System.Text;

namespace Monitoring.Host.Simulation;

/// <summary>The simulators library reports progress to a <see cref="TextWriter"/>: each line becomes a log event.</summary>
internal sealed class LoggerTextWriter(ILogger logger) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        string? complete = null;
        lock (_gate)
        {
            if (value == '\n')
            {
                complete = _line.ToString().TrimEnd('\r');
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }

        if (complete is { Length: > 0 })
        {
            logger.DemoWardSays(complete);
        }
    }

    public override void WriteLine(string? value)
    {
        string complete;
        lock (_gate)
        {
            complete = _line.Append(value).ToString();
            _line.Clear();
        }

        logger.DemoWardSays(complete);
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
