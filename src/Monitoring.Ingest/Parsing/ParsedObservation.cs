using Monitoring.Contracts.Messages;

namespace Monitoring.Ingest.Parsing;

/// <summary>A charted observation that can be read: on its way to the patient grain.</summary>
public sealed record ParsedObservation(ObservationMessage Message) : ParseResult;
