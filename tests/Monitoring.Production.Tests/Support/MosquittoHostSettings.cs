using System.Globalization;

namespace Monitoring.Production.Tests.Support;

/// <summary>The settings an operator gives a production host to use a real Mosquitto as the product's user.</summary>
public static class MosquittoHostSettings
{
    /// <param name="clientId">This host's own stable client id: the broker keeps its persistent session under it.</param>
    public static Dictionary<string, string> For(MosquittoBroker broker, string clientId)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return new Dictionary<string, string>
        {
            ["Mqtt:Host"] = "127.0.0.1",
            ["Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Username"] = MosquittoBroker.ProductUser,
            ["Mqtt:Password"] = broker.Passwords[MosquittoBroker.ProductUser],
            ["Mqtt:ClientId"] = clientId,
        };
    }
}
