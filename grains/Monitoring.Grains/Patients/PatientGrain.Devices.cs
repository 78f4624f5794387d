using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Grains.Alerts;
using Monitoring.Grains.Logging;
using Monitoring.Grains.Trends;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Patients;

/// <summary>Device messages and device association.</summary>
public sealed partial class PatientGrain
{
    public Task<ApplyOutcome> Apply(DeviceMessage message) => FromIngest(() => ApplyReading(message));

    private async Task<ApplyOutcome> ApplyReading(DeviceMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var meta = message.Meta;
        if (!S.IsAdmitted || !IsAssociated(meta.DeviceId, message))
        {
            // The device grain's association is stale (released, or moved): nothing of this patient's.
            return ApplyOutcome.Unassociated;
        }

        var now = Now;
        var lastSeq = S.Watermarks.Find(w => w.DeviceId == meta.DeviceId && w.Topic == meta.Topic)?.LastSeq;
        var plausibility = new SeqPlausibility(_options.MaxSeqJump, _options.SeqResetClockAdvance, _options.SeqClockTrust);
        var delivery = MessageDeduplicator.Classify(S.Watermarks, meta, _options.DuplicateWindow, _options.EarlierBootIdsKept, plausibility);
        if (delivery == Delivery.Duplicate)
        {
            return ApplyOutcome.Duplicate;
        }

        if (delivery == Delivery.SeqJump)
        {
            // Not applied, so it cannot make every later real reading "late"; the bed says the device misbehaves.
            _dirty = true;
            await RefuseReading(meta.DeviceId, $"{meta.Topic} seq {meta.Seq} is more than {_options.MaxSeqJump} ahead of {lastSeq} in the same bootId; not applied");
            return ApplyOutcome.SeqJumpRefused;
        }

        // A late status or vitals describes a past the patient has moved on from: history only. A bolus is not
        // state but a dose that was given: late or not, it counts towards the delivered dose and the bolus limits.
        if (delivery == Delivery.Late && message is not BolusMessage)
        {
            _dirty = true;
            RecordTrend(message, late: true, now);
            return ApplyOutcome.Late;
        }

        _dirty = true;
        await Evaluate((engine, s, ctx) => message switch
        {
            PumpStatusMessage status => engine.OnPumpStatus(s, status.Reading, ctx),
            BolusMessage bolus => engine.OnBolus(s, bolus.Reading, ctx),
            VitalsMessage vitals => engine.OnVitals(s, vitals.Reading, ctx),
            _ => throw new ArgumentException($"unknown device message {message.GetType().Name}", nameof(message)),
        }, transition: message is BolusMessage);
        RecordTrend(message, late: delivery == Delivery.Late, now);
        if (delivery == Delivery.SeqReset)
        {
            // Applied (the bed shows the latest reading), then reported: the reading itself cleared the device's last problem.
            await RefuseReading(meta.DeviceId, $"{meta.Topic} seq went back from {lastSeq} to {meta.Seq} without a new bootId; applied as a restart");
            return ApplyOutcome.AppliedAfterSeqReset;
        }

        return delivery == Delivery.Late ? ApplyOutcome.Late : ApplyOutcome.Applied;
    }

    public Task RefuseDeviceData(string deviceId, string reason) => FromIngest(() => RefuseReading(deviceId, reason));

    private async Task<bool> RefuseReading(string deviceId, string reason)
    {
        var s = S.Clinical;
        if (!S.IsAdmitted || s is null || (s.Pump?.PumpId != deviceId && s.Monitor?.MonitorId != deviceId))
        {
            return false;
        }

        await Evaluate((engine, state, ctx) => engine.OnDeviceDataRefused(state, deviceId, reason, ctx), transition: true);
        return true;
    }

    public async Task<GrainResult> AttachDevice(string deviceId, DeviceType type, string actor)
    {
        if (!S.IsAdmitted)
        {
            return S.Discharged
                ? GrainResult.Conflict($"patient {PatientId} is discharged")
                : GrainResult.NotFound($"patient {PatientId} is not admitted");
        }

        var s = S.Clinical!;
        var current = type == DeviceType.Pump ? s.Pump?.PumpId : s.Monitor?.MonitorId;
        if (current == deviceId)
        {
            return GrainResult.Ok;
        }

        var now = Now;
        var typeName = Contracts.Wire.Name(type);
        await Evaluate((engine, state, ctx) => type == DeviceType.Pump
            ? engine.AssociatePump(state, deviceId, ctx)
            : engine.AssociateMonitor(state, deviceId, ctx), transition: true, audit: () =>
            {
                Audit(now, actor, AuditActions.DeviceAttached, current is null ? $"{typeName} {deviceId}" : $"{typeName} {deviceId}, replacing {current}");
                if (current is not null)
                {
                    Audit(now, actor, AuditActions.DeviceReleased, $"{typeName} {current}, replaced by {deviceId}");
                }
            });
        if (current is not null)
        {
            S.Watermarks.RemoveAll(w => w.DeviceId == current);
        }

        _logger.DeviceAttached(_patientId, typeName, deviceId, current, actor);
        if (current is not null)
        {
            // The replaced device is released through its own grain; never the grain that called us.
            await Safely(() => GrainFactory.GetGrain<IDeviceGrain>(current).Release(PatientId, actor), "release replaced device {0}", current);
        }

        return GrainResult.Ok;
    }

    public async Task<GrainResult> DetachDevice(string deviceId, string actor)
    {
        var s = S.Clinical;
        if (!S.IsAdmitted || s is null)
        {
            return GrainResult.NotFound($"patient {PatientId} is not admitted");
        }

        if (s.Pump?.PumpId != deviceId && s.Monitor?.MonitorId != deviceId)
        {
            return GrainResult.NotFound($"device {deviceId} is not associated with patient {PatientId}");
        }

        var now = Now;
        await Evaluate((engine, state, ctx) => engine.ReleaseDevice(state, deviceId, ctx), transition: true,
            audit: () => Audit(now, actor, AuditActions.DeviceReleased, deviceId));
        S.Watermarks.RemoveAll(w => w.DeviceId == deviceId);
        await Safely(() => GrainFactory.GetGrain<IDeviceGrain>(deviceId).Release(PatientId, actor), "release device {0}", deviceId);
        return GrainResult.Ok;
    }

    /// <summary>The message's device, and the device its reading names, are this patient's pump or monitor.</summary>
    private bool IsAssociated(string deviceId, DeviceMessage message) => message switch
    {
        PumpStatusMessage m => S.Clinical?.Pump?.PumpId == deviceId && m.Reading.PumpId == deviceId,
        BolusMessage m => S.Clinical?.Pump?.PumpId == deviceId && m.Reading.PumpId == deviceId,
        VitalsMessage m => S.Clinical?.Monitor?.MonitorId == deviceId && m.Reading.MonitorId == deviceId,
        _ => false,
    };

    /// <summary>
    /// The charts' history. An applied reading is charted at its receipt time; a late one (never applied) at
    /// the device's own time, which is the best word on when it was measured.
    /// </summary>
    private void RecordTrend(DeviceMessage message, bool late, DateTimeOffset now)
    {
        var at = late ? (message.Meta.DeviceTs > now ? now : message.Meta.DeviceTs) : now;
        switch (message)
        {
            case PumpStatusMessage { Reading: var r }:
                var s = S.Clinical!;
                var concentration = s.CheckingConcentrationMgPerMl;
                if (r.State != PumpState.Bolus && concentration is { } c && s.Prescription.WeightKg is { } w)
                {
                    var rate = r.State == PumpState.Running ? r.RateMlPerHour : 0m;
                    _trends.Add(TrendHistory.DoseRate, at, DoseRateCalculator.DoseRateMgPerKgPerHour(rate, c, w), now);
                }

                break;
            case VitalsMessage { Reading: var v }:
                _trends.Add(TrendHistory.Spo2, at, v.Spo2, now);
                _trends.Add(TrendHistory.RespRate, at, v.RespRate, now);
                _trends.Add(TrendHistory.HeartRate, at, v.HeartRate, now);
                _trends.Add(TrendHistory.Systolic, at, v.Systolic, now);
                break;
        }
    }
}
