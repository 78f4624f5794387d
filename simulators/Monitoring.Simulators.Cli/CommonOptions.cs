using System.CommandLine;
using System.CommandLine.Parsing;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Cli;

/// <summary>Options every command shares: where the host and the broker are, and who signs in.</summary>
internal sealed class CommonOptions
{
    public Option<Uri> HostUrl { get; } = new("--host-url")
    {
        Description = "The product's base URL (REST, the ward hub, /test/clock). Env: MONITORING_URL",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("MONITORING_URL") ?? "http://localhost:5000"),
        CustomParser = ParseUrl,
        Recursive = true,
    };

    public Option<string> MqttHost { get; } = new("--mqtt-host")
    {
        Description = "MQTT broker host (the host's embedded broker by default)",
        DefaultValueFactory = _ => "localhost",
        Recursive = true,
    };

    public Option<int> MqttPort { get; } = new("--mqtt-port")
    {
        Description = "MQTT broker port",
        DefaultValueFactory = _ => 1883,
        Recursive = true,
    };

    public Option<string?> MqttUsername { get; } = new("--mqtt-username")
    {
        Description = "MQTT user (Mosquitto in production; the embedded broker takes loopback clients without one)",
        Recursive = true,
    };

    public Option<string?> MqttPassword { get; } = new("--mqtt-password")
    {
        Description = "MQTT password. Env: MONITORING_MQTT_PASSWORD",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MONITORING_MQTT_PASSWORD"),
        Recursive = true,
    };

    public Option<bool> MqttTls { get; } = new("--mqtt-tls")
    {
        Description = "Connect to the broker over TLS",
        Recursive = true,
    };

    public Option<int> Connections { get; } = new("--connections")
    {
        Description = "MQTT connections the simulated devices are multiplexed over",
        DefaultValueFactory = _ => 2,
        Recursive = true,
    };

    public Option<string> ChargeUser { get; } = new("--charge-user")
    {
        Description = "Charge nurse (ChargeNurse role) who admits, associates and acknowledges",
        DefaultValueFactory = _ => "charge",
        Recursive = true,
    };

    public Option<string?> ChargePassword { get; } = new("--charge-password")
    {
        Description = "Charge nurse's password. Env: MONITORING_CHARGE_PASSWORD",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MONITORING_CHARGE_PASSWORD"),
        Recursive = true,
    };

    public Option<string> NurseUser { get; } = new("--nurse-user")
    {
        Description = "Nurse (Nurse role) who charts over REST",
        DefaultValueFactory = _ => "nurse",
        Recursive = true,
    };

    public Option<string?> NursePassword { get; } = new("--nurse-password")
    {
        Description = "Nurse's password. Env: MONITORING_NURSE_PASSWORD",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MONITORING_NURSE_PASSWORD"),
        Recursive = true,
    };

    public IEnumerable<Option> All => [HostUrl, MqttHost, MqttPort, MqttUsername, MqttPassword, MqttTls, Connections, ChargeUser, ChargePassword, NurseUser, NursePassword];

    public MqttEndpoint Mqtt(ParseResult result) => new()
    {
        Host = result.GetValue(MqttHost)!,
        Port = result.GetValue(MqttPort),
        Username = result.GetValue(MqttUsername),
        Password = result.GetValue(MqttPassword),
        UseTls = result.GetValue(MqttTls),
    };

    public HostCredentials Charge(ParseResult result) => Credentials(result.GetValue(ChargeUser)!, result.GetValue(ChargePassword), "--charge-password or MONITORING_CHARGE_PASSWORD");

    public HostCredentials Nurse(ParseResult result) => Credentials(result.GetValue(NurseUser)!, result.GetValue(NursePassword), "--nurse-password or MONITORING_NURSE_PASSWORD");

    /// <summary>A path next to the tool (its shipped scenarios and profile) when not given.</summary>
    public static string Shipped(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    /// <summary>Durations as scenario files write them: 90s, 5m, 1h30m.</summary>
    public static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DurationParser.TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"'{text}' is not a duration (examples: 90s, 5m, 1h30m)");
        return TimeSpan.Zero;
    }

    private static Uri ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        result.AddError($"'{text}' is not an http(s) URL");
        return new Uri("http://localhost");
    }

    private static HostCredentials Credentials(string user, string? password, string where) =>
        password is { Length: > 0 }
            ? new HostCredentials(user, password)
            : throw new UsageException($"the password of '{user}' is needed: {where} (the demo passwords are in the README)");
}
