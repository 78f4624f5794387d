using Microsoft.Extensions.Logging;
using Monitoring.Application.Access;
using Monitoring.Application.Outcomes;

namespace Monitoring.Application.Handling;

/// <summary>
/// One use case: checks the caller's role (a hidden button or a route policy is not the permission: this is), runs,
/// turns a store failure into <see cref="OutcomeKind.StoreUnavailable"/> and logs the outcome with ids only.
/// </summary>
public abstract class UseCase<TRequest, TResult>
    where TRequest : notnull
{
    private readonly ILogger _logger;

    protected UseCase(UseCaseServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
        _logger = services.Loggers.CreateLogger(GetType());
    }

    protected UseCaseServices Services { get; }

    protected IGrainFactory Grains => Services.Grains;

    /// <summary>What the caller's role must allow.</summary>
    protected abstract Permission Permission { get; }

    /// <summary>The use case in the logs ("admit", "acknowledge").</summary>
    protected abstract string Name { get; }

    /// <summary>The id the request is about (a patient, device, ward or alert), for the logs.</summary>
    protected abstract string SubjectOf(TRequest request);

    public async Task<Outcome<TResult>> Handle(Caller caller, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var subject = Shown(request);
        if (!caller.May(Permission))
        {
            ApplicationLog.Forbidden(_logger, Name, subject, caller.Actor);
            return Rejection.Forbidden("your role may not do this");
        }

        Outcome<TResult> outcome;
        try
        {
            outcome = await Run(caller, request);
        }
        catch (Exception ex) when (Services.Store.IsStoreUnreachable(ex))
        {
            ApplicationLog.StoreUnreachable(_logger, ex, Name, subject, caller.Actor);
            return Rejection.StoreUnavailable;
        }

        if (outcome.Accepted)
        {
            ApplicationLog.Done(_logger, Name, subject, caller.Actor);
        }
        else
        {
            ApplicationLog.Rejected(_logger, Name, subject, caller.Actor, outcome.Kind, outcome.Rejection!.Field, outcome.Rejection.Message);
        }

        return outcome;
    }

    protected abstract Task<Outcome<TResult>> Run(Caller caller, TRequest request);

    /// <summary>A log line shows at most this much of an id a caller sent.</summary>
    private const int MaxSubjectLength = 140;

    private string Shown(TRequest request)
    {
        var subject = SubjectOf(request) ?? "";
        return subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] + "…" : subject;
    }
}
