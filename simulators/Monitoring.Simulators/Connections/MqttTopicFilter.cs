namespace Monitoring.Simulators.Connections;

/// <summary>MQTT topic filter matching (`+` one level, `#` the rest), for routing on a shared connection.</summary>
internal static class MqttTopicFilter
{
    public static bool Matches(string filter, string topic)
    {
        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }
}
