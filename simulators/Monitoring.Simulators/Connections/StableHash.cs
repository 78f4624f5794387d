namespace Monitoring.Simulators.Connections;

/// <summary>FNV-1a over a string: the same id lands on the same connection in every run (string.GetHashCode does not).</summary>
internal static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
