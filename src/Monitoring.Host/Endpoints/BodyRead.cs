namespace Monitoring.Host.Endpoints;

/// <summary>A request body read: the value, or the 400 problem to answer with.</summary>
public sealed record BodyRead<T>(T? Value, IResult? Error)
    where T : class;
