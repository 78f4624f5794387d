using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Outcomes;

/// <summary>Why a use case did not do what it was asked: the kind, the field at fault (the reason's code) and a message for a person.</summary>
public sealed record Rejection(OutcomeKind Kind, string? Field, string Message)
{
    public const string StoreUnavailableMessage = "the clinical store could not be reached: this change is not confirmed; check it and try again";

    public static Rejection Refused(string field, string message) => new(OutcomeKind.Refused, field, message);

    public static Rejection Forbidden(string message, string? field = null) => new(OutcomeKind.Forbidden, field, message);

    public static Rejection NotFound(string message) => new(OutcomeKind.NotFound, null, message);

    public static Rejection Conflict(string message, string? field = null) => new(OutcomeKind.Conflict, field, message);

    public static Rejection StoreUnavailable { get; } = new(OutcomeKind.StoreUnavailable, null, StoreUnavailableMessage);

    /// <summary>A grain's refusal as the application's; null for an accepted result.</summary>
    public static Rejection? From(GrainResult result, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = result.Error ?? $"{result.Kind}".ToLowerInvariant();
        return result.Kind switch
        {
            ResultKind.Accepted => null,
            ResultKind.Refused => new Rejection(OutcomeKind.Refused, result.Field ?? field, message),
            ResultKind.NotFound => new Rejection(OutcomeKind.NotFound, result.Field ?? field, message),
            ResultKind.Conflict => new Rejection(OutcomeKind.Conflict, result.Field ?? field, message),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Kind, "an unknown result kind"),
        };
    }

    /// <summary>"field: message" for a line beside a form (the message alone when it already names the field).</summary>
    public string Describe() =>
        string.IsNullOrEmpty(Field) || Message.StartsWith(Field + ":", StringComparison.Ordinal) ? Message : $"{Field}: {Message}";
}
