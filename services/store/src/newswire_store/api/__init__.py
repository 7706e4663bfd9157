"""The store's read API (FastAPI): events, articles, counts, exports and health."""

from newswire_store.api.app import create_api
from newswire_store.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_api"]
