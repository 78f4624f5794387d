namespace Monitoring.Host.Options;

/// <summary>The "Api" section: how big a request may be (a refusal is a 413 with its reason).</summary>
public sealed class ApiLimitsOptions
{
    public const string Section = "Api";

    /// <summary>
    /// The largest request body Kestrel reads (Api__MaxRequestBodyBytes). The largest legitimate body, an admission, is a
    /// few kilobytes; 30 MB (Kestrel's default) let one request take hundreds of megabytes of memory.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
