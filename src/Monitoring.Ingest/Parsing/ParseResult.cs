namespace Monitoring.Ingest.Parsing;

/// <summary>What <see cref="PayloadParser"/> made of a message: a validated message, or a refusal with its reason.</summary>
public abstract record ParseResult;
