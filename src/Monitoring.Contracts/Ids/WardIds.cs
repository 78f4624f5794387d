namespace Monitoring.Contracts.Ids;

/// <summary>
/// Ward ids name SignalR groups ("ward:{id}" and "ward:{id}:charge"): only letters, digits, '-', '_' and
/// '.', so no id can name another ward's charge-nurse channel.
/// </summary>
public static class WardIds
{
    public const int MaxLength = 64;

    /// <summary>What a refused ward id is told.</summary>
    public const string Rule = "a ward id holds only letters, digits, '-', '_' and '.'";

    public static bool IsValid(string? wardId) =>
        !string.IsNullOrEmpty(wardId)
        && wardId.Length <= MaxLength
        && wardId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
