namespace Monitoring.Testing;

/// <summary>The body of a pump status (interfaces.md) without its header (schemaVersion, bootId, seq, ts): the devices add theirs.</summary>
public static class PumpStatusFields
{
    public static Dictionary<string, object?> Of(string state, decimal rateMlPerHour, decimal concentrationMgPerMl, string? lastCommandId = null, string? lastCommandResult = null) => new()
    {
        ["state"] = state,
        ["rateMlPerHour"] = rateMlPerHour,
        ["rateStepMlPerHour"] = 0.1m,
        ["concentrationMgPerMl"] = concentrationMgPerMl,
        ["volumeInfusedMl"] = 0m,
        ["drug"] = "ketamine",
        ["alarm"] = null,
        ["lastCommandId"] = lastCommandId,
        ["lastCommandResult"] = lastCommandResult,
    };
}
