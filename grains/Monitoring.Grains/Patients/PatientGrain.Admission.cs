using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Grains.Alerts;
using Monitoring.Grains.Logging;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Patients;

/// <summary>Admission, readmission, updates and discharge.</summary>
public sealed partial class PatientGrain
{
    public async Task<GrainResult> Admit(Admission admission, string actor)
    {
        ArgumentNullException.ThrowIfNull(admission);
        var p = _registry.ParametersFor(admission.WardId ?? "");
        if (AdmissionRules.Validate(admission, PatientId, p) is { } invalid)
        {
            return invalid;
        }

        var now = Now;
        var incoming = Normalised(admission);
        if (S.IsAdmitted)
        {
            // Admitting someone already here restates the admission: an update of every field.
            return await ApplyAdmission(incoming, actor, AuditActions.Updated);
        }

        var previousWard = S.Discharged ? null : S.Admission?.WardId;
        string action;
        if (S.Admission is null || S.Clinical is null)
        {
            S.Clinical = FreshState(incoming);
            action = AuditActions.Admitted;
        }
        else
        {
            var continues = S.DischargedAt is { } left && now - left < p.Course.ReadmissionContinuesWithin;
            DropOldAlerts(now, actor);
            if (continues)
            {
                // The same course goes on (24 h dose, titration, an active pause). Nothing that silences an alarm
                // is carried over: comfort care and contraindication overrides need a new decision.
                S.Clinical = S.Clinical with
                {
                    ComfortCare = false,
                    OverriddenContraindications = new Dictionary<string, string>(),
                    Pump = null,
                    Monitor = null,
                    DeviceProblems = [],
                };
                action = AuditActions.Readmitted;
            }
            else
            {
                // A new course needs a new order; the patient's own limits only tighten, so they stay.
                S.Clinical = FreshState(incoming) with { Limits = S.Clinical.Limits };
                action = AuditActions.NewCourse;
            }

            S.Watermarks.Clear();
        }

        var before = S.Admission;
        S.Admission = incoming;
        S.Clinical = WithFacts(S.Clinical, incoming);
        S.AdmittedAt = now;
        S.Discharged = false;
        S.DischargedAt = null;

        var changed = AdmissionRules.Changes(action == AuditActions.Admitted ? null : before, incoming);
        _logger.Admitted(_patientId, action, incoming.WardId, incoming.BedId, actor);
        await Evaluate(static (engine, s, ctx) => engine.Evaluate(s, ctx), transition: true,
            audit: () => Audit(now, actor, action, changed.Count == 0 ? "no field changed" : string.Join("; ", changed)));
        if (previousWard is not null && previousWard != incoming.WardId)
        {
            await Safely(() => GrainFactory.GetGrain<IWardGrain>(previousWard).BedRemoved(PatientId), "tell ward {0} the bed left", previousWard);
        }

        return GrainResult.Ok;
    }

    public async Task<GrainResult> Update(Admission changes, IReadOnlyList<string> changedFields, string actor)
    {
        if (!S.IsAdmitted)
        {
            return GrainResult.NotFound($"patient {PatientId} is not admitted");
        }

        var (merged, error) = AdmissionRules.Merge(S.Admission!, changes, changedFields);
        if (error is not null)
        {
            return error;
        }

        if (AdmissionRules.Validate(merged!, PatientId, _registry.ParametersFor(merged!.WardId ?? "")) is { } invalid)
        {
            return invalid;
        }

        return await ApplyAdmission(Normalised(merged!), actor, AuditActions.Updated);
    }

    public async Task<GrainResult> Discharge(string actor)
    {
        if (!S.IsAdmitted)
        {
            return GrainResult.NotFound($"patient {PatientId} is not admitted");
        }

        var s = S.Clinical!;
        if (s.InfusionGoingIn)
        {
            return GrainResult.Conflict($"pump {s.Pump?.PumpId} is running: stop it before discharge");
        }

        var now = Now;
        var devices = new[] { s.Pump?.PumpId, s.Monitor?.MonitorId }.OfType<string>().ToList();
        var wardId = WardId;

        // Discharged first, so the timer stops and the reminder goes; history (alerts, course) is kept.
        S.Discharged = true;
        S.DischargedAt = now;
        S.Watermarks.Clear();
        await Evaluate((engine, state, ctx) =>
        {
            var result = engine.Evaluate(state, ctx);
            foreach (var deviceId in devices)
            {
                result = engine.ReleaseDevice(result.State, deviceId, ctx);
            }

            return result;
        }, transition: true, audit: () => Audit(now, actor, AuditActions.Discharged, devices.Count == 0 ? "no device associated" : $"released {string.Join(", ", devices)}"));

        foreach (var deviceId in devices)
        {
            await Safely(() => GrainFactory.GetGrain<IDeviceGrain>(deviceId).Release(PatientId, actor), "release device {0}", deviceId);
        }

        await Safely(() => GrainFactory.GetGrain<IWardGrain>(wardId).BedRemoved(PatientId), "tell ward {0} the bed left", wardId);
        _logger.Discharged(_patientId, wardId, actor);
        return GrainResult.Ok;
    }

    private async Task<GrainResult> ApplyAdmission(Admission incoming, string actor, string action)
    {
        var before = S.Admission!;
        var changed = AdmissionRules.Changes(before, incoming);
        if (changed.Count == 0)
        {
            return GrainResult.Ok;
        }

        var now = Now;
        S.Admission = incoming;
        S.Clinical = WithFacts(S.Clinical!, incoming);
        await Evaluate(static (engine, s, ctx) => engine.Evaluate(s, ctx), transition: true, audit: () => Audit(now, actor, action, string.Join("; ", changed)));
        if (before.WardId != incoming.WardId)
        {
            await Safely(() => GrainFactory.GetGrain<IWardGrain>(before.WardId).BedRemoved(PatientId), "tell ward {0} the bed left", before.WardId);
        }

        return GrainResult.Ok;
    }

    /// <summary>
    /// Old alerts never return after a readmission: they leave the book, each one audited (the admission's write that
    /// follows stores the entries).
    /// </summary>
    private void DropOldAlerts(DateTimeOffset now, string actor)
    {
        foreach (var alert in _book.Open)
        {
            Audit(now, actor, AuditActions.AlertDropped, $"{alert.Id} {alert.RuleId} {Contracts.Wire.Name(alert.State)}: {alert.LastValue}");
            S.ReAlarmedAt.Remove(alert.Id);
        }

        _book = _book.Without(_ => true);
        S.OpenAlerts = [];
    }

    private PatientState FreshState(Admission a) => new()
    {
        PatientId = PatientId,
        WardId = a.WardId,
        Prescription = AdmissionRules.PrescriptionOf(a),
    };

    /// <summary>The admission facts laid onto the clinical state; overrides of contraindications no longer recorded lapse.</summary>
    private static PatientState WithFacts(PatientState s, Admission a)
    {
        var contraindications = AdmissionRules.ContraindicationsOf(a);
        return s with
        {
            WardId = a.WardId,
            Prescription = AdmissionRules.PrescriptionOf(a),
            Flags = AdmissionRules.FlagsOf(a),
            Contraindications = contraindications,
            OverriddenContraindications = s.OverriddenContraindications
                .Where(kv => contraindications.Contains(kv.Key))
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            Eligibility = AdmissionRules.EligibilityOf(a),
            BaselinePain = a.BaselinePain,
        };
    }

    /// <summary>Stored in the contract's spellings, whatever case the input used.</summary>
    private static Admission Normalised(Admission a)
    {
        var flags = a.Flags ?? new FlagsDto();
        return a with
        {
            Regimen = Contracts.Wire.Name(AdmissionRules.PrescriptionOf(a).Regimen),
            Contraindications = AdmissionRules.ContraindicationsOf(a),
            Eligibility = a.Eligibility ?? new EligibilityDto(),
            Flags = flags with { BaselineRhythm = AdmissionRules.FlagsOf(a).BaselineRhythm is { } rhythm ? Contracts.Wire.Name(rhythm) : null },
        };
    }
}
