"""Compose trigger matches into PLOVER events with actors, place, date, quantities and evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Span, Token

from newswire_contracts import (
    Actor,
    Attribution,
    Event,
    Evidence,
    Location,
    Modality,
    Occurred,
    Quantity,
    Quote,
    event_id_for,
)
from newswire_extractor.rules import trace
from newswire_extractor.rules.actors import PRONOUNS, ActorResolver
from newswire_extractor.rules.arguments import match_arguments
from newswire_extractor.rules.assertion import Assertion
from newswire_extractor.rules.context import DateFinder, PlaceFinder, not_after
from newswire_extractor.rules.document import Article, sentence_bounds
from newswire_extractor.rules.lang import load_language
from newswire_extractor.rules.lexicon import Lexicon
from newswire_extractor.rules.merge import merge_mentions
from newswire_extractor.rules.modality import (
    REPORTING_VERBS,
    attribution,
    conditional,
    modality,
)
from newswire_extractor.rules.quantities import FoundQuantity, find_quantities
from newswire_extractor.rules.readings import Readings
from newswire_extractor.rules.senses import load_senses
from newswire_extractor.rules.syntax import (
    CLAUSE_DEPS,
    children,
    lemma,
    path_to,
    phrase_bounds,
    prep_objects,
    through_quantifier,
)
from newswire_extractor.rules.triggers import Match, TriggerMatcher

_STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "IGO", "SPY"})
_WEAPON_DOERS = frozenset(load_language("en")["senses.weapon_doers"])
_ACCOUNTABLE_SECTORS = frozenset({"GOV", "MIL", "IGO"})
_MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
# Groups that protest where they live.
_LOCAL_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REL", "PTY", "BUS", "REF"})
# Reactions whose object may be an earlier event ('rejected the demand').
_REACTIONS = frozenset({"REJECT", "ACCUSE", "SUPPORT", "AGREE"})
# Nouns that refer back to an earlier event, with the types it may have (empty: any type).
_ANY: frozenset[str] = frozenset()
_REFERENCE_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(["demand", "request", "call", "appeal", "ultimatum"], frozenset({"REQUEST"})),
    **dict.fromkeys(
        ["accusation", "allegation", "claim", "charge", "criticism"], frozenset({"ACCUSE"})
    ),
    **dict.fromkeys(["sanction", "designation", "expulsion", "ban"], frozenset({"SANCTION"})),
    **dict.fromkeys(["offer", "pledge", "promise"], frozenset({"AGREE"})),
    **dict.fromkeys(["withdrawal", "pullout", "release"], frozenset({"RETREAT"})),
    **dict.fromkeys(
        ["attack", "strike", "assault", "shelling", "bombing", "raid", "offensive", "airstrike"],
        frozenset({"ASSAULT"}),
    ),
    **dict.fromkeys(["arrest", "detention", "crackdown"], frozenset({"COERCE"})),
    **dict.fromkeys(["deployment", "buildup", "build-up", "drill"], frozenset({"MOBILIZE"})),
    **dict.fromkeys(["threat", "warning"], frozenset({"THREATEN"})),
    **dict.fromkeys(["concession"], frozenset({"CONCEDE"})),
    **dict.fromkeys(["resignation"], frozenset({"RETREAT"})),
    **dict.fromkeys(
        [
            "decision",
            "move",
            "announcement",
            "step",
            "measure",
            "plan",
            "proposal",
            "deal",
            "agreement",
            "statement",
            "remark",
        ],
        _ANY,
    ),
}
# Events that are news even when no one named does them ('a bomb killed 12 people').
_UNNAMED_OK = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# Material acts can be aimed at a town ('shelled Kharkiv', 'withdrew from Kherson').
_PLACE_TARGETS = _MATERIAL_CONFLICT | {"RETREAT", "AID"}
_DIG_PREPS = frozenset({"from", "by", "of", "with", "to", "against", "on", "between", "for", "in"})
_MAX_TRIGGER_TOKENS = 6
_DEPTH_PENALTY = 0.85
_KEPT_PENALTY = 0.85
_FREE_NOUN_PENALTY = 0.9
# Sectors whose common noun before an event noun names its doer ('a government assault').
_MODIFIER_DOERS = frozenset({"GOV", "MIL", "COP", "SPY"})
_WILL = frozenset({"will", "shall", "'ll", "would", "'d"})
_CAN = frozenset({"can", "ca"})  # 'ca' is spaCy's token of "can't"
# An event whose own date lies this many days before publication is background.
_STALE_DAYS = 30


@dataclass
class _Draft:
    """An event before quantities are shared out among the sentence's events."""

    match: Match
    complement: Match | None
    event_type: str
    mode: str | None
    actors: list[Actor]
    targets: list[Actor]
    modality: Modality
    attribution: Attribution | None
    confidence: float
    heads: list[Token]
    future_action: Token | None = None  # the promised action, whose dates are not the event's
    quantities: list[Quantity] = field(default_factory=list)


class EventBuilder:
    """Builds the events of one article."""

    def __init__(
        self,
        article: Article,
        article_id: str,
        lexicon: Lexicon,
        resolver: ActorResolver,
        places: PlaceFinder,
        dates: DateFinder,
        quotes: Sequence[Quote] = (),
    ) -> None:
        self._article = article
        self._article_id = article_id
        self._lexicon = lexicon
        self._resolver = resolver
        self._places = places
        self._dates = dates
        self._quotes = list(quotes)
        self._matcher = TriggerMatcher(lexicon, resolver.is_actor, article.quote_index)
        self._candidates = lexicon.lemmas | {"say", "insist", "state", "declare", "tell"}
        self._history: list[Event] = []  # the events of earlier sentences, in text order
        self._lede = _lede_number(article)
        self._assertion = Assertion(load_language("en"))
        self._readings = Readings(load_language("en"))
        self._senses = load_senses("en")
        self.dropped: Counter[str] = Counter()  # why triggers gave no event (for measurement)
        self.last_drop: str | None = None

    def build(self) -> list[Event]:
        events: dict[str, Event] = {}
        for sentence in self._article.doc.sents:
            if not any(
                lemma(t) in self._candidates or t.lower_ in self._candidates for t in sentence
            ):
                continue
            for event in self._sentence_events(sentence):
                events.setdefault(event.event_id, event)
            self._history = list(events.values())
        return merge_mentions(list(events.values()))

    def _reacted_to(self, match: Match, actors: Sequence[Actor]) -> list[Actor]:
        """'Voronin dismissed the demand', 'the Kremlin rejected the accusation', 'France
        condemned the decision': the target is whoever made the demand, accusation or decision
        the article reported before."""
        objects = children(match.head, "dobj", "nsubjpass") if not match.is_noun else []
        objects += list(prep_objects(match.word, {"of", "to"})) if match.is_noun else []
        for obj in objects:
            wanted = _REFERENCE_NOUNS.get(lemma(obj))
            definite = any(c.dep_ in ("det", "poss") for c in obj.children)
            if wanted is None or not definite:
                continue
            own = {(a.name, a.country) for a in actors}
            for earlier in reversed(self._history):
                if wanted and earlier.event_type not in wanted:
                    continue
                parties = [a for a in earlier.actors if (a.name, a.country) not in own]
                if not wanted and earlier.event_type in _REACTIONS:
                    # 'the tories would back the government's plans … they decided to support
                    # the plans': an earlier reaction to the plans names their maker as its
                    # target, not as its actor.
                    parties = [a for a in earlier.targets if (a.name, a.country) not in own]
                if parties:
                    start, end = phrase_bounds(obj)
                    span = obj.doc[start:end]
                    return [
                        a.model_copy(
                            update={
                                "text": span.text,
                                "start": span.start_char,
                                "end": span.end_char,
                            }
                        )
                        for a in parties
                    ]
        return []

    def _sentence_events(self, sentence: Span) -> list[Event]:
        matches = self._matcher.matches(sentence)
        if trace.active():
            for m in matches:
                if m.governor is not None and not m.governor.rule.keep_complement:
                    self._note("link", f"complement of {m.governor.event_type}", m, m.event_type)
        drafts = [
            self._draft(m) for m in matches if m.governor is None or m.governor.rule.keep_complement
        ]
        drafts = [d for d in drafts if self._asserted(d)]
        _share_quantities(drafts, find_quantities(sentence) if drafts else [])
        events = [(self._public(_political(self._event(d, sentence))), d) for d in drafts]
        for event, draft in events:
            if event is None:
                self._note("political", "no political participant", draft.match, draft.event_type)
        kept = [(e, d) for e, d in events if e is not None and self._current(e, d)]
        separate = _coordinated(kept)
        return _merge_repeats([e for e, _ in kept], separate)

    def _public(self, event: Event | None) -> Event | None:
        """A family call or a personal plea with no political party on either side is no event
        ('I spoke to him on the phone', his mother said)."""
        if event is None:
            return None
        parties = [*event.actors, *event.targets]
        return None if self._senses.private_act(event.event_type, parties) else event

    # ------------------------------------------------------------------ assertion
    def _asserted(self, draft: _Draft) -> bool:
        """No event by default: the clause must assert it and someone must do it.

        Negated, hypothetical and future events are dropped, not emitted with a flag: a record
        that looks like a fact must be one. What PLOVER codes as a present act stays: a promise
        (AGREE), a threat (THREATEN), a refusal ('will not accept': REJECT).
        """
        stage = "assertion"
        planned = draft.modality.future
        lede = self._article.sentence_number(draft.match.head) == self._lede
        undated = self._article.published is None
        reason = self._assertion.reason(
            draft.match, draft.event_type, planned=planned, lede=lede, undated_story=undated
        )
        if reason is None:
            stage = "readings"
            reason = self._readings.reason(
                draft.match, draft.event_type, draft.targets
            ) or self._senses.reason(draft.match, draft.event_type)
        if reason == "purpose" and self._assertion.planned(draft.match):
            reason = None
            draft.modality = draft.modality.model_copy(update={"future": True})
        if reason is None:
            stage = "modality"
        if reason is None and draft.modality.negated:
            reason = "negated"
        if reason is None and draft.modality.hypothetical:
            reason = "hypothetical"
        if reason is None and draft.modality.future:
            reason = "future"
        if reason is None and not draft.actors and not (_sourced(draft) or _armed(draft)):
            stage, reason = "actor", "no actor"
        if reason is not None:
            self.dropped[reason] += 1
            self.last_drop = reason
            self._note(stage, reason, draft.match, draft.event_type, draft.actors)
        return reason is None

    def _note(
        self,
        stage: str,
        reason: str,
        match: Match,
        event_type: str,
        actors: Sequence[Actor] = (),
    ) -> None:
        """Tell the drop trace (``rules/trace.py``) why this trigger gave no event."""
        if not trace.active():
            return
        start, end = sentence_bounds(match.head.sent)
        trace.dropped(
            stage,
            reason,
            event_type,
            trigger=" ".join(t.text for t in match.tokens),
            start=match.word.idx,
            actors=[f"{a.name}/{a.country or '-'}" for a in actors],
            sentence=self._article.text[start:end],
        )

    def _current(self, event: Event, draft: _Draft) -> bool:
        """A new event, not background: dated to well before publication ('in 2014', 'last
        year', 'in March' of an article of May, or a date it takes from the sentence before:
        'In 1963 the army seized power. It opened talks with the rebels'), it is retold; so is
        an undated event of a history story (an obituary, a profile, an essay: most of its
        dates are months or years old), except in the lede."""
        published = self._article.published
        occurred = event.occurred
        if published is None:
            return True
        if occurred.date is None:
            lede = self._article.sentence_number(draft.match.head) == self._lede
            if lede or self._dates.is_news():
                return True
            reason = "undated in a history story"
        elif occurred.precision == "unknown" or not self._stale(occurred, published):
            return True
        elif self._dated_in_clause(occurred, draft):
            reason = "dated before publication"
        else:
            reason = "takes an old date"
        self.dropped[reason] += 1
        self._note("background", reason, draft.match, draft.event_type)
        return False

    @staticmethod
    def _stale(occurred: Occurred, published: date) -> bool:
        return (published - _latest_day(occurred)).days > _STALE_DAYS

    def _dated_in_clause(self, occurred: Occurred, draft: _Draft) -> bool:
        sentence = draft.match.head.sent
        return any(
            ent.label_ == "DATE"
            and ent.text == occurred.text
            and any(path_to(ent.root, h) for h in draft.heads)
            for ent in self._article.entities_within(sentence.start, sentence.end)
        )

    # ------------------------------------------------------------------ drafting
    def _draft(self, match: Match) -> _Draft:
        complement = match.complement if not match.rule.keep_complement else None
        actors, targets = self._participants(match, complement)
        event_type, mode = self._type(match, complement, actors)
        if not targets and event_type in _REACTIONS:
            targets = self._reacted_to(match, actors)
        flags = self._flags(match, complement)
        planned = flags.future or flags.hypothetical
        said = self._attribution(match)
        if not actors and event_type == "AID" and said is not None and _institution(said.speaker):
            # 'A convoy reached Tawila, the World Food Programme said': the agency's own aid.
            actors = [said.speaker]  # type: ignore[list-item]
        announced = bool(
            said
            and said.speaker
            and (_same_actor(said.speaker, actors) or any(_speakers_own(a) for a in actors))
        )
        event_type, mode, flags = self._future(
            match, complement, event_type, mode, flags, announced=announced
        )
        future_action = None
        if complement is not None and match.rule.commit:
            future_action = complement.head
        elif planned and not (flags.future or flags.hypothetical):
            future_action = match.head
        if event_type == "AGREE" and flags.negated:
            # 'will not accept', 'did not agree': a refusal that happened (PLOVER REJECT).
            event_type, mode = "REJECT", None
            flags = flags.model_copy(update={"negated": False, "future": False})
        actors, targets = _arrange(
            match, event_type, actors, targets, self._resolver.is_place, self._resolver.as_country
        )
        return _Draft(
            match=match,
            complement=complement,
            event_type=event_type,
            mode=mode,
            actors=actors,
            targets=targets,
            modality=flags,
            attribution=said,
            confidence=self._confidence(match, actors, targets),
            heads=[match.head] + ([complement.head] if complement is not None else []),
            future_action=future_action,
        )

    def _participants(
        self, match: Match, complement: Match | None
    ) -> tuple[list[Actor], list[Actor]]:
        actor_tokens, target_tokens = match_arguments(match)
        if complement is not None and not target_tokens:
            inner_targets = match_arguments(complement)[1]
            target_tokens = [t for t in inner_targets if t not in actor_tokens]
        actors = self._actors(actor_tokens)
        if not actors:
            # The event noun itself, or the event noun that is the verb's subject ('regime
            # airstrikes hit the hospital').
            nouns = (
                [match.word] if match.is_noun else [t for t in actor_tokens if self._event_noun(t)]
            )
            for noun in nouns:
                actors += self._modifier_actors(noun, match.event_type)
        targets = [t for t in self._targets(target_tokens) if not _same_actor(t, actors)]
        if not targets and actors and not match.is_noun:
            owner = self._resolver.owner_for(match.head, target_tokens, actors)
            targets = [owner] if owner is not None else []  # 'accepted his decision'
        if match.event_type == "RETREAT":
            # 'We have started returning United States troops home': a side's own forces are
            # what it moves, not whom it gives way to.
            own = {a.country for a in actors if a.country}
            targets = [t for t in targets if not (t.country in own and t.sector == "MIL")]
        return actors, targets

    def _event_noun(self, token: Token) -> bool:
        lexicon = self._lexicon
        return bool(lexicon.noun_rules(lemma(token)) or lexicon.noun_rules(token.lower_))

    def _modifier_actors(self, noun: Token, event_type: str) -> list[Actor]:
        """'a government assault on Idlib', 'a police crackdown', 'army shelling': a state or
        armed body named by a common noun before the event noun is its doer ('rebel attacks'
        too, but 'militant arrests' are arrests of militants, and 'prisoner release' frees
        the prisoners)."""
        doers = _MODIFIER_DOERS | ({"REB"} if event_type == "ASSAULT" else set())
        found = []
        for token in children(noun, "compound", "nmod"):
            if token.pos_ != "NOUN" or token.tag_ in ("NNS", "NNPS"):
                continue
            found += [a for a in self._resolver.resolve(token) if a.sector in doers]
        return _unique([a for a in found if not self._resolver.is_place(a)])

    @staticmethod
    def _flags(match: Match, complement: Match | None) -> Modality:
        flags = modality([match.head, match.word] if match.is_noun else [match.head])
        if complement is not None and not flags.negated and modality([complement.head]).negated:
            flags = flags.model_copy(update={"negated": True})  # 'agreed not to attack'
        return flags

    def _actors(self, tokens: Sequence[Token]) -> list[Actor]:
        """Actors named by subject tokens; 'US drone attacks killed ...' -> the US."""
        found: list[Actor] = []
        if len(tokens) > 1:
            # 'Just before Christmas the UN acknowledged': the parser's second subject right
            # after a preposition is that preposition's object.
            tokens = [t for t in tokens if not _after_preposition(t)] or list(tokens)
            tokens = [t for t in tokens if not _title_before_name(t, tokens)]
        for token in tokens:
            found += self._resolver.resolve(token) or self._dig(token, 0, named_only=True)
        return _unique([a for a in found if not self._resolver.is_place(a)])

    def _targets(self, tokens: Sequence[Token]) -> list[Actor]:
        """Named recipients first; only if there are none, look inside the objects."""
        found: list[Actor] = []
        for token in tokens:
            found += self._resolver.resolve(token)
        if not found:
            for token in tokens:
                found += self._dig(token, 0)
        return _unique(found)

    def _dig(self, token: Token, depth: int, *, named_only: bool = False) -> list[Actor]:
        """'rejected North Korea's demand' -> North Korea: actors inside a non-actor phrase.

        For subjects (``named_only``) only possessors and named modifiers count, so 'a bomb in
        the market killed ...' does not make the market an actor.
        """
        if depth > 1:
            return []
        inner = through_quantifier(token)
        if inner != token:
            found = self._resolver.resolve(inner)
            if found:
                return found
        preps = [] if named_only else list(prep_objects(token, _DIG_PREPS))
        # 'the three regional powers – Russia, Iran and Turkey – met': the apposition names them.
        named = [a for c in children(token, "appos") for a in self._resolver.resolve(c)]
        named = [a for a in named if a.country or a.kind == "IGO"]
        if named:
            return named
        for candidate in [*children(token, "poss"), *preps]:
            found = self._resolver.resolve(candidate) or self._dig(
                candidate, depth + 1, named_only=named_only
            )
            if found:
                return found
        # Modifiers count only when they name someone: 'Iranian oil', not 'drone strike'.
        for candidate in children(token, "amod", "compound", "nmod"):
            named = [a for a in self._resolver.resolve(candidate) if a.country or a.kind == "IGO"]
            if named:
                return named
        return []

    def _type(
        self, match: Match, complement: Match | None, actors: Sequence[Actor]
    ) -> tuple[str, str | None]:
        lexicon = self._lexicon
        event_type, mode = match.event_type, match.rule.mode
        inner_type = complement.event_type if complement is not None else self._object_type(match)
        directed = complement is not None and complement.event_type in _MATERIAL_CONFLICT
        if complement is not None and match.rule.directive and directed:
            # An ordered arrest or strike is coded as that action, by whoever ordered it.
            return complement.event_type, complement.rule.mode
        if complement is not None and match.rule.commit:
            committed = lexicon.future.get(complement.event_type, complement.event_type)
            if committed == "THREATEN":
                return committed, complement.rule.threat_mode or lexicon.threat_modes.get(
                    complement.event_type
                )
            if committed == "CONCEDE" and match.event_type == "AGREE":
                # 'agreed to release', 'offered to return', 'ready to withdraw': an explicit
                # agreement is AGREE; only announced retreats ('said it would withdraw') are
                # CONCEDE (PLOVER manual, AGREE and RETREAT).
                return "AGREE", None
            same = committed == complement.event_type
            return committed, complement.rule.mode if same else None
        if event_type in ("REQUEST", "REJECT") and mode is None and inner_type:
            mode = lexicon.request_modes.get(inner_type)
        if event_type == "THREATEN" and mode is None and complement is not None:
            mode = complement.rule.threat_mode or lexicon.threat_modes.get(complement.event_type)
        if match.rule.state_type and any(_is_state(a) for a in actors):
            return match.rule.state_type, "disapprove"
        return event_type, mode or self._cued_mode(event_type, match, complement)

    def _cued_mode(self, event_type: str, match: Match, complement: Match | None) -> str | None:
        """A mode from the words around the trigger: 'killed in a car bomb' -> explosives."""
        cues = self._lexicon.mode_cues.get(event_type)
        if not cues:
            return None
        words: set[str] = set()
        for head in [match.head, *([complement.head] if complement is not None else [])]:
            for token in head.subtree:
                words.add(lemma(token))
                words.add(str(token.lower_))
        for mode, cue_words in cues:
            if words & cue_words:
                return mode
        return None

    def _object_type(self, match: Match) -> str | None:
        """The event type a trigger's object names ('rejected the talks' -> CONSULT)."""
        for obj in children(match.head, "dobj", "nsubjpass"):
            for rule in self._lexicon.noun_rules(lemma(obj)):
                return rule.event_type
        return None

    def _future(
        self,
        match: Match,
        complement: Match | None,
        event_type: str,
        mode: str | None,
        flags: Modality,
        *,
        announced: bool,
    ) -> tuple[str, str | None, Modality]:
        """PLOVER codes announced future actions by what is committed to (AGREE, CONCEDE, ...).

        The commitment itself has happened, so the re-typed event is not flagged future. A future
        use of force is a THREATEN only when its actor announces it or it is conditional; an
        expectation ('the army is expected to attack') stays an ASSAULT flagged future.
        """
        if complement is not None and match.rule.commit:
            return event_type, mode, flags
        future_type = self._lexicon.future.get(event_type)
        if flags.negated and flags.future and future_type in ("AGREE", "CONCEDE"):
            # 'said it would not negotiate': a refusal (PLOVER REJECT), which has happened.
            mode = self._lexicon.request_modes.get(event_type)
            return "REJECT", mode, flags.model_copy(update={"negated": False, "future": False})
        if flags.negated or not (flags.future or flags.hypothetical):
            return event_type, mode, flags
        if event_type == "REJECT" and mode == "meet" and _willed(match, flags):
            # 'will boycott the summit', 'said it would skip the talks': the refusal to take
            # part is decided and told; like 'will not attend' it has happened (PLOVER REJECT).
            return event_type, mode, flags.model_copy(update={"future": False})
        if flags.hypothetical:
            # 'may halt mediation if ...', 'will boycott unless ...': a conditional threat.
            if future_type != "THREATEN" or not conditional([match.head]) or _ability(match):
                return event_type, mode, flags
            return (
                future_type,
                match.rule.threat_mode or self._lexicon.threat_modes.get(event_type),
                flags.model_copy(update={"future": False, "hypothetical": False}),
            )
        if future_type is None or future_type == event_type:
            return event_type, mode, flags
        if future_type == "THREATEN" and not announced:
            return event_type, mode, flags
        if future_type == "THREATEN":
            mode = match.rule.threat_mode or self._lexicon.threat_modes.get(event_type)
        else:
            mode = None  # AGREE and CONCEDE have no modes
        return future_type, mode, flags.model_copy(update={"future": False})

    def _attribution(self, match: Match) -> Attribution | None:
        quote = self._quote_of(match)
        if quote is not None:
            return Attribution(speaker=quote.speaker, cue=quote.cue or "quote")
        governor = match.governor
        if governor is not None and governor.rule.keep_complement:
            speakers = self._actors(match_arguments(governor)[0])
            return Attribution(speaker=speakers[0] if speakers else None, cue=governor.word.text)
        return attribution(match.head, self._resolver.resolve_one)

    def _quote_of(self, match: Match) -> Quote | None:
        """The direct quote a trigger is inside: its events are the speaker's claims."""
        index = self._article.quote_index(match.head)
        return self._quotes[index] if 0 <= index < len(self._quotes) else None

    def _confidence(self, match: Match, actors: Sequence[Actor], targets: Sequence[Actor]) -> float:
        score = match.rule.strength
        if match.complement is not None:
            score = max(score, match.complement.rule.strength)
        located = any(a.country or a.sector == "IGO" for a in [*actors, *targets])
        score *= 0.6 + 0.2 * bool(actors) + 0.1 * bool(targets) + 0.1 * located
        score *= _DEPTH_PENALTY ** _depth(match)
        if match.governor is not None or self._quote_of(match) is not None:
            score *= _KEPT_PENALTY
        if match.free:
            score *= _FREE_NOUN_PENALTY
        return round(min(max(score, 0.05), 0.99), 3)

    # ------------------------------------------------------------------ events
    def _event(self, draft: _Draft, sentence: Span) -> Event:
        start, end = sentence_bounds(sentence)
        trigger, trigger_start, trigger_end = _trigger(draft, self._article.text)
        evidence = Evidence(
            text=self._article.text[start:end],
            start=start,
            end=end,
            trigger=trigger,
            trigger_start=trigger_start,
            trigger_end=trigger_end,
        )
        parties = [*draft.actors, *draft.targets]
        prefer = [a.country for a in parties if a.country]
        exclude = [
            (a.start, a.end)
            for a in parties
            if a.start is not None and a.end is not None and not self._resolver.is_place(a)
        ]
        location = self._places.locate(draft.heads, sentence, exclude, prefer)
        return Event(
            event_id=event_id_for(self._article_id, draft.event_type, start, end, trigger),
            event_type=draft.event_type,
            mode=draft.mode,
            actors=_locals(draft.actors, draft.event_type, location),
            targets=draft.targets,
            location=location,
            occurred=not_after(
                self._dates.occurred(
                    draft.heads,
                    sentence,
                    future=draft.modality.future or draft.modality.hypothetical,
                    exclude_under=draft.future_action,
                ),
                self._article.published,
            ),
            quantities=draft.quantities,
            attribution=draft.attribution,
            modality=draft.modality,
            confidence=draft.confidence,
            evidence=evidence,
        )


def _lede_number(article: Article) -> int:
    """The story's first sentence: the first one that is not only the dateline."""
    for number, sentence in enumerate(article.doc.sents):
        if not all(article.in_dateline(t) or t.is_punct or t.is_space for t in sentence):
            return number
    return 0


def _willed(match: Match, flags: Modality) -> bool:
    """Future only by the trigger's own 'will'/'shall' (or a reported 'would'), not by a plan,
    an expectation or a condition ('is expected to boycott', 'may boycott')."""
    if flags.hypothetical or match.is_noun or match.head.dep_ == "xcomp":
        return False
    return any(a.lower_ in _WILL for a in children(match.head, "aux"))


def _ability(match: Match) -> bool:
    """'can deprive a person of citizenship if …': a power the law gives, not a threat."""
    return not match.is_noun and any(a.lower_ in _CAN for a in children(match.head, "aux"))


def _after_preposition(token: Token) -> bool:
    if token.dep_ != "nsubj" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.tag_ == "IN" and before.dep_ in ("mark", "prep")


def _title_before_name(token: Token, subjects: Sequence[Token]) -> bool:
    """'The foreign secretary, Jeremy Hunt spoke …' parsed as two subjects: the title right
    before the other subject's phrase and a comma is that person's, not a second party."""
    if token.pos_ != "NOUN" and token.tag_ != "NNP":
        return False
    following = token.i + 1
    if following >= len(token.doc) or token.doc[following].text != ",":
        return False
    return any(
        other.i != token.i
        and other.ent_type_ == "PERSON"
        and phrase_bounds(other)[0] == following + 1
        for other in subjects
    )


def _sourced(draft: _Draft) -> bool:
    """'Ukraine said 20,000 children had been taken to Russia': violence or coercion whose doer
    is unnamed but which an accountable political source (a state, a body with a country, an
    international organisation) reports as fact. Its actor is unknown, not absent."""
    said = draft.attribution
    speaker = said.speaker if said is not None else None
    if draft.event_type not in _UNNAMED_OK or speaker is None or draft.match.is_noun:
        return False
    # Only a passive with its victims named: 'children had been taken', not 'the campaign was
    # launched' or 'clashes continued', nor 'no one was hurt'.
    victims = children(draft.match.head, "nsubjpass")
    if not victims or any(_nobody(v) for v in victims):
        return False
    # A ministry or an army speaking is a state source even when the text leaves its country
    # to the story ('the Ministry of Defence said a soldier was killed'); the police report
    # crime as often as politics, so they need a country.
    return bool(speaker.country or speaker.kind == "IGO" or speaker.sector in _ACCOUNTABLE_SECTORS)


def _nobody(token: Token) -> bool:
    """'no one', 'nobody', 'none', 'no soldiers': a victim denied."""
    if token.lower_ in ("nobody", "none", "noone"):
        return True
    return any(c.lower_ == "no" for c in token.children) or (
        token.lower_ == "one" and token.i > 0 and token.doc[token.i - 1].lower_ == "no"
    )


def _armed(draft: _Draft) -> bool:
    """'A roadside bomb killed two soldiers', 'officers were killed by a drone strike': a
    weapon does it, an attacker the text does not name; news when its victims are a state's
    (soldiers, police, officials, or named by country), not anyone's ('a bomb killed a man')."""
    if draft.event_type != "ASSAULT" or draft.match.is_noun:
        return False
    doers = match_arguments(draft.match)[0]
    if not doers or not all(lemma(t) in _WEAPON_DOERS for t in doers):
        return False
    return any(t.country or t.sector in _STATE_SECTORS for t in draft.targets)


def _latest_day(occurred: Occurred) -> date:
    """The last day a dated expression can mean ('2014' -> 31 December 2014)."""
    day = occurred.date
    assert day is not None
    if occurred.precision == "year":
        return date(day.year, 12, 31)
    if occurred.precision == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return day


def _bare_country(actor: Actor, countries: set[str]) -> bool:
    """Whether the actor is one of these countries named by itself ('Britain', not 'British
    officials')."""
    return actor.kind in ("GPE", "COUNTRY") and actor.country in countries


def _arrange(
    match: Match,
    event_type: str,
    actors: list[Actor],
    targets: list[Actor],
    is_place: Callable[[Actor], bool],
    country_of: Callable[[Actor], Actor],
) -> tuple[list[Actor], list[Actor]]:
    """PLOVER roles: the visitor acts ('X hosted Y': Y visits); 'X met Y' is directed (Y is the
    target), 'X and Y met' has two actors.

    A town is a target only of material acts ('shelled Kharkiv'); 'talks on the Bosphorus' and
    'return to Geneva for talks' name venues, not participants.
    """
    if match.rule.swap:
        actors, targets = targets, actors
    actors = [a for a in actors if not is_place(a)]
    if event_type == "CONSULT" or match.rule.reciprocal:
        targets = [t for t in targets if not is_place(t)]
    if event_type == "CONSULT":
        # 'the chancellor is leaving Britain on a tour of Africa': a visitor's own country,
        # named as a bare place, is where he sets out from, not whom he meets.
        own = {a.country for a in actors if a.country}
        targets = [t for t in targets if not (t.sector is None and _bare_country(t, own))]
    elif event_type not in _PLACE_TARGETS:
        # 'condemned the strike on Vilnius': the country the place belongs to.
        targets = [country_of(t) if is_place(t) else t for t in targets]
    if match.rule.reciprocal and targets and not actors and event_type == match.event_type:
        # 'Talks with Russia resumed': the one side named takes part. When both sides are named
        # the dyad is directed, as PLOVER codes it ('X met Y', 'X talked with Y': Y is the
        # target); coordinated sides ('X and Y met', 'talks between X and Y') are all actors.
        actors, targets = targets, []
    return _unique(actors), targets


def _share_quantities(drafts: Sequence[_Draft], found: Sequence[FoundQuantity]) -> None:
    """Each quantity goes to the events whose clause contains it, else to all the sentence's."""
    for item in found:
        owners = [d for d in drafts if any(_governs(h, item.anchor) for h in d.heads)]
        for draft in owners or drafts:
            draft.quantities.append(item.quantity)


def _governs(head: Token, token: Token) -> bool:
    current = token
    while current != head:
        if current.head == current:
            return False
        current = current.head
    return True


def _trigger(draft: _Draft, text: str) -> tuple[str, int, int]:
    tokens = list(draft.match.tokens)
    if draft.complement is not None:
        tokens += draft.complement.tokens
    tokens.sort(key=lambda t: t.i)
    if tokens[-1].i - tokens[0].i >= _MAX_TRIGGER_TOKENS:
        tokens = [draft.match.word]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return text[start:end], start, end


def _locals(actors: list[Actor], event_type: str, location: Location | None) -> list[Actor]:
    """Protesters and strikers are people of the place they march in ('a few hundred people
    marched in Georgetown' -> GUY), unless the text says otherwise."""
    if event_type != "PROTEST" or location is None or location.country is None:
        return actors
    if location.basis not in ("clause", "sentence", "dateline"):
        return actors
    return [
        a.model_copy(update={"country": location.country})
        if a.country is None and a.sector in _LOCAL_SECTORS
        else a
        for a in actors
    ]


def _political(event: Event) -> Event | None:
    """Political event data needs a political participant: a country, an international body or
    a known sector (government, police, rebels, civilians ...). Without one, 'talk to the
    runners' in a sports report is no CONSULT. Violence, coercion and protest by unnamed people
    still happen ('a bomb killed 12'); they stay, ranked lower."""
    parties = [*event.actors, *event.targets]
    if any(a.country or a.sector or a.kind == "IGO" for a in parties):
        return event
    if event.event_type in _UNNAMED_OK:
        return event.model_copy(update={"confidence": round(event.confidence * 0.6, 3)})
    return None


def _coordinated(events: Sequence[tuple[Event, _Draft]]) -> set[frozenset[str]]:
    """Pairs of events whose triggers are coordinated verbs ('exchanged prisoners, and Moscow
    handed over bodies'): two acts, never one repeated."""
    by_head = {d.match.head.i: e.event_id for e, d in events}
    pairs = set()
    for event, draft in events:
        head = draft.match.head
        if head.dep_ == "conj" and head.head.i in by_head:
            pairs.add(frozenset({event.event_id, by_head[head.head.i]}))
    return pairs


def _merge_repeats(events: list[Event], separate: set[frozenset[str]] | None = None) -> list[Event]:
    """One event per thing that happened: 'held talks ..., meeting for an hour' is one CONSULT.

    A weaker event of the same type whose participants the stronger one already has is folded
    into it (its quantities kept).
    """
    kept: list[Event] = []
    apart = separate or set()
    for event in sorted(events, key=lambda e: -e.confidence):
        same = next(
            (
                k
                for k in kept
                if _repeats(event, k) and frozenset({event.event_id, k.event_id}) not in apart
            ),
            None,
        )
        if same is None:
            kept.append(event)
            continue
        extra = [q for q in event.quantities if q not in same.quantities]
        if extra:
            kept[kept.index(same)] = same.model_copy(
                update={"quantities": [*same.quantities, *extra]}
            )
    order = {e.event_id: i for i, e in enumerate(events)}
    return sorted(kept, key=lambda e: order.get(e.event_id, 0))


def _repeats(event: Event, stronger: Event) -> bool:
    """The same happening told twice ('held talks …, meeting for an hour'): same type, mode
    and modality, and no actor or target the stronger mention lacks."""
    if (event.event_type, event.mode, event.modality) != (
        stronger.event_type,
        stronger.mode,
        stronger.modality,
    ):
        return False
    actors = {_key(a) for a in stronger.actors}
    targets = {_key(a) for a in [*stronger.targets, *stronger.actors]}
    return all(_key(a) in actors for a in event.actors) and all(
        _key(a) in targets for a in event.targets
    )


def _key(actor: Actor) -> tuple[str, str | None]:
    return actor.name, actor.country


def _depth(match: Match) -> int:
    """Clause boundaries above the trigger, not counting reporting verbs ('X said that ...')."""
    depth = 0
    current = match.head
    while current.head != current:
        if current.dep_ in CLAUSE_DEPS and lemma(current.head) not in REPORTING_VERBS:
            depth += 1
        current = current.head
    return depth


def _speakers_own(actor: Actor) -> bool:
    """'Maduro said his government would …': the speaker announces for their own side."""
    return actor.text.lower().startswith(("his ", "her ", "its ", "their ", "our ", "my "))


def _institution(actor: Actor | None) -> bool:
    return actor is not None and actor.kind in ("ORG", "IGO") and actor.sector is not None


def _is_state(actor: Actor) -> bool:
    return actor.kind == "GPE" or actor.sector in _STATE_SECTORS


def _same_actor(candidate: Actor, actors: Sequence[Actor]) -> bool:
    """A target that is one of the actors again ('their' after 'the delegations held talks'),
    or a pronoun read as the actors' own state ('Chinese coast guard ships fired at it' with
    'it' read as China): a state is not the target of its own forces or officials."""
    key = (candidate.name, candidate.country, candidate.sector)
    if any(key == (a.name, a.country, a.sector) for a in actors):
        return True
    own_state = (
        candidate.kind == "GPE"
        and candidate.sector is None
        and candidate.country
        and candidate.text.lower() in PRONOUNS
    )
    return bool(own_state) and any(
        a.country == candidate.country and (a.sector is None or a.sector in _STATE_SECTORS)
        for a in actors
    )


def _unique(actors: Sequence[Actor]) -> list[Actor]:
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for actor in actors:
        key = (actor.name, actor.country, actor.sector)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out
