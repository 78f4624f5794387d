// The sign-in click is the user gesture that lets the ward page sound alarms: start (and keep) an audio
// context here so the browser counts this origin as one the user has interacted with.
(function () {
  "use strict";
  const form = document.getElementById("signin-form");
  if (!form) return;
  form.addEventListener("submit", () => {
    try {
      const Ctor = window.AudioContext || window.webkitAudioContext;
      if (Ctor) {
        const ctx = new Ctor();
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        gain.gain.value = 0.00001;
        osc.connect(gain).connect(ctx.destination);
        osc.start();
        osc.stop(ctx.currentTime + 0.05);
      }
      sessionStorage.setItem("monitoring.sound.unlocked", "true");
    } catch {
      // No audio here: the ward page says so.
    }
  });
})();
