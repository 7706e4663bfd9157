"""The FastStream consumer shown in docs/consumers.md runs as written (on the in-memory broker)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from faststream.kafka import TestKafkaBroker

from newswire_contracts.topics import EVENTS_EXTRACTED, topic
from tests.support.samples import AGREEMENT, article, events_of, extraction

DOC = Path(__file__).parents[3] / "docs" / "consumers.md"


def _example() -> str:
    section = DOC.read_text().split("## A consumer with FastStream", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "no python example in docs/consumers.md"
    return match.group(1)


async def test_the_documented_consumer_prints_events_and_skips_bad_records(
    capsys: pytest.CaptureFixture[str],
) -> None:
    namespace: dict[str, Any] = {"__name__": "doc_example"}
    exec(compile(_example(), str(DOC), "exec"), namespace)
    item = article("omo", [AGREEMENT])
    msg = extraction(item, events_of(item, [AGREEMENT]))
    async with TestKafkaBroker(namespace["broker"]) as broker:
        await broker.publish(b"{not json", topic=topic(EVENTS_EXTRACTED))
        await broker.publish(msg.model_dump_json().encode(), topic=topic(EVENTS_EXTRACTED))
    printed = capsys.readouterr().out.splitlines()
    assert printed == [f"AGREE     Kenya -> Ethiopia: {AGREEMENT.text}"]
