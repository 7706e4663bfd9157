// The analyst console: filters in the URL hash, then a map, a timeline and a list of the matching
// events, and an event view with its evidence highlighted at the stored offsets.
import { AuthNeeded, get, setToken } from "./api.js";
import { drawMap, loadBasemap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { el, evidenceSegments } from "./text.js";
import { COLOR, TYPES, actorLabel } from "./types.js";

const FILTERS = ["type", "country", "actor", "since", "until", "q", "bbox"];
const PAGE = 100;
const BASEMAP = "static/vendor/countries-110m.json";
const $ = (selector) => document.querySelector(selector);

let generation = 0;
let nextCursor = null;

function route() {
  const [path, query = ""] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ""]));
  const match = path.match(/^\/event\/([0-9a-f]{1,64})$/);
  return { filters, eventId: match ? match[1] : null };
}

function hashFor(filters, eventId = null) {
  const query = new URLSearchParams();
  for (const k of FILTERS) if (filters[k]) query.set(k, filters[k]);
  const path = eventId ? `/event/${eventId}` : "/";
  return `#${path}${query.size ? `?${query}` : ""}`;
}

function navigate(filters, eventId = null) {
  const hash = hashFor(filters, eventId);
  if (location.hash !== hash) location.hash = hash;
  else render();
}

function status(message) {
  $("#status").textContent = message ?? "";
}

function setState(state) {
  document.body.dataset.state = state;
}

function fail(error) {
  if (error instanceof AuthNeeded) {
    $("#token-form").hidden = false;
    status("This API needs a bearer token.");
  } else {
    status(`Could not load: ${error.message}`);
  }
  setState("error");
}

// --- filters form ---------------------------------------------------------------------------

function fillForm(filters) {
  for (const k of FILTERS) $(`#f-${k}`).value = filters[k];
  $("#clear-place").hidden = !filters.bbox;
}

function readForm() {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, $(`#f-${k}`).value.trim()]));
  filters.country = filters.country.toUpperCase();
  return filters;
}

// --- overview: map, timeline, list ----------------------------------------------------------

async function renderOverview(filters) {
  const mine = ++generation;
  setState("loading");
  $("#overview").hidden = false;
  $("#event-view").hidden = true;
  const params = { ...filters }; // the form's names are the API's
  // Each part is drawn as soon as its data is in; the page is ready when all are.
  const current = () => mine === generation;
  const list = get("events", { ...params, limit: PAGE }).then((page) => {
    if (current()) renderList(page, filters, false);
    if (mine === 1) performance.mark("newswire:list");
  });
  const timeline = get("stats/timeline", params).then((data) => {
    if (current()) renderTimeline(data, filters);
  });
  const map = Promise.all([get("stats/places", params), loadBasemap(BASEMAP)]).then(async ([places]) => {
    if (!current()) return;
    const selected = filters.bbox ? centre(filters.bbox) : null;
    await drawMap($("#map"), places, { selected, onPick: (p) => navigate({ ...filters, bbox: around(p) }) });
    $("#map-summary").textContent = `${places.located} of ${places.total} events placed`
      + `${places.truncated ? `; busiest ${places.places.length} places shown` : ""}`;
    if (mine === 1) performance.mark("newswire:map");
  });
  await Promise.all([list, timeline, map]);
  if (!current()) return; // a newer filter won the race
  status("");
  document.body.dataset.generation = String(mine);
  setState("ready");
  if (mine === 1) {
    performance.mark("newswire:first-render");
  }
}

function renderTimeline(timeline, filters) {
  const drawn = drawTimeline($("#timeline"), timeline, {
    onPick: (since, until) => navigate({ ...filters, since, until }),
  });
  const present = new Set(timeline.counts.map((c) => c.event_type));
  $("#legend").replaceChildren(...TYPES.filter(([t]) => present.has(t)).map(([t, color]) =>
    el("span", { dataset: { type: t } }, el("i", { style: `background:${color}` }), t)));
  $("#timeline-summary").textContent = drawn.unit
    ? `${timeline.total - timeline.undated} dated events per ${drawn.unit}${timeline.undated ? `, ${timeline.undated} undated` : ""}`
    : "";
  $("#list-summary").textContent = `${timeline.total} matching`;
}

function around(place) {
  const d = 0.01; // about a kilometre: this very place
  return [place.lon - d, place.lat - d, place.lon + d, place.lat + d].map((v) => v.toFixed(4)).join(",");
}

function centre(bbox) {
  const [w, s, e, n] = bbox.split(",").map(Number);
  const lon = (w + e) / 2;
  const lat = (s + n) / 2;
  return `${+lat.toFixed(4)},${+lon.toFixed(4)}`;
}

function typeBadge(type) {
  return el("span", { class: "type", style: `background:${COLOR[type] ?? "#999"}` }, type);
}

function flags(modality) {
  return ["negated", "future", "hypothetical"].filter((f) => modality?.[f]).map((f) => el("span", { class: "flag" }, f));
}

function eventItem(ev, filters) {
  const who = [ev.actors.map(actorLabel).join(", ") || "—", ev.targets.length ? ` → ${ev.targets.map(actorLabel).join(", ")}` : ""].join("");
  return el(
    "li",
    { class: "event", dataset: { eventId: ev.event_id, type: ev.event_type }, tabindex: "0",
      onclick: () => navigate(filters, ev.event_id), onkeydown: (e) => e.key === "Enter" && navigate(filters, ev.event_id) },
    el("div", { class: "meta" }, typeBadge(ev.event_type), el("span", {}, ev.occurred?.date ?? "undated"),
      el("span", {}, ev.location ? [ev.location.name, ev.location.country].filter(Boolean).join(", ") : ""), flags(ev.modality)),
    el("div", { class: "who" }, who),
    el("div", { class: "evidence" }, ev.evidence.text),
  );
}

function renderList(page, filters, append) {
  const list = $("#list");
  if (!append) list.replaceChildren();
  list.append(...page.items.map((ev) => eventItem(ev, filters)));
  if (!list.children.length) list.append(el("li", { class: "empty" }, "No event matches these filters."));
  nextCursor = page.next_cursor;
  $("#more").hidden = !nextCursor;
}

async function more() {
  const { filters } = route();
  const page = await get("events", { ...filters, limit: PAGE, cursor: nextCursor });
  renderList(page, filters, true);
}

// --- event view -----------------------------------------------------------------------------

function actorsTable(title, actors) {
  if (!actors.length) return el("p", { class: "muted" }, `No ${title.toLowerCase()}.`);
  return el("table", { class: title.toLowerCase() },
    el("caption", { class: "muted", style: "text-align:left" }, title),
    el("tr", {}, ["Name", "As written", "Kind", "Country", "Sector"].map((h) => el("th", {}, h))),
    actors.map((a) => el("tr", {}, [a.name, a.text, a.kind, a.country ?? "—", a.sector ?? "—"].map((v) => el("td", {}, v)))));
}

function facts(ev) {
  const rows = [
    ["Type", [typeBadge(ev.event_type), ev.mode ? ` ${ev.mode}` : ""]],
    ["Date", ev.occurred.date ? `${ev.occurred.date} (${ev.occurred.precision})` : "unknown"],
    ["Place", ev.location ? [ev.location.name, ev.location.country, ev.location.lat != null ? `${ev.location.lat}, ${ev.location.lon}` : null].filter(Boolean).join(" · ") : "—"],
    ["Modality", flags(ev.modality).length ? flags(ev.modality) : "asserted"],
    ["Confidence", ev.confidence.toFixed(2)],
    ["Trigger", ev.evidence.trigger],
    ["Reported by", ev.attribution ? [ev.attribution.speaker ? actorLabel(ev.attribution.speaker) : "an unnamed source", ev.attribution.cue ? ` (${ev.attribution.cue})` : ""] : "the article"],
    ["Extracted", `${ev.extracted_at} by ${ev.extractor}`],
  ];
  return el("dl", { class: "facts" }, rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

function quantities(ev) {
  if (!ev.quantities.length) return el("p", { class: "muted" }, "No quantities.");
  return el("table", { class: "quantities" },
    el("tr", {}, ["Value", "Unit", "Category", "As written"].map((h) => el("th", {}, h))),
    ev.quantities.map((q) => el("tr", {}, [
      `${q.approximate ? "≈" : ""}${q.value}${q.value_max != null ? `–${q.value_max}` : ""}`, q.unit ?? "—", q.category ?? "—", q.text,
    ].map((v) => el("td", {}, v)))));
}

function quotes(record) {
  if (!record.quotes.length) return el("p", { class: "muted" }, "No quotes.");
  return el("ul", { class: "quotes" }, record.quotes.map((q) => el("li", {},
    el("q", {}, q.text), " — ", q.speaker_name ? `${q.speaker_name}${q.speaker_country ? ` (${q.speaker_country})` : ""}` : "unattributed",
    q.cue ? el("span", { class: "muted" }, ` (${q.cue})`) : "")));
}

function articleText(text, evidence) {
  const box = el("div", { id: "article-text" });
  for (const part of evidenceSegments(text, evidence)) {
    if (part.kind === "plain") box.append(part.text);
    else if (part.kind === "trigger") box.lastChild.append(el("mark", { class: "trigger" }, part.text));
    else if (box.lastChild instanceof HTMLElement && box.lastChild.matches("mark.evidence")) box.lastChild.append(part.text);
    else box.append(el("mark", { class: "evidence" }, part.text));
  }
  return box;
}

async function renderEvent(eventId, filters) {
  const mine = ++generation;
  setState("loading");
  const ev = await get(`events/${eventId}`);
  const [record, siblings] = await Promise.all([
    get(`articles/${ev.article.article_id}`),
    get("events", { article_id: ev.article.article_id, limit: 500 }),
  ]);
  if (mine !== generation) return;
  status("");
  const view = $("#event-view");
  const article = record.article;
  const others = siblings.items.filter((o) => o.event_id !== ev.event_id);
  view.replaceChildren(
    el("div", { class: "head" },
      el("a", { href: hashFor(filters), id: "back" }, "← back to the list"),
      el("h1", { style: "font-size:1.2rem;margin:.3rem 0" }, typeBadge(ev.event_type), " ",
        ev.actors.map(actorLabel).join(", ") || "—", ev.targets.length ? ` → ${ev.targets.map(actorLabel).join(", ")}` : ""),
      facts(ev)),
    el("div", {},
      el("section", { class: "card" },
        el("h2", {}, article.title ?? "Untitled article"),
        el("p", { class: "muted" }, [article.site_name, article.published_at].filter(Boolean).join(" · "), " · ",
          el("a", { href: article.url, rel: "noreferrer noopener", target: "_blank" }, "source")),
        ev.evidence_in_article ? null : el("p", { class: "warning" },
          "The stored article no longer reads this sentence at these offsets (it changed after extraction). Evidence as extracted: ",
          el("q", {}, ev.evidence.text)),
        articleText(article.text, ev.evidence))),
    el("div", {},
      el("section", { class: "card" }, el("h2", {}, "Actors and targets"), actorsTable("Actors", ev.actors), actorsTable("Targets", ev.targets)),
      el("section", { class: "card" }, el("h2", {}, "Quantities"), quantities(ev)),
      el("section", { class: "card" }, el("h2", {}, "Quotes"), quotes(record)),
      el("section", { class: "card" }, el("h2", {}, `Other events in this article (${others.length})`),
        others.length ? el("ul", { class: "others" }, others.map((o) => el("li", { dataset: { eventId: o.event_id }, onclick: () => navigate(filters, o.event_id) },
          typeBadge(o.event_type), " ", o.evidence.text.slice(0, 140)))) : el("p", { class: "muted" }, "None."))),
  );
  $("#overview").hidden = true;
  view.hidden = false;
  window.scrollTo(0, 0);
  const text = view.querySelector("#article-text");
  const mark = text.querySelector("mark.evidence");
  if (mark) text.scrollTop = Math.max(0, mark.offsetTop - text.clientHeight / 3);
  document.body.dataset.generation = String(mine);
  setState("ready");
}

// --- wiring ---------------------------------------------------------------------------------

async function render() {
  const { filters, eventId } = route();
  fillForm(filters);
  try {
    if (eventId) await renderEvent(eventId, filters);
    else await renderOverview(filters);
  } catch (error) {
    fail(error);
  }
}

function init() {
  const select = $("#f-type");
  for (const [type] of TYPES) select.append(el("option", { value: type }, type));
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); navigate(readForm()); });
  $("#f-reset").addEventListener("click", () => navigate(Object.fromEntries(FILTERS.map((k) => [k, ""]))));
  $("#clear-place").addEventListener("click", () => navigate({ ...route().filters, bbox: "" }));
  $("#more").addEventListener("click", () => more().catch(fail));
  $("#token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    setToken($("#token").value.trim());
    $("#token-form").hidden = true;
    render();
  });
  window.addEventListener("hashchange", render);
  render();
}

init();
