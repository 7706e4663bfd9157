// The timeline: stacked bars of event counts by type, per day, week or month (whichever keeps
// the bars readable), drawn as plain SVG from the API's /stats/timeline.
import { COLOR, ORDER } from "./types.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 900;
const HEIGHT = 170;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };
const DAY = 86400000;

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (text) => Date.parse(`${text}T00:00:00Z`);

function binning(first, last) {
  const span = (last - first) / DAY;
  if (span <= 120) return { name: "day", start: (ms) => ms, next: (ms) => ms + DAY };
  if (span <= 900) {
    // Weeks start on Monday (ISO).
    return { name: "week", start: (ms) => ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY, next: (ms) => ms + 7 * DAY };
  }
  const start = (ms) => { const d = new Date(ms); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); };
  const next = (ms) => { const d = new Date(ms); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); };
  return { name: "month", start, next };
}

/** Draw `data` into `container`; `onPick(since, until)` is called when a bar is clicked. */
export function drawTimeline(container, data, { onPick } = {}) {
  container.replaceChildren();
  const svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: "none", role: "img", "aria-label": "Events per period and type" });
  container.append(svg);
  if (!data.counts.length) {
    const note = svgEl("text", { x: WIDTH / 2, y: HEIGHT / 2, "text-anchor": "middle", fill: "#667085" });
    note.textContent = "no dated events";
    svg.append(note);
    return { unit: null, bins: 0 };
  }
  const days = data.counts.map((c) => dayMs(c.date));
  const bin = binning(Math.min(...days), Math.max(...days));
  const bins = new Map();
  for (const c of data.counts) {
    const key = bin.start(dayMs(c.date));
    const types = bins.get(key) ?? new Map();
    types.set(c.event_type, (types.get(c.event_type) ?? 0) + c.count);
    bins.set(key, types);
  }
  const keys = [...bins.keys()].sort((a, b) => a - b);
  const first = keys[0];
  const end = bin.next(keys[keys.length - 1]);
  const totals = keys.map((k) => [...bins.get(k).values()].reduce((a, b) => a + b, 0));
  const top = Math.max(...totals);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (ms) => PAD.left + ((ms - first) / (end - first)) * plotW;
  const y = (n) => PAD.top + plotH - (n / top) * plotH;

  const axis = svgEl("g", { class: "axis" });
  axis.append(svgEl("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(0), y2: y(0) }));
  for (const n of [0, top]) {
    const label = svgEl("text", { x: PAD.left - 4, y: y(n) + 3, "text-anchor": "end" });
    label.textContent = n;
    axis.append(label);
  }
  const ticks = Math.min(6, keys.length);
  for (let i = 0; i < ticks; i += 1) {
    const ms = first + ((end - first) * i) / Math.max(1, ticks - 1 || 1);
    const at = Math.min(ms, end - 1);
    const label = svgEl("text", { x: x(at), y: HEIGHT - 6, "text-anchor": i === 0 ? "start" : i === ticks - 1 ? "end" : "middle" });
    label.textContent = bin.name === "month" ? iso(at).slice(0, 7) : iso(at);
    axis.append(label);
  }
  svg.append(axis);

  const bars = svgEl("g", { class: "bars" });
  keys.forEach((key) => {
    const x0 = x(key);
    const width = Math.max(1, x(bin.next(key)) - x0 - 1);
    let below = 0;
    const stack = [...bins.get(key).entries()].sort((a, b) => ORDER[a[0]] - ORDER[b[0]]);
    for (const [type, count] of stack) {
      const rect = svgEl("rect", {
        class: "bar",
        x: x0.toFixed(2),
        width: width.toFixed(2),
        y: y(below + count).toFixed(2),
        height: (y(below) - y(below + count)).toFixed(2),
        fill: COLOR[type] ?? "#999",
        "data-type": type,
        "data-count": count,
        "data-start": iso(key),
      });
      const title = svgEl("title");
      const last = iso(bin.next(key) - DAY);
      title.textContent = `${type}: ${count} (${iso(key)}${last === iso(key) ? "" : ` – ${last}`})`;
      rect.append(title);
      if (onPick) rect.addEventListener("click", () => onPick(iso(key), last));
      bars.append(rect);
      below += count;
    }
  });
  svg.append(bars);
  return { unit: bin.name, bins: keys.length };
}
