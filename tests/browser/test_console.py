"""The analyst console in a real browser: overview, filters, the evidence view, docs pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.support.browser import ASTRAL_URL, TOKEN, Browser

pytestmark = pytest.mark.browser
WAIT_S = 30


def wait(browser: Browser, condition: Callable[[Any], Any]) -> Any:
    return WebDriverWait(browser.driver, WAIT_S).until(condition)


def generation(browser: Browser) -> int:
    return int(browser.driver.execute_script("return document.body.dataset.generation"))


def open_page(browser: Browser, url: str) -> None:
    """Load ``url`` and wait until the console has drawn it."""
    before = -1
    browser.driver.get("about:blank")
    browser.driver.get(url)
    wait(browser, lambda d: d.execute_script("return document.body.dataset.state") == "ready")
    assert generation(browser) != before


def after_change(browser: Browser, action: Callable[[], None]) -> None:
    """Do ``action`` and wait for the console to draw its result."""
    before = generation(browser)
    action()
    wait(
        browser,
        lambda d: (
            generation(browser) > before
            and d.execute_script("return document.body.dataset.state") == "ready"
        ),
    )


def find_all(browser: Browser, css: str) -> list[WebElement]:
    return browser.driver.find_elements(By.CSS_SELECTOR, css)


def overview(browser: Browser) -> dict[str, Any]:
    """What the overview shows: list ids and types, map counts, timeline counts by type."""
    return browser.driver.execute_script(
        """
        const items = [...document.querySelectorAll('#list li.event')];
        const circles = [...document.querySelectorAll('#map circle.place')];
        const bars = [...document.querySelectorAll('#timeline rect.bar')];
        const byType = {};
        for (const b of bars) {
          byType[b.dataset.type] = (byType[b.dataset.type] || 0) + +b.dataset.count;
        }
        return {
          ids: items.map((i) => i.dataset.eventId),
          types: [...new Set(items.map((i) => i.dataset.type))],
          places: circles.length,
          placed: circles.reduce((n, c) => n + +c.dataset.count, 0),
          timeline: byType,
        };
        """
    )


def expected(api: httpx.Client, **params: str) -> dict[str, Any]:
    """What the API says the overview should show for these filters."""
    page = api.get("/events", params={**params, "limit": 100}).json()
    places = api.get("/stats/places", params=params).json()
    timeline = api.get("/stats/timeline", params=params).json()
    by_type: dict[str, int] = {}
    for c in timeline["counts"]:
        by_type[c["event_type"]] = by_type.get(c["event_type"], 0) + c["count"]
    return {
        "ids": [i["event_id"] for i in page["items"]],
        "places": len(places["places"]),
        "placed": sum(p["count"] for p in places["places"]),
        "timeline": by_type,
    }


def assert_shows(browser: Browser, api: httpx.Client, **params: str) -> dict[str, Any]:
    shown = overview(browser)
    want = expected(api, **params)
    assert shown["ids"] == want["ids"]
    assert (shown["places"], shown["placed"]) == (want["places"], want["placed"])
    assert shown["timeline"] == want["timeline"]
    return shown


def test_the_overview_draws_the_map_timeline_and_list(
    browser: Browser, console_url: str, api: httpx.Client
) -> None:
    open_page(browser, console_url + "/")
    shown = assert_shows(browser, api)
    total = api.get("/stats").json()["total"]
    assert len(shown["ids"]) == min(100, total)  # the first page
    assert shown["places"] >= 2  # the demo's places and Kharkiv
    # Natural Earth's land and borders, drawn from the packaged TopoJSON.
    for shape in ("#map path.land", "#map path.borders"):
        assert len(browser.driver.find_element(By.CSS_SELECTOR, shape).get_attribute("d")) > 5000
    assert browser.errors() == []


def test_filters_change_the_list_map_and_timeline(
    browser: Browser, console_url: str, api: httpx.Client
) -> None:
    # Filter values taken from the store, so the test holds whatever the sample site reports.
    kind = api.get("/stats").json()["by_type"][0]["event_type"]
    example = next(
        e
        for e in api.get("/events", params={"type": kind, "limit": 500}).json()["items"]
        if e["occurred"]["date"]
    )
    word = max(example["evidence"]["trigger"].split(), key=len)
    since = example["occurred"]["date"]
    country = next(
        a["country"]
        for e in api.get("/events", params={"limit": 500}).json()["items"]
        for a in e["actors"] + e["targets"]
        if a["country"]
    )
    open_page(browser, console_url + "/")
    everything = overview(browser)

    def choose_type() -> None:
        Select(browser.driver.find_element(By.ID, "f-type")).select_by_value(kind)
        browser.driver.find_element(By.ID, "f-apply").click()

    after_change(browser, choose_type)
    of_kind = assert_shows(browser, api, type=kind)
    assert of_kind["types"] == [kind]
    assert list(of_kind["timeline"]) == [kind]
    assert len(of_kind["ids"]) < len(everything["ids"]) or everything["ids"] == of_kind["ids"]

    def narrow() -> None:
        browser.driver.find_element(By.ID, "f-q").send_keys(word)
        year, month, day = since.split("-")
        browser.driver.find_element(By.ID, "f-since").send_keys(f"{month}{day}{year}")
        browser.driver.find_element(By.ID, "f-apply").click()

    after_change(browser, narrow)
    assert browser.driver.find_element(By.ID, "f-since").get_attribute("value") == since
    narrowed = assert_shows(browser, api, type=kind, q=word, since=since)
    assert example["event_id"] in narrowed["ids"]
    assert len(narrowed["ids"]) <= len(of_kind["ids"])

    after_change(browser, lambda: browser.driver.find_element(By.ID, "f-reset").click())
    assert overview(browser)["ids"] == everything["ids"]

    def by_country() -> None:
        browser.driver.find_element(By.ID, "f-country").send_keys(country.lower())
        browser.driver.find_element(By.ID, "f-apply").click()

    after_change(browser, by_country)
    involving = assert_shows(browser, api, country=country)
    assert 0 < len(involving["ids"]) <= len(everything["ids"])
    assert browser.errors() == []


def test_clicking_a_place_or_a_bar_filters_to_it(
    browser: Browser, console_url: str, api: httpx.Client
) -> None:
    open_page(browser, console_url + "/")
    busiest = api.get("/stats/places").json()["places"][0]
    circle = browser.driver.find_element(
        By.CSS_SELECTOR, f'circle.place[data-lat="{busiest["lat"]}"][data-lon="{busiest["lon"]}"]'
    )
    after_change(browser, circle.click)
    bbox = browser.driver.find_element(By.ID, "f-bbox").get_attribute("value")
    assert bbox
    shown = assert_shows(browser, api, bbox=bbox)
    assert (shown["places"], shown["placed"]) == (1, busiest["count"])

    after_change(browser, lambda: browser.driver.find_element(By.ID, "clear-place").click())
    bar = find_all(browser, "#timeline rect.bar")[-1]
    after_change(browser, bar.click)
    since = browser.driver.find_element(By.ID, "f-since").get_attribute("value")
    until = browser.driver.find_element(By.ID, "f-until").get_attribute("value")
    assert since and until and since <= until
    assert_shows(browser, api, since=since, until=until)
    assert browser.errors() == []


def test_more_events_pages_on_with_the_cursor(
    browser: Browser, console_url: str, api: httpx.Client
) -> None:
    open_page(browser, console_url + "/")
    first = api.get("/events", params={"limit": 100}).json()
    assert first["next_cursor"], "the test store should hold more than one page"
    second = api.get("/events", params={"limit": 100, "cursor": first["next_cursor"]}).json()
    button = browser.driver.find_element(By.ID, "more")
    assert button.is_displayed()
    button.click()
    want = [i["event_id"] for i in first["items"] + second["items"]]
    wait(browser, lambda d: len(find_all(browser, "#list li.event")) == len(want))
    assert [e.get_attribute("data-event-id") for e in find_all(browser, "#list li.event")] == want
    assert not browser.driver.find_element(By.ID, "more").is_displayed()
    assert browser.errors() == []


def highlighted(browser: Browser) -> dict[str, Any]:
    return browser.driver.execute_script(
        """
        const box = document.getElementById('article-text');
        const marks = box.querySelectorAll('mark.evidence');
        const triggers = box.querySelectorAll('mark.trigger');
        return {
          text: box.textContent,
          evidence: [...marks].map((m) => m.textContent),
          trigger: [...triggers].map((m) => m.textContent),
          before: (() => { const r = document.createRange(); r.setStart(box, 0);
                           r.setEndBefore(marks[0]); return r.toString(); })(),
        };
        """
    )


def assert_highlights_stored_offsets(browser: Browser, api: httpx.Client, event_id: str) -> None:
    event = api.get(f"/events/{event_id}").json()
    text = api.get(f"/articles/{event['article']['article_id']}").json()["article"]["text"]
    ev = event["evidence"]
    shown = highlighted(browser)
    assert shown["text"] == text
    assert shown["evidence"] == [text[ev["start"] : ev["end"]]]
    assert shown["before"] == text[: ev["start"]]
    if ev.get("trigger_start") is not None:
        assert shown["trigger"] == [text[ev["trigger_start"] : ev["trigger_end"]]]


def test_the_event_view_highlights_exactly_the_stored_offsets(
    browser: Browser, console_url: str, api: httpx.Client
) -> None:
    open_page(browser, console_url + "/")
    first = find_all(browser, "#list li.event")[0]
    event_id = first.get_attribute("data-event-id")
    after_change(browser, first.click)
    assert_highlights_stored_offsets(browser, api, event_id)

    # Events across the demo's articles, and one whose text has non-BMP characters.
    astral = api.get("/events", params={"q": "hospitals Kharkiv"}).json()["items"]
    assert [e["article"]["url"] for e in astral] == [ASTRAL_URL]
    sample = api.get("/events", params={"limit": 500}).json()["items"][::9]
    for event in [*astral, *sample]:
        open_page(browser, f"{console_url}/#/event/{event['event_id']}")
        assert_highlights_stored_offsets(browser, api, event["event_id"])
    assert browser.errors() == []


def test_the_event_view_shows_actors_quantities_quotes_and_other_events(
    browser: Browser, console_url: str, api: httpx.Client
) -> None:
    items = api.get("/events", params={"limit": 500}).json()["items"]
    event = next(e for e in items if e["quantities"] and e["targets"])
    record = api.get(f"/articles/{event['article']['article_id']}").json()
    siblings = api.get("/events", params={"article_id": event["article"]["article_id"]}).json()
    open_page(browser, f"{console_url}/#/event/{event['event_id']}")
    view = browser.driver.find_element(By.ID, "event-view").text
    for actor in event["actors"] + event["targets"]:
        assert actor["name"] in view
        if actor["country"]:
            assert actor["country"] in view
        if actor["sector"]:
            assert actor["sector"] in view
    for quantity in event["quantities"]:
        assert quantity["text"] in view
    for quote in record["quotes"]:
        assert quote["speaker_name"] is None or quote["speaker_name"] in view
    assert f"{event['confidence']:.2f}" in view
    others = find_all(browser, ".others li")
    assert len(others) == len(siblings["items"]) - 1
    assert len(find_all(browser, ".quotes li")) == len(record["quotes"])

    # Another event of the article is one click away.
    other_id = others[0].get_attribute("data-event-id")
    after_change(browser, others[0].click)
    assert_highlights_stored_offsets(browser, api, other_id)
    after_change(browser, lambda: browser.driver.find_element(By.ID, "back").click())
    assert find_all(browser, "#list li.event")
    assert browser.errors() == []


def test_a_guarded_api_asks_for_its_token(
    browser: Browser, guarded_url: str, api: httpx.Client
) -> None:
    browser.driver.get("about:blank")
    browser.driver.get(guarded_url + "/")
    wait(browser, lambda d: d.find_element(By.ID, "token-form").is_displayed())
    browser.errors()  # the refused requests are logged as failed loads: expected here
    browser.driver.find_element(By.ID, "token").send_keys(TOKEN)
    browser.driver.find_element(By.CSS_SELECTOR, "#token-form button").click()
    wait(browser, lambda d: d.execute_script("return document.body.dataset.state") == "ready")
    listed = [e.get_attribute("data-event-id") for e in find_all(browser, "#list li.event")]
    assert listed == [
        i["event_id"] for i in api.get("/events", params={"limit": 100}).json()["items"]
    ]
    assert browser.errors() == []
    browser.driver.execute_script("sessionStorage.clear()")


@pytest.mark.parametrize(
    ("page", "rendered"),
    [
        ("/docs", ".swagger-ui .info .title"),
        ("/redoc", "redoc h1, .api-info h1"),
    ],
)
def test_the_api_docs_render_with_no_network(
    browser: Browser, console_url: str, page: str, rendered: str
) -> None:
    browser.requested()
    browser.driver.get(console_url + page)
    title = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, rendered))
    wait(browser, lambda d: "Newswire events API" in title.text)
    origin = urlsplit(console_url).netloc
    outside = [
        u
        for u in browser.requested()
        if urlsplit(u).scheme in {"http", "https"} and urlsplit(u).netloc != origin
    ]
    assert outside == []
    assert browser.errors() == []
