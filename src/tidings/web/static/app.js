/* tidings dashboard: plain JS and hand-written SVG, no build step, no network beyond the
   tidings API. In a static report (window.TIDINGS_REPORT) the same code reads embedded data. */
"use strict";

const REPORT = window.TIDINGS_REPORT || null;
const SVGNS = "http://www.w3.org/2000/svg";
const FILTER_KEYS = ["actor", "country", "dyad", "root", "code", "quad_class", "since", "until", "q", "location"];
const QUAD_COLOURS = ["", "var(--q1)", "var(--q2)", "var(--q3)", "var(--q4)"];
const PAGE_SIZE = 25;
const state = { filters: {}, interval: "day", drill: null, drillLabel: "", page: 1, world: null, selected: null };

/* ---------- data ---------- */

function clean(params) {
  const out = {};
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") out[k] = v;
  return out;
}

async function api(path, params = {}) {
  if (REPORT) return reportApi(path, clean(params));
  const query = new URLSearchParams(clean(params)).toString();
  const response = await fetch(path + (query ? "?" + query : ""));
  const body = await response.json();
  if (!body.ok) throw new Error(body.error + " (" + body.code + ")");
  return body;
}

function addDays(iso, n) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function periodEnd(period, interval) {
  if (interval === "week") return addDays(period, 6);
  if (interval === "month") {
    const d = new Date(period + "T00:00:00Z");
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  }
  return period;
}

/* A report holds the answers for its own filters; drill-downs filter its events here. */
function matchesEvent(e, p) {
  const node = (side) => e[side + "_code"] || e[side + "_country"];
  const up = (s) => (s || "").toUpperCase();
  if (p.since && e.event_date < p.since) return false;
  if (p.until && e.event_date > p.until) return false;
  if (p.source && up(node("source")) !== up(p.source)) return false;
  if (p.target && up(node("target")) !== up(p.target)) return false;
  if (p.quad_class && String(e.quad_class) !== String(p.quad_class)) return false;
  if (p.country && up(e.source_country) !== up(p.country) && up(e.target_country) !== up(p.country)) return false;
  if (p.dyad) {
    const [a, b] = up(p.dyad).split("-");
    const s = up(e.source_country), t = up(e.target_country);
    if (!((s === a && t === b) || (s === b && t === a))) return false;
  }
  if (p.location && (e.location_name || "").toLowerCase() !== p.location.toLowerCase()
      && up(e.location_country) !== up(p.location)) return false;
  if (p.actor) {
    const needle = p.actor.toLowerCase();
    const hay = [e.source_name, e.source_code, e.target_name, e.target_code].join(" ").toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

function reportApi(path, p) {
  const R = REPORT;
  if (path === "/api/events") {
    const all = R.events.filter((e) => matchesEvent(e, p));
    const page = Number(p.page || 1), size = Number(p.page_size || PAGE_SIZE);
    return { ok: true, total: all.length, page, page_size: size, pages: Math.ceil(all.length / size),
             items: all.slice((page - 1) * size, page * size) };
  }
  if (path.startsWith("/api/events/")) {
    const id = decodeURIComponent(path.slice("/api/events/".length));
    const event = R.events.find((e) => e.event_id === id);
    const article = R.articles[event.article_id];
    const quotes = article.quotes.map((q) => Object.assign({}, q, {
      linked: (q.quote_id && q.quote_id === event.quote_id) || (q.event_ids || []).includes(id) }));
    return { ok: true, event, article, quotes };
  }
  const key = path.replace("/api/", "");
  if (key === "top-dyad") return { ok: true, dyad: R.top_dyad };
  return R[key];
}

/* ---------- URL and filters ---------- */

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.filters = {};
  for (const k of FILTER_KEYS) if (params.get(k)) state.filters[k] = params.get(k);
  state.interval = params.get("interval") || "day";
}

function writeUrl() {
  const params = new URLSearchParams(clean(state.filters));
  if (state.interval !== "day") params.set("interval", state.interval);
  const query = params.toString();
  history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
}

function fillForm() {
  const form = document.getElementById("filters");
  for (const k of FILTER_KEYS) form.elements[k].value = state.filters[k] || "";
  form.elements.interval.value = state.interval;
}

function readForm() {
  const form = document.getElementById("filters");
  state.filters = {};
  for (const k of FILTER_KEYS) {
    const v = form.elements[k].value.trim();
    if (v) state.filters[k] = (k === "country" || k === "dyad") ? v.toUpperCase() : v;
  }
  state.interval = form.elements.interval.value;
}

/* ---------- SVG helpers ---------- */

function el(name, attrs = {}, parent = null, text = null) {
  const node = document.createElementNS(SVGNS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function tip(node, text) { el("title", {}, node, text); return node; }

function clear(svg) { while (svg.firstChild) svg.removeChild(svg.firstChild); }

function empty(svg, message) {
  const box = svg.viewBox.baseVal;
  el("text", { x: box.width / 2, y: box.height / 2, "text-anchor": "middle", class: "empty" }, svg, message);
}

function goldsteinColour(g) {
  if (g === null || g === undefined) return "#999";
  const t = Math.max(-1, Math.min(1, g / 6));
  return t >= 0 ? `rgb(${Math.round(200 - 173 * t)},${Math.round(200 - 80 * t)},${Math.round(200 - 145 * t)})`
                : `rgb(${Math.round(200 - 22 * -t)},${Math.round(200 - 176 * -t)},${Math.round(200 - 157 * -t)})`;
}

function signature(svg, data) { svg.closest(".view").dataset.signature = JSON.stringify(data); }

/* ---------- views ---------- */

function drawTimeline(data) {
  const svg = document.getElementById("timeline");
  clear(svg);
  const buckets = data.buckets;
  signature(svg, buckets.map((b) => [b.period, b.events]));
  if (!buckets.length) return empty(svg, "No events match the filters.");
  const W = 900, H = 220, left = 32, bottom = 24, top = 8;
  const max = Math.max(...buckets.map((b) => b.events));
  const step = (W - left - 4) / buckets.length, bar = Math.max(1, step * 0.8);
  const y = (v) => H - bottom - (v / max) * (H - bottom - top);
  el("line", { x1: left, x2: W, y1: H - bottom, y2: H - bottom, stroke: "#999" }, svg);
  el("text", { x: left - 4, y: top + 8, "text-anchor": "end" }, svg, String(max));
  buckets.forEach((b, i) => {
    let base = 0;
    const g = el("g", { class: "clickable bar", "data-period": b.period }, svg);
    for (const q of [1, 2, 3, 4]) {
      const n = b["q" + q];
      if (!n) continue;
      el("rect", { x: left + i * step, y: y(base + n), width: bar, height: y(base) - y(base + n),
                   fill: QUAD_COLOURS[q] }, g);
      base += n;
    }
    const end = periodEnd(b.period, data.interval);
    tip(g, `${b.period}${end !== b.period ? " to " + end : ""}: ${b.events} events ` +
           `(coop. ${b.q1 + b.q2}, conflict ${b.q3 + b.q4}), Goldstein sum ${b.goldstein_sum}`);
    g.addEventListener("click", () => drill({ since: b.period, until: end }, `events of ${b.period}` +
                                            (end !== b.period ? ` to ${end}` : "")));
  });
  const labels = [0, Math.floor(buckets.length / 2), buckets.length - 1];
  for (const i of new Set(labels)) {
    const anchor = i === buckets.length - 1 && i > 0 ? "end" : "start";
    el("text", { x: left + i * step + (anchor === "end" ? bar : 0), y: H - 8, "text-anchor": anchor }, svg, buckets[i].period);
  }
}

function drawTrend(data) {
  const svg = document.getElementById("trend");
  clear(svg);
  document.getElementById("trend-subject").textContent =
    data.subject ? `${data.subject}: daily/weekly Goldstein sum (green cooperation, red conflict)` : "";
  const points = data.points || [];
  signature(svg, [data.subject, points.map((p) => [p.period, p.goldstein_sum])]);
  if (!points.length) return empty(svg, data.subject ? "No events for " + data.subject : "No dyad under these filters.");
  const W = 900, H = 220, left = 40, top = 10, bottom = 24;
  const maxAbs = Math.max(1, ...points.map((p) => Math.abs(p.goldstein_sum)));
  const mid = top + (H - top - bottom) / 2, half = (H - top - bottom) / 2;
  const step = (W - left - 4) / points.length, bar = Math.max(1, step * 0.7);
  el("line", { x1: left, x2: W, y1: mid, y2: mid, stroke: "#999" }, svg);
  el("text", { x: left - 4, y: top + 8, "text-anchor": "end" }, svg, "+" + maxAbs.toFixed(0));
  el("text", { x: left - 4, y: H - bottom, "text-anchor": "end" }, svg, "-" + maxAbs.toFixed(0));
  const line = [];
  points.forEach((p, i) => {
    const h = (Math.abs(p.goldstein_sum) / maxAbs) * half;
    const x = left + i * step;
    const r = el("rect", { x, y: p.goldstein_sum >= 0 ? mid - h : mid, width: bar, height: Math.max(h, 1),
                           fill: p.goldstein_sum >= 0 ? "var(--q2)" : "var(--q4)",
                           class: "clickable point", "data-period": p.period }, svg);
    const end = periodEnd(p.period, data.interval);
    tip(r, `${data.subject} ${p.period}${end !== p.period ? " to " + end : ""}: Goldstein sum ${p.goldstein_sum}, ` +
           `${p.events} events (${p.cooperation} cooperation, ${p.conflict} conflict)`);
    const subject = data.subject.includes("-") ? { dyad: data.subject } : { country: data.subject };
    r.addEventListener("click", () => drill(Object.assign({ since: p.period, until: end }, subject),
                                            `${data.subject}, ${p.period}` + (end !== p.period ? ` to ${end}` : "")));
    line.push(`${x + bar / 2},${mid - (p.events / Math.max(...points.map((q) => q.events))) * half}`);
  });
  el("polyline", { points: line.join(" "), fill: "none", stroke: "#20303f", "stroke-width": 1, "stroke-dasharray": "3 2" }, svg);
  el("text", { x: left + 4, y: top + 8 }, svg, "bars: Goldstein sum · dashed: event count");
  el("text", { x: left, y: H - 8 }, svg, points[0].period);
  el("text", { x: W - 4, y: H - 8, "text-anchor": "end" }, svg, points[points.length - 1].period);
}

function drawNetwork(data) {
  const svg = document.getElementById("network");
  clear(svg);
  signature(svg, data.edges.map((e) => [e.source, e.target, e.events]));
  if (!data.edges.length) return empty(svg, "No actor pairs match the filters.");
  const W = 520, H = 440, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
  const nodes = data.nodes.slice(0, 36);
  const pos = {};
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos[n.id] = [cx + R * Math.cos(a), cy + R * Math.sin(a), a];
  });
  const maxW = Math.max(...data.edges.map((e) => e.events));
  for (const e of data.edges) {
    const s = pos[e.source], t = pos[e.target];
    if (!s || !t) continue;
    const width = 1 + 5 * Math.sqrt(e.events / maxW);
    let d;
    if (e.source === e.target) {
      d = `M${s[0]},${s[1]} c${30 * Math.cos(s[2] - 0.5)},${30 * Math.sin(s[2] - 0.5)} ` +
          `${30 * Math.cos(s[2] + 0.5)},${30 * Math.sin(s[2] + 0.5)} 0,0`;
    } else {  // bend each direction to its own side, so A→B and B→A are both visible
      const mx = (s[0] + t[0]) / 2 + (t[1] - s[1]) * 0.15, my = (s[1] + t[1]) / 2 - (t[0] - s[0]) * 0.15;
      d = `M${s[0]},${s[1]} Q${mx},${my} ${t[0]},${t[1]}`;
    }
    const path = el("path", { d, fill: "none", stroke: goldsteinColour(e.goldstein_mean), "stroke-width": width,
                              class: "clickable edge", "data-source": e.source, "data-target": e.target }, svg);
    tip(path, `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein_mean}`);
    path.addEventListener("click", () => drill({ source: e.source, target: e.target }, `${e.source} → ${e.target}`));
  }
  const maxN = Math.max(...nodes.map((n) => n.events));
  for (const n of nodes) {
    const [x, y, a] = pos[n.id];
    const g = el("g", { class: "clickable node", "data-node": n.id }, svg);
    el("circle", { cx: x, cy: y, r: 4 + 8 * Math.sqrt(n.events / maxN), fill: "#20303f" }, g);
    el("text", { x: x + 18 * Math.cos(a), y: y + 18 * Math.sin(a) + 3,
                 "text-anchor": Math.cos(a) > 0.2 ? "start" : Math.cos(a) < -0.2 ? "end" : "middle" }, g, n.id);
    tip(g, `${n.id}: ${n.events} events in these edges`);
    g.addEventListener("click", () => drill({ actor: n.id }, `events of ${n.id}`));
  }
}

const MAP = { W: 720, H: 380, north: 84, south: -58 };
function project(lon, lat) {
  return [((lon + 180) / 360) * MAP.W, ((MAP.north - lat) / (MAP.north - MAP.south)) * MAP.H];
}

/* Rings that cross the antimeridian are unwrapped (longitudes made continuous) and drawn
   again shifted by 360 degrees; the viewBox clips what falls outside. */
function worldPath(feature) {
  let d = "";
  for (const polygon of feature.geometry.coordinates) {
    for (const ring of polygon) {
      const lons = [];
      ring.forEach(([lon], i) => {
        let x = lon;
        if (i) { while (x - lons[i - 1] > 180) x -= 360; while (x - lons[i - 1] < -180) x += 360; }
        lons.push(x);
      });
      const shifts = [0];
      if (Math.max(...lons) > 180) shifts.push(-360);
      if (Math.min(...lons) < -180) shifts.push(360);
      for (const shift of shifts) {
        ring.forEach(([, lat], i) => {
          const [x, y] = project(lons[i] + shift, Math.max(MAP.south, Math.min(MAP.north, lat)));
          d += (i ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
        });
        d += "Z";
      }
    }
  }
  return d;
}

function drawMap(data) {
  const svg = document.getElementById("map");
  clear(svg);
  signature(svg, data.points.map((p) => [p.name, p.events]));
  if (state.world) {
    const g = el("g", {}, svg);
    for (const f of state.world.features.filter((f) => f.properties.name !== "Antarctica")) tip(el("path", { d: worldPath(f), class: "land" }, g), f.properties.name || "");
  }
  if (!data.points.length) return empty(svg, "No located events match the filters.");
  const max = Math.max(...data.points.map((p) => p.events));
  for (const p of [...data.points].reverse()) {
    const [x, y] = project(p.lon, p.lat);
    const c = el("circle", { cx: x, cy: y, r: 3 + 9 * Math.sqrt(p.events / max), fill: goldsteinColour(p.goldstein_mean),
                             stroke: "#333", "stroke-width": 0.6, "fill-opacity": 0.85,
                             class: "clickable marker", "data-place": p.name }, svg);
    tip(c, `${p.name} (${p.country}): ${p.events} events, mean Goldstein ${p.goldstein_mean}, ${p.first_date} to ${p.last_date}`);
    c.addEventListener("click", () => drill({ location: p.name }, `events at ${p.name}`));
  }
}

/* ---------- events table and evidence ---------- */

function text(node, value) { node.textContent = value === null || value === undefined ? "" : String(value); return node; }

function cell(row, value, cls) { const td = document.createElement("td"); if (cls) td.className = cls; text(td, value); row.appendChild(td); }

function actorLabel(e, side) {
  const name = e[side + "_name"], code = e[side + "_code"];
  return name ? (code ? `${name} (${code})` : name) : (code || "");
}

async function loadEvents() {
  const params = Object.assign({}, state.filters, state.drill || {}, { page: state.page, page_size: PAGE_SIZE });
  const data = await api("/api/events", params);
  const body = document.querySelector("#events tbody");
  body.innerHTML = "";
  for (const e of data.items) {
    const tr = document.createElement("tr");
    tr.dataset.event = e.event_id;
    if (e.event_id === state.selected) tr.className = "selected";
    cell(tr, e.event_date);
    cell(tr, actorLabel(e, "source"));
    cell(tr, e.cameo);
    cell(tr, actorLabel(e, "target"));
    cell(tr, e.location_name);
    cell(tr, e.evidence, "ev");
    tr.addEventListener("click", () => openEvent(e.event_id));
    body.appendChild(tr);
  }
  document.getElementById("view-events").dataset.signature = JSON.stringify([data.total, data.items.map((e) => e.event_id)]);
  text(document.getElementById("events-count"), `${data.total} matching`);
  text(document.getElementById("pageinfo"), `page ${data.page} of ${Math.max(1, data.pages)}`);
  document.getElementById("prev").disabled = data.page <= 1;
  document.getElementById("next").disabled = data.page >= data.pages;
  const box = document.getElementById("drill");
  box.hidden = !state.drill;
  text(document.getElementById("drill-text"), state.drill ? "Showing " + state.drillLabel : "");
}

function drill(params, label) {
  state.drill = params;
  state.drillLabel = label;
  state.page = 1;
  loadEvents().then(() => document.getElementById("view-events").scrollIntoView({ block: "start" })).catch(showError);
}

function highlighted(container, article, start, end) {
  container.innerHTML = "";
  const t = article.text || "";
  const s = Math.max(0, Math.min(start ?? 0, t.length)), e = Math.max(s, Math.min(end ?? s, t.length));
  container.appendChild(document.createTextNode(t.slice(0, s)));
  const mark = document.createElement("mark");
  mark.className = "evidence";
  mark.textContent = t.slice(s, e);
  container.appendChild(mark);
  container.appendChild(document.createTextNode(t.slice(e)));
  return mark;
}

async function openEvent(id) {
  const data = await api("/api/events/" + encodeURIComponent(id));
  const e = data.event, a = data.article;
  state.selected = id;
  document.querySelectorAll("#events tbody tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.event === id));
  const panel = document.getElementById("detail");
  panel.hidden = false;
  panel.dataset.event = id;
  text(document.getElementById("detail-title"), `${a.title || a.article_id} — ${a.article_date}${a.source ? " · " + a.source : ""}`);
  const meta = document.getElementById("detail-meta");
  meta.innerHTML = "";
  const rows = [["event", `${e.cameo} (root ${e.root}, quad ${e.quad_class}, Goldstein ${e.goldstein})`],
                ["source", actorLabel(e, "source") + (e.source_text ? ` — “${e.source_text}”` : "")],
                ["target", actorLabel(e, "target") + (e.target_text ? ` — “${e.target_text}”` : "")],
                ["date", `${e.event_date} (${e.date_precision}${e.date_text ? ", from “" + e.date_text + "”" : ""})`],
                ["place", e.location_name ? `${e.location_name} (${e.location_country})` : "—"],
                ["rule", `${e.rule || ""}${e.verb ? " · verb " + e.verb : ""} · confidence ${e.confidence}`],
                ["evidence", `characters ${e.start_char}–${e.end_char} of article ${a.article_id}`]];
  if (e.threatened) rows.splice(1, 0, ["threatened", e.threatened]);
  for (const [k, v] of rows) { meta.appendChild(text(document.createElement("dt"), k)); meta.appendChild(text(document.createElement("dd"), v)); }
  if (a.url) {
    const link = document.createElement("a");
    link.href = a.url; link.textContent = a.url; link.rel = "noreferrer"; link.target = "_blank";
    meta.appendChild(text(document.createElement("dt"), "url")); const dd = document.createElement("dd"); dd.appendChild(link); meta.appendChild(dd);
  }
  const mark = highlighted(document.getElementById("article-text"), a, e.start_char, e.end_char);
  const list = document.getElementById("quotes");
  list.innerHTML = "";
  for (const q of data.quotes) {
    const li = document.createElement("li");
    if (q.linked) li.className = "linked";
    const who = document.createElement("strong");
    text(who, (q.speaker_name || q.speaker || "?") + (q.speaker_code ? ` (${q.speaker_code})` : "") + ": ");
    li.appendChild(who);
    li.appendChild(document.createTextNode(`${q.kind === "direct" ? "“" + q.text + "”" : q.text}`));
    list.appendChild(li);
  }
  if (!data.quotes.length) list.appendChild(text(document.createElement("li"), "No quotes in this article."));
  panel.scrollIntoView({ block: "start" });
  mark.scrollIntoView({ block: "center" });
}

/* ---------- wiring ---------- */

function showError(err) {
  const box = document.getElementById("error");
  box.hidden = false;
  box.textContent = String(err.message || err);
}

async function trendData() {
  let subject = state.filters.dyad || state.filters.country;
  if (!subject) {
    const top = await api("/api/top-dyad", state.filters);
    subject = top.dyad;
  }
  if (!subject) return { subject: null, points: [], interval: "day" };
  if (REPORT) return REPORT.trend;
  const interval = state.interval === "month" ? "week" : state.interval;
  const params = Object.assign({}, state.filters, { interval });
  if (!state.filters.dyad && !state.filters.country) params[subject.includes("-") ? "dyad" : "country"] = subject;
  return api("/api/trend", params);
}

async function refresh() {
  document.getElementById("error").hidden = true;
  const f = Object.assign({}, state.filters);
  try {
    const [timeline, trend, network, map] = await Promise.all([
      api("/api/timeline", Object.assign({}, f, { interval: state.interval })), trendData(),
      api("/api/network", f), api("/api/map", f)]);
    drawTimeline(timeline); drawTrend(trend); drawNetwork(network); drawMap(map);
    await loadEvents();
    if (!REPORT) {
      const s = await api("/api/status");
      text(document.getElementById("status"), `${s.articles} articles · ${s.events} events · ${s.quotes} quotes` +
                                                (s.writes ? ` · accepting posted articles (${s.pending_jobs} jobs waiting)` : ""));
    }
    document.body.dataset.ready = String(Date.now());
  } catch (err) { showError(err); }
}

async function start() {
  readUrl();
  fillForm();
  try {
    state.world = REPORT ? REPORT.world : await (await fetch("/static/world.json")).json();
  } catch (err) { state.world = null; }
  const form = document.getElementById("filters");
  if (REPORT) {
    for (const input of form.elements) input.disabled = true;
    const note = document.createElement("div");
    note.className = "report-note";
    note.textContent = `Static report, generated ${REPORT.generated_at} from ${REPORT.db}: filters ${JSON.stringify(REPORT.filters)}.`;
    form.after(note);
    state.filters = REPORT.filters; state.interval = REPORT.interval; fillForm();
  }
  form.addEventListener("submit", (ev) => { ev.preventDefault(); readForm(); writeUrl(); state.drill = null; state.page = 1; refresh(); });
  document.getElementById("clear").addEventListener("click", () => { state.filters = {}; state.interval = "day"; state.drill = null; fillForm(); writeUrl(); refresh(); });
  document.getElementById("drill-clear").addEventListener("click", () => { state.drill = null; state.page = 1; loadEvents().catch(showError); });
  document.getElementById("prev").addEventListener("click", () => { state.page -= 1; loadEvents().catch(showError); });
  document.getElementById("next").addEventListener("click", () => { state.page += 1; loadEvents().catch(showError); });
  await refresh();
}

start();
