"""The store's tables as SQLAlchemy Core objects, for the queries that do not need the ORM."""

from __future__ import annotations

from sqlalchemy import Table

from newswire_store.models import Base

ARTICLES: Table = Base.metadata.tables["articles"]
ARTICLE_VERSIONS: Table = Base.metadata.tables["article_versions"]
EVENTS: Table = Base.metadata.tables["events"]
EVENT_ACTORS: Table = Base.metadata.tables["event_actors"]
EVENT_QUANTITIES: Table = Base.metadata.tables["event_quantities"]
QUOTES: Table = Base.metadata.tables["quotes"]
