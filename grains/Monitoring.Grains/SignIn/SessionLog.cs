using Microsoft.Extensions.Logging;

namespace Monitoring.Grains.SignIn;

internal static partial class SessionLog
{
    [LoggerMessage(2950, LogLevel.Information, "Session {SessionId} of {User} ended: {Why}")]
    public static partial void SessionEnded(this ILogger logger, string sessionId, string? user, string why);
}
