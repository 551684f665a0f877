// The live dashboard: polls the JSON API and draws with plain DOM and SVG (no library, works offline).
"use strict";

const $ = (id) => document.getElementById(id);
const fmt = (x, digits = 0) => x == null ? "–" : Number(x).toLocaleString("en", { maximumFractionDigits: digits });
const pct = (x) => x == null ? "–" : (100 * x).toFixed(1) + "%";

function el(tag, attrs = {}, text) {
  const node = document.createElementNS(tag === "svg" || ["polyline", "line", "text"].includes(tag)
      ? "http://www.w3.org/2000/svg" : "http://www.w3.org/1999/xhtml", tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text != null) node.textContent = text;
  return node;
}

// A line chart of points[key] against time, scaled to the data, with three horizontal guides.
function drawChart(svg, points, key, label) {
  const W = 600, H = 180, left = 52, bottom = 18, top = 8;
  svg.replaceChildren();
  const values = points.filter((p) => p[key] != null);
  if (values.length < 2) {
    svg.appendChild(el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "axis" }, "waiting for data…"));
    return;
  }
  const t0 = points[0].time, t1 = points[points.length - 1].time;
  const max = Math.max(...values.map((p) => p[key])) || 1;
  const x = (t) => left + (W - left - 4) * (t - t0) / Math.max(1, t1 - t0);
  const y = (v) => top + (H - top - bottom) * (1 - v / max);
  [0, 0.5, 1].forEach((f) => {
    svg.appendChild(el("line", { x1: left, x2: W, y1: y(max * f), y2: y(max * f), class: "grid" }));
    svg.appendChild(el("text", { x: left - 6, y: y(max * f) + 4, "text-anchor": "end", class: "axis" }, label(max * f)));
  });
  svg.appendChild(el("text", { x: left, y: H - 4, class: "axis" }, Math.round((t1 - t0) / 1000) + " s ago"));
  svg.appendChild(el("text", { x: W - 4, y: H - 4, "text-anchor": "end", class: "axis" }, "now"));
  svg.appendChild(el("polyline", { points: values.map((p) => x(p.time).toFixed(1) + "," + y(p[key]).toFixed(1)).join(" ") }));
}

function table(node, rows, empty) {
  node.replaceChildren();
  if (rows.length === 0) {
    const tr = el("tr"); tr.appendChild(el("td", { class: "muted" }, empty)); node.appendChild(tr);
    return;
  }
  rows.forEach(([name, value]) => {
    const tr = el("tr");
    tr.appendChild(el("td", {}, name));
    tr.appendChild(el("td", { class: "num" }, value));
    node.appendChild(tr);
  });
}

async function json(url) {
  const response = await fetch(url, { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.status);
  return body;
}

async function refreshStats() {
  try {
    const s = await json("/v1/stats");
    const at = s.liveQuality.at;
    $("instance").textContent = "instance " + s.instance;
    $("updated").textContent = "updated " + new Date().toLocaleTimeString();
    $("eps").textContent = fmt(s.eventsPerSecond, 1);
    $("learned").textContent = fmt(s.eventsLearned);
    $("dead").textContent = fmt(s.deadLettered);
    $("hr-label").textContent = "live HR@" + at + " (" + fmt(s.liveQuality.tests) + " tests)";
    $("hr-title").textContent = "Live HR@" + at + " (trailing 30 s)";
    $("hr").textContent = pct(s.liveQuality.hitRate);
    $("items").textContent = fmt(s.indexedItems);
    drawChart($("events-chart"), s.history, "eventsPerSecond", (v) => fmt(v, 1));
    drawChart($("hr-chart"), s.history, "hitRate", pct);
    table($("dead-letters"), Object.entries(s.deadLetteredByReason).map(([r, n]) => [r, fmt(n)]), "none yet");
    table($("by-type"), Object.entries(s.eventsLearnedByType).map(([t, n]) => [t, fmt(n)]), "none yet");
  } catch (e) {
    $("updated").textContent = "stats unavailable: " + e.message;
  }
}

async function refreshTrending() {
  try {
    const t = await json("/v1/trending?n=10");
    const list = $("trending");
    list.replaceChildren();
    t.items.forEach((i) => list.appendChild(el("li", { class: "trending-item" }, i.item)));
    if (t.items.length === 0) list.appendChild(el("li", { class: "muted" }, "no items yet"));
  } catch (e) {
    $("trending").replaceChildren(el("li", { class: "error" }, "trending unavailable: " + e.message));
  }
}

async function lookUp(user) {
  const out = $("user-recs");
  try {
    const r = await json("/v1/users/" + encodeURIComponent(user) + "/recommendations?n=10");
    const t = el("table", { id: "user-recs-table" });
    const head = el("tr");
    ["item", "score", "why"].forEach((h) => head.appendChild(el("th", {}, h)));
    t.appendChild(head);
    r.items.forEach((i) => {
      const tr = el("tr", { class: "rec" });
      tr.appendChild(el("td", {}, i.item));
      tr.appendChild(el("td", { class: "num" }, fmt(i.score, 3)));
      tr.appendChild(el("td", {}, i.reason));
      t.appendChild(tr);
    });
    out.replaceChildren(el("div", { class: "muted" }, (r.personalized ? "personalised" : "fallback: trending")
        + (r.eventsSeen != null ? ", from " + r.eventsSeen + " events" : "")), t);
    out.className = "";
  } catch (e) {
    out.replaceChildren(el("span", { class: "error" }, e.message));
  }
}

$("lookup").addEventListener("submit", (event) => {
  event.preventDefault();
  const user = $("user").value.trim();
  if (user) lookUp(user);
});

const initialUser = new URLSearchParams(location.search).get("user");
if (initialUser) { $("user").value = initialUser; lookUp(initialUser); }
refreshStats();
refreshTrending();
setInterval(refreshStats, 2000);
setInterval(refreshTrending, 5000);
