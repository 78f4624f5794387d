namespace Monitoring.Host.Endpoints.Requests;

/// <summary>PUT /api/patients/{id}/order: the prescriber's order as transcribed; dose rates in mg/kg/h.</summary>
public sealed record OrderRequest(string? Prescriber, string? Regimen, decimal? ConcentrationMgPerMl, decimal? StartRateMgPerKgPerHour, decimal? MaxRateMgPerKgPerHour);
