// Atelier web UI: start a run, watch its steps arrive over Server-Sent Events, see the page and its costs.
// Every value from the server (visitor data, model output, errors) is put into the page as text, never as HTML.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const state = { runId: null, source: null, steps: new Map(), order: [], finished: false, timer: null, page: 0, runs: [] };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v; else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  }
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  const fmtInt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en-US"));
  const fmtMs = (ms) => (ms === null || ms === undefined ? "–" : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`);
  function fmtUsd(v) {
    if (v === null || v === undefined) return "price unknown";
    if (v === 0) return "$0";
    if (v < 0.01) return "$" + v.toFixed(6);
    return "$" + v.toFixed(4);
  }
  const fmtTime = (iso) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "");

  // The API token lives in sessionStorage (gone when the tab closes) and goes out as a header.
  // EventSource and the site iframe cannot send headers: POST /api/session turns the header into
  // an HttpOnly, SameSite=Strict cookie that those requests carry (docs/security.md).
  const TOKEN_KEY = "atelier.apiToken";
  function currentToken() {
    return ($("token").value.trim() || sessionStorage.getItem(TOKEN_KEY) || "").trim();
  }
  function authHeaders() {
    const t = currentToken();
    return t ? { Authorization: "Bearer " + t } : {};
  }
  async function useToken(t) {
    if (!t) return;
    sessionStorage.setItem(TOKEN_KEY, t);
    $("token").value = t;
    await fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json", ...authHeaders() }, body: "{}" });
  }
  async function askForToken() {
    const t = window.prompt("This Atelier server requires an API token (ATELIER_API_TOKEN). Enter it:");
    if (t && t.trim()) await useToken(t.trim());
  }

  async function getJson(url) {
    let r = await fetch(url, { headers: { Accept: "application/json", ...authHeaders() } });
    if (r.status === 401) {
      await askForToken();
      r = await fetch(url, { headers: { Accept: "application/json", ...authHeaders() } });
    }
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.json();
  }

  // ---------- start form ----------
  async function loadChoices() {
    try {
      const health = await getJson("/api/health");
      if (health.apiTokenRequired) {
        if (currentToken()) await useToken(currentToken()); else await askForToken();
      }
      const [examples, workflows] = await Promise.all([getJson("/api/examples"), getJson("/api/workflows")]);
      const ex = $("example");
      ex.replaceChildren(el("option", { value: "" }, "— write your own —"));
      examples.forEach((e, i) => ex.append(el("option", { value: String(i) }, e.label)));
      ex.onchange = () => { if (ex.value !== "") $("profile").value = pretty(examples[Number(ex.value)].json); };
      if (examples.length) { ex.value = "0"; ex.onchange(); }
      const wf = $("workflow");
      wf.replaceChildren(...workflows.map((w) => el("option", { value: w.name }, `${w.name} (${w.steps} steps)`)));
      const describe = () => { const w = workflows.find((x) => x.name === wf.value); $("workflow-help").textContent = w ? w.description : ""; };
      wf.onchange = describe;
      describe();
      showHealth(health);
      if (health.apiTokenRequired) $("token").closest("details").open = true;
    } catch (e) {
      showError("Could not reach the Atelier server: " + e.message);
    }
  }
  function showHealth(health) {
    $("health").textContent = `${health.database.toUpperCase()} · ${health.load.running} running, ${health.load.queued} queued`
      + (health.apiTokenRequired ? " · API token required" : "");
  }
  function pretty(json) {
    try { return JSON.stringify(JSON.parse(json), null, 2); } catch { return json; }
  }

  function showError(message, field) {
    const box = $("form-error");
    box.textContent = field ? `${message} (field: ${field})` : message;
    box.hidden = false;
    $("profile").setAttribute("aria-invalid", field && field !== "workflow" && field !== "token" ? "true" : "false");
  }
  function clearError() {
    $("form-error").hidden = true;
    $("profile").setAttribute("aria-invalid", "false");
  }

  async function submit(ev) {
    ev.preventDefault();
    clearError();
    const button = $("start");
    button.disabled = true;
    button.textContent = "Starting…";
    try {
      const text = $("profile").value;
      let profile;
      try { profile = JSON.parse(text); } catch { profile = text; } // the server explains what is wrong with it
      const r = await fetch("/api/sites", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", ...authHeaders() },
        body: JSON.stringify({ profile, workflow: $("workflow").value }),
      });
      const body = await r.json().catch(() => ({}));
      if (r.status !== 202) {
        const wait = r.headers.get("Retry-After");
        showError((body.error || `HTTP ${r.status}`) + (wait ? ` Retry after ${wait} s.` : ""), body.field);
        return;
      }
      openRun(body.id, true);
      refreshRuns();
    } catch (e) {
      showError("Could not start the run: " + e.message);
    } finally {
      button.disabled = false;
      button.textContent = "Generate the page";
    }
  }

  // ---------- a run ----------
  function resetRun(id) {
    if (state.source) state.source.close();
    clearInterval(state.timer);
    Object.assign(state, { runId: id, source: null, steps: new Map(), order: [], finished: false, timer: null, plan: [] });
    $("timeline").replaceChildren();
    $("axis").replaceChildren();
    $("result").hidden = true;
    $("totals").hidden = true;
    $("site-frame").removeAttribute("src");
    markCurrent();
  }

  async function openRun(id, focus) {
    resetRun(id);
    setStatus("queued");
    $("run-title").textContent = "Run " + id;
    $("run-meta").textContent = "Connecting…";
    try {
      const run = await getJson("/api/sites/" + encodeURIComponent(id));
      describeRun(run); // a finished run's recorded events are replayed by the stream below
    } catch (e) {
      $("run-meta").textContent = "Could not load the run: " + e.message;
      return;
    }
    listen(id);
    if (focus) $("run").focus({ preventScroll: false });
  }

  function describeRun(run) {
    $("run-title").textContent = run.visitor ? `${run.visitor} · ${run.workflow}` : run.id;
    $("run-meta").textContent = `${run.industry || ""} · started ${fmtTime(run.createdAt)} · id ${run.id}`;
    setStatus(run.status);
  }

  function setStatus(status) {
    const b = $("run-status");
    b.hidden = false;
    b.className = "badge " + status;
    b.textContent = status;
  }

  function listen(id) {
    const es = new EventSource(`/api/sites/${encodeURIComponent(id)}/events`);
    state.source = es;
    const on = (type, fn) => es.addEventListener(type, (m) => { if (state.runId === id) fn(JSON.parse(m.data)); });
    on("queued", (d) => { state.plan = d.steps || []; state.plan.forEach((s) => ensureStep(s.step, s)); setStatus("queued"); render(); });
    on("started", () => setStatus("running"));
    on("step-started", (d) => {
      const s = ensureStep(d.step, d);
      Object.assign(s, d, { status: "running", seenAt: performance.now() });
      setStatus("running");
      render();
    });
    on("step-finished", (d) => { Object.assign(ensureStep(d.step, d), d); render(); });
    const end = (d) => {
      state.finished = true;
      es.close();
      clearInterval(state.timer);
      render();
      finish(id);
    };
    on("done", end);
    on("failed", end);
    on("interrupted", end);
    es.onerror = () => {
      if (state.finished || state.runId !== id) return;
      $("run-meta").textContent = "Connection to the event stream lost; retrying…";
    };
    state.timer = setInterval(() => { if (!state.finished) render(); }, 250);
  }

  function ensureStep(id, d) {
    if (!state.steps.has(id)) {
      state.steps.set(id, { step: id, persona: d.persona, role: d.role, status: "waiting" });
      state.order.push(id);
    }
    return state.steps.get(id);
  }

  function render() {
    const steps = state.order.map((id) => state.steps.get(id));
    const now = performance.now();
    const endOf = (s) => {
      if (s.durationMs !== undefined && s.status !== "running") return s.startMs + s.durationMs;
      if (s.status === "running") return s.startMs + (now - s.seenAt);
      return 0;
    };
    const total = Math.max(1, ...steps.map(endOf));
    const list = $("timeline");
    for (const s of steps) {
      let row = list.querySelector(`[data-step="${CSS.escape(s.step)}"]`);
      if (!row) {
        row = el("div", { class: "step", role: "listitem", "data-step": s.step },
          el("div", { class: "step-label" }, el("div", { class: "step-name" }, s.step), el("div", { class: "step-persona" }, s.persona || "")),
          el("div", { class: "track" }, el("div", { class: "bar" })),
          el("div", { class: "step-detail" }, "waiting"));
        list.append(row);
      }
      const bar = row.querySelector(".bar");
      bar.className = "bar " + (s.status || "waiting");
      bar.style.backgroundColor = s.status === "ok" || s.status === "running" ? `var(--bar-${colorKey(s.role)})` : "";
      if (s.startMs !== undefined) {
        bar.style.left = (100 * s.startMs / total).toFixed(3) + "%";
        bar.style.width = Math.max(0.6, 100 * (endOf(s) - s.startMs) / total).toFixed(3) + "%";
        bar.hidden = false;
      } else {
        bar.hidden = true;
      }
      bar.title = `${s.step}: ${s.status}`;
      row.querySelector(".step-detail").replaceChildren(...detail(s));
    }
    const axis = $("axis");
    axis.replaceChildren(...(steps.some((s) => s.startMs !== undefined) ? [0, 0.25, 0.5, 0.75, 1].map((f) => el("span", {}, fmtMs(total * f))) : []));
  }

  function colorKey(role) {
    return ["personalizer", "artist", "frontend-developer", "qa", "single-llm"].includes(role) ? role : "other";
  }

  function detail(s) {
    if (s.status === "waiting") return ["waiting for " + (afterOf(s.step) || "a free slot")];
    if (s.status === "running") return [el("strong", {}, "running"), ` on ${s.model} · ${fmtMs(performance.now() - s.seenAt)}`];
    const parts = [el("strong", {}, s.status), ` · ${s.model} · ${fmtInt(s.inputTokens)} in / ${fmtInt(s.outputTokens)} out tokens`
      + (s.tokensEstimated ? " (estimated)" : "") + ` · ${fmtUsd(s.costUsd)} · ${fmtMs(s.durationMs)}`];
    if (s.calls > 1) parts.push(` · ${s.calls} calls`);
    if (s.error) parts.push(el("div", {}, s.error));
    return parts;
  }
  function afterOf(step) {
    const p = (state.plan || []).find((x) => x.step === step);
    return p && p.after && p.after.length ? p.after.join(", ") : "";
  }

  async function finish(id) {
    let run;
    try { run = await getJson("/api/sites/" + encodeURIComponent(id)); } catch (e) { $("run-meta").textContent = e.message; return; }
    if (state.runId !== id) return;
    describeRun(run);
    const report = run.report;
    if (report) {
      for (const s of report.steps) Object.assign(ensureStep(s.id, s), { step: s.id, ...s, calls: (s.calls || []).length });
      render();
    }
    totals(run);
    if (run.status === "interrupted") {
      $("run-meta").textContent += " · interrupted: the server stopped before this run finished";
    } else if (run.error) {
      $("run-meta").textContent += " · " + run.error;
    }
    if (!report) return;
    $("result").hidden = false;
    const frame = $("site-frame");
    // with an API token set the server hands out a keyed link: the sandboxed page's own stylesheet and
    // images load through it (its opaque origin does not send the token cookie)
    const site = (run.links && run.links.site) || `/sites/${encodeURIComponent(id)}/`;
    const hasPage = report.status === "ok" || (report.files || []).includes("index.html");
    const failure = $("site-failure");
    if (!hasPage) {
      // a run that failed before writing its page: say why, rather than frame a page that is not there
      frame.hidden = true;
      frame.removeAttribute("src");
      $("open-site").hidden = true;
      failure.replaceChildren(
        el("h4", {}, report.failedStep ? `No page: the ${report.failedStep} step failed` : "No page: the run failed"),
        el("p", {}, report.error || run.error || "the run ended before its page was written"),
        el("p", { class: "help" }, "What the earlier steps made and cost is kept; resume the run with POST /api/sites/" + id + "/resume."));
      failure.hidden = false;
    } else {
      failure.hidden = true;
      failure.replaceChildren();
      frame.hidden = false;
      $("open-site").hidden = false;
      frame.title = `Generated page for ${run.visitor || "the visitor"}`;
      // a page that did not pass QA is served only as an explicit (still sandboxed) preview
      frame.src = site + (run.status === "done" ? "" : "?preview=1");
      $("open-site").href = site + (run.status === "done" ? "" : "?preview=1");
    }
    costs(run.costs, report);
    quality(report.quality);
    refreshRuns();
  }

  function totals(run) {
    const t = run.report ? run.report.totals : null;
    const items = [
      ["Cost", fmtUsd(run.costUsd)],
      ["Tokens in / out", `${fmtInt(run.inputTokens)} / ${fmtInt(run.outputTokens)}`],
      ["Wall time", t ? fmtMs(t.wallMs) : "–"],
      ["Critical path", t ? fmtMs(t.criticalPathMs) : "–"],
      ["Model steps", t ? String(t.modelSteps) : "–"],
      ["Quality", run.qualityScore === null || run.qualityScore === undefined ? "–" : `${run.qualityScore}/100`],
    ];
    $("totals").replaceChildren(...items.map(([k, v]) => el("div", {}, el("dt", {}, k), el("dd", {}, v))));
    $("totals").hidden = false;
  }

  function costs(c, report) {
    const chart = $("cost-chart");
    chart.replaceChildren();
    if (!c) return;
    const roles = c.perRole;
    const anyCost = roles.some((r) => r.costUsd > 0);
    const value = (r) => (anyCost ? r.costUsd || 0 : r.inputTokens + r.outputTokens);
    const max = Math.max(1e-12, ...roles.map(value));
    const rowH = 36, labelW = 150, width = 360, barW = width - labelW - 8;
    const s = svg("svg", { viewBox: `0 0 ${width} ${roles.length * rowH + 4}`, role: "img",
      "aria-label": anyCost ? "Cost per role in US dollars" : "Tokens per role (the built-in engine costs nothing)" });
    roles.forEach((r, i) => {
      const y = i * rowH + 2;
      const w = Math.max(2, (barW * value(r)) / max);
      s.append(svg("text", { x: 0, y: y + 13, class: "label" }, r.role));
      s.append(svg("text", { x: 0, y: y + 27, class: "value" },
        (anyCost ? fmtUsd(r.costUsd) : `${fmtInt(r.inputTokens + r.outputTokens)} tokens`) + ` · ${r.model}`));
      s.append(svg("rect", { x: labelW, y: y + 6, width: w, height: 18, rx: 4, fill: getComputedStyle(document.documentElement).getPropertyValue(`--bar-${colorKey(r.role)}`).trim() || "#4b5563" }));
    });
    chart.append(s);
    // a resumed run: what earlier sessions paid for (failed, timed out, superseded attempts) is in the bars too
    const earlier = roles.filter((r) => r.earlierAttempts > 0);
    const earlierNote = earlier.length === 0 ? ""
      : " Includes " + earlier.map((r) => `${r.earlierAttempts} earlier attempt${r.earlierAttempts > 1 ? "s" : ""} of ${r.role} (${fmtUsd(r.earlierCostUsd)})`).join(", ")
        + ` from ${report.sessions > 1 ? `${report.sessions - 1} earlier session${report.sessions > 2 ? "s" : ""}` : "an earlier session"}: paid for, not used by the page.`;
    $("cost-note").textContent = (anyCost ? `Tokens ${report.tokenSource}.`
      : `Every role ran on the built-in engine, which costs $0, so the bars show tokens (${report.tokenSource}).`) + earlierNote;
    const b = c.singleLlm;
    const t = report.totals;
    // on the built-in engine (or a replay) the measured cost is $0: show the estimate the CLI prints next to it
    const est = t.estimatedCostUsd !== null && t.estimatedCostUsd !== undefined && t.estimatedCostUsd !== t.costUsd;
    const box = $("baseline");
    box.replaceChildren(
      el("h4", {}, "Same page with single-llm", b.basis === "estimated" ? el("span", { class: "estimate" }, "estimate") : null),
      el("p", {}, `${fmtUsd(b.costUsd)} on ${b.model} · ${fmtInt(b.inputTokens)} in / ${fmtInt(b.outputTokens)} out tokens`),
      el("p", { class: "this-run" }, `This run: ${fmtUsd(t.costUsd)}` + (est ? ` measured, ${fmtUsd(t.estimatedCostUsd)} on the reference models` : "")
        + ` · ${fmtInt(t.inputTokens)} in / ${fmtInt(t.outputTokens)} out tokens`, est ? el("span", { class: "estimate" }, "estimate") : null),
      el("p", { class: "help" }, b.note));
  }

  function quality(q) {
    const box = $("quality");
    box.replaceChildren();
    if (!q) return;
    const failed = q.checks.filter((c) => !c.passed);
    box.append(el("h4", {}, `Quality ${q.score}/100 · ${q.passed ? "passed" : "failed"}`),
      el("p", {}, `${q.checks.length - failed.length} of ${q.checks.length} checks passed`));
    if (failed.length) box.append(el("ul", {}, ...failed.map((c) => el("li", {}, `${c.name}: ${c.details}`))));
  }

  // ---------- past runs ----------
  async function refreshRuns(more) {
    try {
      const page = more ? state.page + 1 : 0;
      const data = await getJson(`/api/runs?page=${page}&size=20`);
      state.page = page;
      state.runs = more ? state.runs.concat(data.runs) : data.runs;
      const list = $("runs");
      list.replaceChildren(...state.runs.map((r) => el("li", {},
        el("button", { type: "button", "data-run": r.id, "aria-current": r.id === state.runId ? "true" : "false" },
          el("span", { class: "who" }, r.visitor || r.id),
          el("span", { class: "badge " + r.status }, r.status),
          el("span", { class: "what" }, `${r.workflow} · ${fmtTime(r.createdAt)} · ${fmtUsd(r.costUsd)}`
            + (r.qualityScore !== null && r.qualityScore !== undefined ? ` · QA ${r.qualityScore}` : ""))))));
      $("more").hidden = state.runs.length >= data.total;
      getJson("/api/health").then(showHealth, () => {});
    } catch (e) {
      $("runs").replaceChildren(el("li", {}, "Could not load past runs: " + e.message));
    }
  }
  function markCurrent() {
    document.querySelectorAll(".runs button").forEach((b) => b.setAttribute("aria-current", b.dataset.run === state.runId ? "true" : "false"));
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("start-form").addEventListener("submit", submit);
    $("token").addEventListener("change", () => useToken($("token").value.trim()));
    $("refresh").addEventListener("click", () => refreshRuns());
    $("more").addEventListener("click", () => refreshRuns(true));
    $("runs").addEventListener("click", (e) => {
      const b = e.target.closest("button[data-run]");
      if (b) openRun(b.dataset.run, true);
    });
    const fromHash = location.hash.match(/^#run=([a-z0-9-]+)$/);
    // runs load after the token prompt, if the server asks for one; after a reload with no run in the
    // address, the latest past run is shown rather than "No run yet"
    loadChoices().then(() => refreshRuns()).then(() => {
      if (fromHash) openRun(fromHash[1]);
      else if (!state.runId && state.runs && state.runs.length) openRun(state.runs[0].id);
    });
  });
})();
