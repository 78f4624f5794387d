using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;
using Monitoring.Simulators.Ward;

namespace Monitoring.Bench.Phases;

/// <summary>Admits patients and associates their pump and monitor over REST, several at once, as the charge nurse.</summary>
public static class Admissions
{
    public static async Task AdmitAsync(HostApiClient charge, WardProfile profile, Func<WardBed, string> wardOf, IReadOnlyList<WardBed> beds, int concurrency, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var failures = new List<string>();
        await Parallel.ForEachAsync(beds, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (bed, ct) =>
        {
            var patient = new PatientDefinition { Id = bed.PatientId, BedId = bed.BedId, WeightKg = bed.WeightKg, Regimen = bed.RegimenName, ConcentrationMgPerMl = profile.ConcentrationMgPerMl, BaselinePain = bed.BaselinePain };
            var admitted = await charge.PostAsync(HostRoutes.Patients, AdmissionBody.Build(patient, wardOf(bed), new ScenarioIds(""), today), ct);
            var associated = admitted.IsSuccess
                ? await charge.PutAsync(HostRoutes.PatientDevices(bed.PatientId), new { pumpId = bed.PumpId, monitorId = bed.MonitorId }, ct)
                : admitted;
            if (!associated.IsSuccess)
            {
                lock (failures)
                {
                    failures.Add($"{bed.PatientId}: {associated.StatusCode} {associated.Body}");
                }
            }
        });
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{failures.Count} of {beds.Count} admissions failed, e.g. {failures[0]}");
        }
    }
}
