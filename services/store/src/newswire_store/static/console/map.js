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
      const countries = window.topojson.feature(topology, topology.objects.countries);
      for (const country of countries.features) {
        const shape = svgEl("path", { class: "land", d: path(country) });
        shape.append(svgEl("title"));
        shape.lastChild.textContent = country.properties.name;
        land.append(shape);
      }
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
  const biggest = Math.max(1, ...data.places.map((p) => p.count));
  // Smallest on top, so a busy place never hides a quiet one beside it.
  for (const place of [...data.places].reverse()) {
    const point = projection([place.lon, place.lat]);
    if (!point) continue;
    const key = `${place.lat},${place.lon}`;
    const circle = svgEl("circle", {
      class: key === selected ? "place selected" : "place",
      cx: point[0].toFixed(1),
      cy: point[1].toFixed(1),
      r: (2.5 + 11 * Math.sqrt(place.count / biggest)).toFixed(1),
      "data-count": place.count,
      "data-lat": place.lat,
      "data-lon": place.lon,
    });
    const title = svgEl("title");
    const where = [place.name, place.country].filter(Boolean).join(", ") || "unnamed place";
    title.textContent = `${where}: ${place.count} event${place.count === 1 ? "" : "s"}`;
    circle.append(title);
    if (onPick) circle.addEventListener("click", () => onPick(place));
    layer.append(circle);
  }
}
