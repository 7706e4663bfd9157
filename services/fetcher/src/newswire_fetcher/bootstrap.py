"""The fetcher's one bootstrap: HTTP client, politeness, database and service, as steps and hooks.

The Kafka app and the embedded pipeline (`newswire fetch`, the demo) both build the fetcher
here, so each gets the same address guard, politeness, robots rules, seen-URL record and
fingerprint index from the same settings. The three records share one database (one engine),
whose migrations run at start-up. The poller publishes no topic of its own: its requests go to
the step's input topic and its dead letters to that topic's DLQ.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newswire_fetcher.polite import PoliteClient, create_client
from newswire_fetcher.poller import Poller
from newswire_fetcher.service import FetcherService
from newswire_fetcher.settings import FetcherSettings
from newswire_fetcher.sources import Source, load_sources
from newswire_fetcher.state import FetcherDatabase, FingerprintIndex, SeenUrls, SourceSchedule
from newswire_fetcher.state.database import warn_about_old_default
from newswire_runtime import Publisher
from newswire_runtime.kafka import retry_policy
from newswire_runtime.parts import ServiceParts


@dataclass(frozen=True)
class FetcherParts(ServiceParts):
    """The fetcher's parts, plus what a poller needs to publish requests for its sources."""

    settings: FetcherSettings = field(kw_only=True)
    polite: PoliteClient = field(kw_only=True)
    database: FetcherDatabase = field(kw_only=True)
    seen: SeenUrls = field(kw_only=True)
    schedule: SourceSchedule = field(kw_only=True)
    fingerprints: FingerprintIndex = field(kw_only=True)
    sources: list[Source] = field(kw_only=True, default_factory=list)

    def poller(self, publisher: Publisher, sources: list[Source] | None = None) -> Poller:
        """A poller of ``sources`` (default: the settings' sources file) publishing requests."""
        return Poller(
            self.sources if sources is None else sources,
            self.polite,
            publisher,
            schedule=self.schedule,
            seen=self.seen,
            fingerprints=self.fingerprints,
            prefix=self.settings.topic_prefix,
            jitter=self.settings.poll_jitter,
            seen_retention=dt.timedelta(days=self.settings.seen_retention_days),
            policy=retry_policy(self.settings),
        )


def build(settings: FetcherSettings) -> FetcherParts:
    """The fetcher's parts; a bad sources file fails here, before anything starts."""
    sources = load_sources(settings.sources_file) if settings.sources_file else []
    client = create_client(settings)
    polite = PoliteClient(client, settings)
    database = FetcherDatabase.from_url(settings.database_url, namespace=settings.topic_prefix)
    seen, fingerprints = SeenUrls(database), FingerprintIndex(database)
    service = FetcherService(settings, polite, fingerprints=fingerprints, seen=seen)
    return FetcherParts(
        steps=[service.step()],
        startup=[
            lambda: warn_about_old_default(url_given=settings.database_url_given),
            database.migrate,
        ],
        shutdown=[database.close, client.aclose],
        settings=settings,
        polite=polite,
        database=database,
        seen=seen,
        schedule=SourceSchedule(database),
        fingerprints=fingerprints,
        sources=sources,
    )
