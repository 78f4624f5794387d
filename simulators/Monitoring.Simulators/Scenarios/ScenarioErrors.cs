namespace Monitoring.Simulators.Scenarios;

/// <summary>Errors collected while reading one file, so a run reports all of them at once.</summary>
internal sealed class ScenarioErrors(string file)
{
    private readonly List<ScenarioError> _errors = [];

    public string File { get; } = file;

    public bool Any => _errors.Count > 0;

    public void Add(long line, string message) => _errors.Add(new ScenarioError(File, line, message));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ScenarioLoadException([.. _errors.OrderBy(e => e.Line)]);
        }
    }
}
