using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Simulators.Scenarios;

/// <summary>
/// Reads one YAML mapping of a scenario file with every error tied to a line; keys not read are
/// reported as unknown (a typo must not silently drop a step's meaning).
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly ScenarioErrors _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, ScenarioErrors errors, string where)
    {
        _node = node;
        _errors = errors;
        Where = where;
    }

    public string Where { get; }

    public long Line => _node.Start.Line;

    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public bool Has(string key) => Find(key) is not null;

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return Find(key);
    }

    public void Error(string message) => _errors.Add(Line, $"{Where}: {message}");

    public void Error(YamlNode node, string message) => _errors.Add(node.Start.Line, $"{Where}: {message}");

    /// <summary>An error on the line where a key is written.</summary>
    public void KeyError(string key, string message)
    {
        var line = _node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var name } && name == key)?.Start.Line ?? Line;
        _errors.Add(line, $"{Where}: {message}");
    }

    public string? String(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Error($"'{key}' is required");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"'{key}' must be a single value");
            return null;
        }

        return scalar.Value;
    }

    public string? OneOf(string key, IReadOnlyList<string> allowed, bool required = false, bool caseSensitive = true)
    {
        var value = String(key, required);
        if (value is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, value, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Error(Node(key)!, $"'{key}: {value}' is not one of {string.Join(", ", allowed)}");
        }

        return match;
    }

    public decimal? Decimal(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(Node(key)!, $"'{key}: {text}' is not a number");
        return null;
    }

    public int? Int(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(Node(key)!, $"'{key}: {text}' is not a whole number");
        return null;
    }

    public bool? Bool(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(Node(key)!, $"'{key}: {text}' is not true or false");
        return null;
    }

    public TimeSpan? Duration(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (DurationParser.TryParse(text, out var value))
        {
            return value;
        }

        Error(Node(key)!, $"'{key}: {text}' is not a duration (examples: 90s, 5m, 1h30m, 00:05:00)");
        return null;
    }

    public YamlMap? Map(string key, string where, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Error($"'{key}' is required");
            }

            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, _errors, where);
        }

        Error(node, $"'{key}' must be a mapping (key: value lines)");
        return null;
    }

    public IReadOnlyList<YamlNode> Sequence(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return [.. sequence.Children];
            case YamlScalarNode { Value: null or "" }:
                return [];
            default:
                Error(node, $"'{key}' must be a list");
                return [];
        }
    }

    /// <summary>Reports every key present but never read.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(name))
            {
                _errors.Add(key.Start.Line, $"{Where}: unknown key '{name}'");
            }
        }
    }

    private YamlNode? Find(string key)
    {
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key)
            {
                return v;
            }
        }

        return null;
    }
}
