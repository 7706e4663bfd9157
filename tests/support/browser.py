"""What the browser tests share: the page under test's constants and a Browser wrapper."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# Debian's packages by default; other paths by NEWSWIRE_TEST_CHROMIUM / _CHROMEDRIVER.
CHROMIUM = Path(os.environ.get("NEWSWIRE_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("NEWSWIRE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"))

# Flags for headless Chromium as root on a closed network: no sandbox (root), and none of the
# background connections to Google's hosts, which this machine refuses.
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
)


@contextlib.contextmanager
def headless_chromium(
    width: int = 1400,
    height: int = 900,
    *,
    extra_flags: tuple[str, ...] = (),
    logs: tuple[str, ...] = ("browser",),
) -> Iterator[webdriver.Chrome]:
    """Debian's Chromium, headless, through Debian's chromedriver, in a throw-away profile.

    Used by the browser tests and the console's benchmark and screenshot scripts; Selenium
    Manager is told to stay offline, so nothing is ever downloaded.
    """
    os.environ["SE_OFFLINE"] = "true"
    profile = tempfile.mkdtemp(prefix="newswire-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*CHROMIUM_FLAGS, *extra_flags, f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", dict.fromkeys(logs, "ALL"))
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


TOKEN = "browser-test-token-0123456789"
ASTRAL_URL = "https://example.test/world/astral-offsets"


@dataclass
class Browser:
    driver: webdriver.Chrome

    def errors(self) -> list[str]:
        """Console errors and failed loads since the last call."""
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def requested(self) -> list[str]:
        """URLs the page requested since the last call (from the performance log)."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls
