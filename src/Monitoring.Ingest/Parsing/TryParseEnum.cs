namespace Monitoring.Ingest.Parsing;

/// <summary>The shape of <c>Wire.TryParse</c>: the contract's spellings, read case-insensitively.</summary>
internal delegate bool TryParseEnum<T>(string? text, out T value)
    where T : struct, Enum;
