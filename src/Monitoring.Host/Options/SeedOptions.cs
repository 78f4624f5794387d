namespace Monitoring.Host.Options;

/// <summary>The "Seeds" section: the folder holding ketamine-protocol.json, wards/*.json and users.json.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seeds";

    /// <summary>Unset: the "seeds" folder beside the application.</summary>
    public string? Path { get; set; }

    public string ResolvePath() =>
        string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "seeds") : System.IO.Path.GetFullPath(Path);
}
