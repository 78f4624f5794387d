namespace Monitoring.Dashboard.Services;

/// <summary>What a command from the dashboard came to: success, or the field and reason the grain (or the validation) gave.</summary>
public sealed record CommandOutcome(bool Succeeded, string? Field = null, string? Error = null)
{
    public static CommandOutcome Ok { get; } = new(true);

    public static CommandOutcome Forbidden { get; } = new(false, null, "your role may not do this");

    public static CommandOutcome Refused(string? field, string error) => new(false, field, error);

    /// <summary>"field: reason" for a message beside the form.</summary>
    public string Describe() =>
        Succeeded ? "done"
        : string.IsNullOrEmpty(Field) || (Error?.StartsWith(Field + ":", StringComparison.Ordinal) ?? false) ? Error ?? "refused"
        : $"{Field}: {Error}";
}
