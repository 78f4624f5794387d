using Microsoft.Extensions.Logging;
using Monitoring.Application.Outcomes;

namespace Monitoring.Application.Handling;

/// <summary>The use cases' log lines: the use case, the actor and ids; never a patient's name.</summary>
internal static partial class ApplicationLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "{UseCase} {Subject} by {Actor}: accepted")]
    public static partial void Done(ILogger logger, string useCase, string subject, string actor);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "{UseCase} {Subject} by {Actor}: {Outcome} on {Field}: {Reason}")]
    public static partial void Rejected(ILogger logger, string useCase, string subject, string actor, OutcomeKind outcome, string? field, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "{UseCase} {Subject} by {Actor}: refused, the role may not")]
    public static partial void Forbidden(ILogger logger, string useCase, string subject, string actor);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "{UseCase} {Subject} by {Actor} failed: the clinical store could not be reached")]
    public static partial void StoreUnreachable(ILogger logger, Exception exception, string useCase, string subject, string actor);
}
