"""First paint and first full render of the analyst console with 10,000 events in the store.

    uv run python bench/console/first_paint.py [--events 10000] [--runs 7] [--database-url URL]

Builds the demo store, clones its articles into a fresh store until it holds --events events
(SQLite in a temp dir, or the empty PostgreSQL database --database-url names), serves the API and
console on 127.0.0.1 and loads ``/`` in headless Chromium --runs times with the HTTP cache off
(cold: every asset and the basemap fetched again) and --runs times with it on (warm). Per load it
reads, in ms from navigation start:
  fcp     - first contentful paint (the header and filters),
  render  - the ``newswire:first-render`` mark: events list, map with its points and timeline
            drawn from the API's answers (the first meaningful render),
  api     - the slowest of the three API requests the page makes (/events, /stats/timeline,
            /stats/places), as Resource Timing measured it.
Prints the median and the maximum of each.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from harness import chromium, demo_store, scaled_store, serving, temp_sqlite, wait_ready

MEASURE = r"""
const mark = performance.getEntriesByName('newswire:first-render')[0];
const fcp = performance.getEntriesByName('first-contentful-paint')[0];
const api = performance.getEntriesByType('resource')
  .filter((r) => /\/(events\?|stats\/timeline|stats\/places)/.test(r.name))
  .map((r) => r.responseEnd - r.startTime);
const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
const script = performance.getEntriesByType('resource')
  .filter((r) => /console\/app\.js$/.test(r.name)).map((r) => r.responseEnd)[0] ?? null;
const events = performance.getEntriesByType('resource').find((r) => /\/events\?/.test(r.name));
const places = performance.getEntriesByType('resource').find((r) => /\/stats\/places/.test(r.name));
const atlas = performance.getEntriesByType('resource').find((r) => /countries-110m/.test(r.name));
return {render: mark.startTime, list: at('newswire:list'), events_start: events.startTime,
        places_end: places.responseEnd, basemap_end: atlas ? atlas.responseEnd : null,
        events_end: events.responseEnd,
        map: at('newswire:map'), app_js: script, fcp: fcp ? fcp.startTime : null,
        api: Math.max(...api),
        places: document.querySelectorAll('#map circle.place').length,
        listed: document.querySelectorAll('#list li.event').length,
        total: document.getElementById('list-summary').textContent};
"""


def _loads(base: str, runs: int, *, cache: bool) -> list[dict[str, float]]:
    out = []
    with chromium() as driver:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": not cache})
        driver.get(base + "/")  # a first load, not counted: Chromium's own start-up
        wait_ready(driver)
        for _ in range(runs):
            driver.get("about:blank")
            driver.get(base + "/")
            wait_ready(driver)
            out.append(driver.execute_script(MEASURE))
    return out


def _summary(name: str, loads: list[dict[str, float]]) -> str:
    parts = []
    for key in (
        "fcp",
        "render",
        "api",
        "app_js",
        "events_start",
        "events_end",
        "places_end",
        "basemap_end",
        "list",
        "map",
    ):
        values = [load[key] for load in loads if load[key] is not None]
        parts.append(f"{key} median {statistics.median(values):6.0f} ms, max {max(values):6.0f} ms")
    return f"{name:5}  " + " | ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: SQLite)")
    parser.add_argument("--json", action="store_true", help="print every load as JSON too")
    args = parser.parse_args()

    seed = temp_sqlite("newswire-seed-")
    asyncio.run(demo_store(seed))
    url = args.database_url or temp_sqlite("newswire-bench-")
    stored = asyncio.run(scaled_store(url, args.events, seed))
    print(f"store: {stored} events on {url.split(':', 1)[0]}", file=sys.stderr)
    with serving(url) as base:
        cold = _loads(base, args.runs, cache=False)
        warm = _loads(base, args.runs, cache=True)
    first = cold[0]
    print(f"page: {first['listed']} events listed of {first['total']}, {first['places']} places")
    print(_summary("cold", cold))
    print(_summary("warm", warm))
    if args.json:
        print(json.dumps({"cold": cold, "warm": warm}, indent=1))


if __name__ == "__main__":
    main()
