// Alarm sound for new HIGH alerts: a Web Audio beep pattern (no audio file), and a per-browser mute kept in
// localStorage. Browsers let audio start only after a user gesture: the sign-in click counts for the page
// it leads to (same-origin navigation), and any click on the page resumes a suspended context.
const MUTE_KEY = "monitoring.sound.muted";
let context = null;

function audio() {
  if (!context) {
    const Ctor = window.AudioContext || window.webkitAudioContext;
    if (!Ctor) return null;
    context = new Ctor();
  }
  if (context.state === "suspended") {
    context.resume().catch(() => {});
  }
  return context;
}

document.addEventListener("pointerdown", () => { audio(); }, { capture: true });
document.addEventListener("keydown", () => { audio(); }, { capture: true });

export function isMuted() {
  return localStorage.getItem(MUTE_KEY) === "true";
}

export function setMuted(muted) {
  if (muted) {
    localStorage.setItem(MUTE_KEY, "true");
  } else {
    localStorage.removeItem(MUTE_KEY);
  }
}

// A high-priority pattern in the spirit of IEC 60601-1-8: two bursts of pulses.
export function beep() {
  window.monitoringBeeps = (window.monitoringBeeps || 0) + 1;
  if (isMuted()) return "muted";
  const ctx = audio();
  if (!ctx) return "unavailable";
  const start = ctx.currentTime + 0.02;
  const pulses = [0, 0.25, 0.5, 1.1, 1.35];
  for (const offset of pulses) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "square";
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + offset);
    osc.stop(start + offset + 0.2);
  }
  return ctx.state;
}
