"""Screenshots of the analyst console for the docs, over the demo store.

    uv run python bench/console/screenshots.py [--out docs/img]

Writes console-overview.png (map, timeline and list), console-filtered.png (one type and a text
filter) and console-event.png (an event with its evidence and trigger highlighted).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from harness import chromium, demo_store, serving, temp_sqlite, wait_ready


def _event_to_show(base: str) -> str:
    """An event with targets, quantities and quotes in its article: the view at its fullest."""
    with httpx.Client(base_url=base) as api:
        items = api.get("/events", params={"limit": 500}).json()["items"]
        for item in items:
            full = item["targets"] and item["quantities"] and item["evidence"].get("trigger_start")
            if not full:
                continue
            record = api.get(f"/articles/{item['article']['article_id']}").json()
            if record["quotes"]:
                return str(item["event_id"])
    return str(items[0]["event_id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/img"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    url = temp_sqlite("newswire-shots-")
    asyncio.run(demo_store(url))
    with serving(url) as base, chromium(1440, 900) as driver:
        shots = {
            "console-overview.png": f"{base}/",
            "console-filtered.png": f"{base}/#/?type=ASSAULT&since=2024-01-01",
            "console-event.png": f"{base}/#/event/{_event_to_show(base)}",
        }
        for name, page in shots.items():
            driver.get("about:blank")
            driver.get(page)
            wait_ready(driver)
            driver.save_screenshot(str(args.out / name))
            print(args.out / name)
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        if errors:
            raise SystemExit(f"console errors: {errors}")


if __name__ == "__main__":
    main()
