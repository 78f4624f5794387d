namespace Monitoring.Host.Simulation;

/// <summary>
/// The "Simulator" section: the demo ward simulated inside the host (interfaces.md, Simulator__Beds). Its
/// patients, regimens and devices come from simulators/ward-profile.yaml; nothing clinical is configured here.
/// </summary>
public sealed class DemoWardOptions
{
    public const string Section = "Simulator";

    /// <summary>Beds simulated (each a patient with a pump and a monitor); 0 turns the simulator off.</summary>
    public int Beds { get; set; } = 12;

    /// <summary>Unset: on in embedded mode only (Storage:Provider=Memory with the embedded broker).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The ward profile; unset: simulators/ward-profile.yaml beside the app.</summary>
    public string? ProfilePath { get; set; }

    /// <summary>
    /// Who admits the demo patients over REST: the demo charge nurse of seeds/users.json, whose password the
    /// README states (demo users exist in embedded mode only).
    /// </summary>
    public string ChargeUsername { get; set; } = "charge";

    public string ChargePassword { get; set; } = "charge-demo";

    /// <summary>MQTT connections the simulated devices share.</summary>
    public int Connections { get; set; } = 1;

    /// <summary>How long to wait for the host to become ready before giving up on the demo ward (logged).</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the simulator logs what it published.</summary>
    public TimeSpan StatusEvery { get; set; } = TimeSpan.FromMinutes(1);

    public string ResolveProfilePath() =>
        string.IsNullOrWhiteSpace(ProfilePath)
            ? Path.Combine(AppContext.BaseDirectory, "simulators", "ward-profile.yaml")
            : Path.GetFullPath(ProfilePath);
}
