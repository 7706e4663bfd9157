"""What the browser tests share: the page under test's constants and a Browser wrapper."""

from __future__ import annotations

import json
from dataclasses import dataclass

from selenium import webdriver

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
