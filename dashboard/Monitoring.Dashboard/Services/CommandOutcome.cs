using Monitoring.Application.Outcomes;

namespace Monitoring.Dashboard.Services;

/// <summary>What a command from the dashboard came to: success, or the outcome, field and reason the use case gave.</summary>
public sealed record CommandOutcome(bool Succeeded, string? Field = null, string? Error = null, OutcomeKind Kind = OutcomeKind.Accepted)
{
    public static CommandOutcome Ok { get; } = new(true);

    public static CommandOutcome Refused(string? field, string error) => new(false, field, error, OutcomeKind.Refused);

    public static CommandOutcome From(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new(false, rejection.Field, rejection.Message, rejection.Kind);
    }

    /// <summary>"field: reason" for a message beside the form.</summary>
    public string Describe() =>
        Succeeded ? "done"
        : string.IsNullOrEmpty(Field) || (Error?.StartsWith(Field + ":", StringComparison.Ordinal) ?? false) ? Error ?? "refused"
        : $"{Field}: {Error}";
}
