// Starts Blazor with a short server timeout (a dead server shows the disconnected banner within seconds),
// marks the page "not live" while the circuit is down, reloads once the server is back if the circuit was
// lost, and ticks the ages, stale marks and countdowns the server rendered (no server round trip per second).
(function () {
  "use strict";

  const banner = () => document.getElementById("components-reconnect-modal");
  const downStates = ["show", "retrying", "failed", "rejected", "paused", "resume-failed"];

  function setNotLive(notLive) {
    document.body.classList.toggle("not-live", notLive);
    const b = banner();
    if (b) {
      b.classList.toggle("reconnect-visible", notLive);
    }
  }

  async function reloadWhenServerIsBack() {
    // The circuit is gone (the server restarted): a new page load builds a fresh, resynchronised view.
    for (;;) {
      try {
        const response = await fetch("health/live", { cache: "no-store" });
        if (response.ok) {
          location.reload();
          return;
        }
      } catch {
        // still down
      }
      await new Promise(r => setTimeout(r, 2000));
    }
  }

  document.addEventListener("components-reconnect-state-changed", e => {
    const state = e.detail && e.detail.state;
    if (state === "hide") {
      setNotLive(false);
    } else if (downStates.includes(state)) {
      setNotLive(true);
      if (state === "rejected" || state === "failed") {
        reloadWhenServerIsBack();
      }
    }
  });

  // Also watch the banner's classes: blazor.web.js sets components-reconnect-show etc. on it.
  const observer = new MutationObserver(() => {
    const b = banner();
    if (!b) return;
    const down = downStates.some(s => b.classList.contains("components-reconnect-" + s));
    if (down !== document.body.classList.contains("not-live")) {
      setNotLive(down);
    }
    if (b.classList.contains("components-reconnect-rejected") || b.classList.contains("components-reconnect-failed")) {
      reloadWhenServerIsBack();
    }
  });

  function tick() {
    const now = performance.now();
    document.querySelectorAll("[data-age]").forEach(el => {
      const base = el.getAttribute("data-age");
      if (base === null || base === "") return;
      if (el._ageBase !== base) {
        el._ageBase = base;
        el._ageSeen = now;
      }
      const age = Number(base) + (now - el._ageSeen) / 1000;
      const text = el.querySelector("[data-age-text]");
      if (text) text.textContent = formatAge(age);
      const limit = Number(el.getAttribute("data-stale-after"));
      if (limit > 0) el.classList.toggle("stale", age > limit);
    });
    document.querySelectorAll("[data-remaining]").forEach(el => {
      const base = el.getAttribute("data-remaining");
      if (el._remainingBase !== base) {
        el._remainingBase = base;
        el._remainingSeen = now;
      }
      const remaining = Number(base) - (now - el._remainingSeen) / 1000;
      el.textContent = formatCountdown(remaining);
      el.classList.toggle("overdue", remaining < 0);
    });
  }

  function formatAge(s) {
    s = Math.max(0, s);
    if (s < 60) return Math.floor(s) + " s";
    if (s < 3600) return Math.floor(s / 60) + " min";
    if (s < 172800) return Math.floor(s / 3600) + " h";
    return Math.floor(s / 86400) + " d";
  }

  function formatCountdown(s) {
    const negative = s < 0;
    s = Math.floor(Math.abs(s));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    const two = n => String(n).padStart(2, "0");
    const text = h >= 1 ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
    return negative ? "-" + text : text;
  }

  function start() {
    const b = banner();
    if (b) observer.observe(b, { attributes: true, attributeFilter: ["class"] });
    setInterval(tick, 1000);
    if (window.Blazor && typeof window.Blazor.start === "function") {
      window.Blazor.start({
        circuit: {
          configureSignalR: builder => builder.withServerTimeout(6000).withKeepAliveInterval(2000),
          reconnectionOptions: { maxRetries: 100000, retryIntervalMilliseconds: 2000 }
        }
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
