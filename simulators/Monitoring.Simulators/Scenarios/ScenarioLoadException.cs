namespace Monitoring.Simulators.Scenarios;

/// <summary>A scenario file that cannot be played; every error names the file and line.</summary>
public sealed class ScenarioLoadException : Exception
{
    public ScenarioLoadException()
    {
    }

    public ScenarioLoadException(string message)
        : base(message)
    {
    }

    public ScenarioLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScenarioLoadException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors ?? []))
    {
        Errors = errors ?? [];
    }

    public IReadOnlyList<ScenarioError> Errors { get; } = [];
}
