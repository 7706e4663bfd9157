"""The event filter: a learned last check that an emitted event is a real, current event."""

from newswire_extractor.eventness.features import EventFeatures
from newswire_extractor.eventness.filter import EventFilter
from newswire_extractor.eventness.model import EventModel, load_event_metrics, load_event_model

__all__ = ["EventFeatures", "EventFilter", "EventModel", "load_event_metrics", "load_event_model"]
