using Monitoring.Contracts.Ids;
using Monitoring.Ingest.Parsing;

namespace Monitoring.Host.Endpoints;

/// <summary>
/// A patient or device id in the path that no patient or device can have (blank, too long, a '/', '+', '#' or a
/// control character) is a 404 before any grain is asked: Orleans refuses a blank key by throwing, which answered 500.
/// </summary>
public sealed class RouteIdFilter : IEndpointFilter
{
    private static readonly (string RouteValue, string Noun)[] Ids = [("id", "patient"), ("deviceId", "device")];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var (routeValue, noun) in Ids)
        {
            if (context.HttpContext.Request.RouteValues.TryGetValue(routeValue, out var value) && value is string id && !EntityIds.IsValid(id))
            {
                return ValueTask.FromResult<object?>(ApiResults.NotFound($"no {noun} has the id '{JsonReaderMessage.Shorten(id)}'"));
            }
        }

        return next(context);
    }
}
