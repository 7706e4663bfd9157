// The map: Natural Earth countries (packaged TopoJSON, no tiles) drawn as SVG with d3-geo, and a
// circle per place sized by how many matching events happened there.
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 960;
const HEIGHT = 480;
const projection = geoNaturalEarth1().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: "Sphere" });
const path = geoPath(projection);

let basemap = null;

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

/** Fetch the packaged countries once; resolves to the SVG <g> of the basemap. */
export function loadBasemap(url) {
  basemap ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`basemap: ${response.status}`);
      return response.json();
    })
    .then((topology) => {
      const land = svgEl("g", { class: "basemap" });
      land.append(svgEl("path", { class: "sphere", d: path({ type: "Sphere" }) }));
      land.append(svgEl("path", { class: "graticule", d: path(geoGraticule10()), fill: "none", stroke: "#e3e9f1", "stroke-width": ".5" }));
      // One path for the land and one for the borders between countries: each shared border
      // is projected once, and the page holds two nodes instead of 177.
      const { mesh, feature } = window.topojson;
      land.append(svgEl("path", { class: "land", d: path(feature(topology, topology.objects.land)) }));
      const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
      land.append(svgEl("path", { class: "borders", d: path(borders) }));
      return land;
    });
  return basemap;
}

/** Draw the places of `data` (the API's /stats/places) into `container`. */
export async function drawMap(container, data, { onPick, selected } = {}) {
  const land = await loadBasemap("static/vendor/countries-110m.json");
  let svg = container.querySelector("svg");
  if (!svg) {
    svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Map of event places" });
    svg.append(land, svgEl("g", { class: "places" }));
    container.append(svg);
  }
  const layer = svg.querySelector("g.places");
  layer.replaceChildren();
  const fragment = document.createDocumentFragment();
  const biggest = Math.max(1, ...data.places.map((p) => p.count));
  // Smallest on top, so a busy place never hides a quiet one beside it.
  for (const place of [...data.places].reverse()) {
    const point = projection([place.lon, place.lat]);
    if (!point) continue;
    const circle = svgEl("circle", {
      class: `${place.lat},${place.lon}` === selected ? "place selected" : "place",
      cx: point[0].toFixed(1),
      cy: point[1].toFixed(1),
      r: (2.5 + 11 * Math.sqrt(place.count / biggest)).toFixed(1),
      "data-count": place.count,
      "data-lat": place.lat,
      "data-lon": place.lon,
    });
    circle.place = place;
    fragment.append(circle);
  }
  layer.append(fragment);
  // One listener for every point, and one tooltip: 2,000 points stay cheap to draw.
  const tip = container.querySelector(".tip") ?? container.appendChild(document.createElement("div"));
  tip.className = "tip";
  tip.hidden = true;
  layer.onclick = onPick ? (event) => event.target.place && onPick(event.target.place) : null;
  layer.onmouseover = (event) => {
    const place = event.target.place;
    if (!place) return;
    const where = [place.name, place.country].filter(Boolean).join(", ") || "unnamed place";
    tip.textContent = `${where}: ${place.count} event${place.count === 1 ? "" : "s"}`;
    const box = container.getBoundingClientRect();
    const dot = event.target.getBoundingClientRect();
    tip.style.left = `${dot.left - box.left + dot.width / 2}px`;
    tip.style.top = `${dot.top - box.top}px`;
    tip.hidden = false;
  };
  layer.onmouseout = () => { tip.hidden = true; };
}
