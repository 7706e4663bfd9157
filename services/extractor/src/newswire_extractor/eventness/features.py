"""One emitted event and its parsed sentence -> named features for the event filter.

The same function runs when the filter is trained (bench/eventness/train.py) and in the
extractor, so the model sees at inference exactly what it learned from. Features are binary or
in [0, 1] (no scaling needed): the trigger's tense, aspect and auxiliaries; the words that
govern it (reporting, planning, attempting, continuing verbs); frequency, background, opinion
and hedge cues (the rules' own word lists, rules/lang/en/*.toml); quotes and attribution; where
the sentence stands in the article; the event's date and its distance from publication; years
and past-time words in the sentence; the actors and targets; the event type, the trigger's
lemma and the lemmas of its auxiliaries and governors.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from newswire_contracts import Actor, Event
from newswire_extractor.rules.document import Article
from newswire_extractor.rules.lang import Language, load_language, word_data, word_set
from newswire_extractor.rules.syntax import CLAUSE_DEPS, children, first_conjunct, lemma

Features = dict[str, float]
_PERFECT = frozenset({"has", "have", "'ve", "'s"})
_YEAR_LIKE = frozenset("0123456789")


class EventFeatures:
    """Computes the features of an event; word lists are read once."""

    def __init__(self, language: Language | None = None) -> None:
        words = language or load_language("en")
        self._reporting = words["reporting.verbs"]
        self._future_aux = words["modality.future_aux"]
        self._modal_aux = words["modality.hypothetical_aux"]
        self._future_governors = words["modality.future_governors"]
        self._attempt = words["assertion.attempt"]
        self._implicative = words["assertion.implicative"]
        self._counterfactive = words["assertion.counterfactive"]
        self._generic = words["generic.adverbs"]
        self._aggregate = words["generic.aggregate"]
        self._background_adverbs = words["background.adverbs"]
        self._background_marks = words["background.marks"]
        self._negators = words["modality.negators"]
        self._condition = words["modality.condition_marks"]

        def cues(key: str) -> frozenset[str]:
            return word_set("eventness.toml", f"cues.{key}")

        self._opinion = cues("opinion")
        self._hedge = cues("hedge")
        self._ongoing = cues("ongoing")
        self._past = cues("past")
        self._recent = cues("recent")
        self._first_person = cues("first_person")
        self._pronouns = cues("pronouns")
        dates = word_data("dates.toml")
        self._news_days = frozenset(dates["weekdays"]) | frozenset(dates["relative_days"])

    def __call__(
        self,
        article: Article,
        event: Event,
        *,
        in_sentence: int = 1,
        sentences: dict[int, Features] | None = None,
    ) -> Features:
        """The event's features; ``in_sentence``: how many emitted events share its sentence;
        ``sentences``: sentence features already computed for this article (by first token)."""
        found: Features = {}
        found.update(self._event(event, article.published))
        found[f"sentence_events={min(in_sentence, 3)}"] = 1.0
        head = _trigger_head(article, event)
        if head is None:
            found["no_parse"] = 1.0
            return found
        sentence = head.sent
        found.update(self._position(article, head))
        found.update(self._verb(head))
        found.update(self._governors(head))
        cache = sentences if sentences is not None else {}
        if sentence.start not in cache:
            cache[sentence.start] = self._sentence(sentence, article)
        found.update(cache[sentence.start])
        if "sentence_year" in found:
            del found["sentence_year"]
            found[_year_place(sentence, head)] = 1.0
        if "first_person" in found and article.quote_index(head) < 0:
            found["writer_first_person"] = 1.0
        found.update(self._clause_words(head))
        return found

    # ------------------------------------------------------------------ the event record
    def _event(self, event: Event, published: date | None) -> Features:
        found: Features = {
            f"type={event.event_type}": 1.0,
            "confidence": event.confidence,
        }
        if not event.actors:
            found["no_actor"] = 1.0
        if not event.targets:
            found["no_target"] = 1.0
        found.update(self._parties("actor", event.actors))
        found.update(self._parties("target", event.targets))
        if event.mode:
            found["has_mode"] = 1.0
        if event.quantities:
            found["quantities"] = 1.0
        if event.modality.future:
            found["future"] = 1.0
        if event.mentions:
            found["mentioned_again"] = 1.0
        said = event.attribution
        if said is not None:
            found["attributed"] = 1.0
            found["cue=quote"] = float(said.cue == "quote")
            speaker = said.speaker
            if speaker is not None and any(a.name == speaker.name for a in event.actors):
                found["speaker_is_actor"] = 1.0
        found.update(_date_features(event, published))
        return found

    def _parties(self, role: str, parties: list[Actor]) -> Features:
        # Whether a party is resolved, not who it is: which kinds and sectors the rules give
        # is the actor rules' business (and the labels' sectors lowered the CV AUC).
        found: Features = {}
        for party in parties[:2]:
            if party.country:
                found[f"{role}_country"] = 1.0
            elif party.sector:
                found[f"{role}_sector_only"] = 1.0
            words = party.text.casefold().split()
            if words and words[0] in self._pronouns:
                found[f"{role}_pronoun"] = 1.0
        return found

    # ------------------------------------------------------------------ the trigger
    def _position(self, article: Article, head: Token) -> Features:
        # Relative, not absolute: a wire story of 12 sentences is news to its end, a long read's
        # later paragraphs are mostly background. The first sentence is the lead.
        number = article.sentence_number(head)
        total = max(article.sentence_number(article.doc[-1]), 1)
        found: Features = {"sentence_depth": number / total}
        if number == 0:
            found["lead_sentence"] = 1.0
        if article.quote_index(head) >= 0:
            found["in_quote"] = 1.0
        return found

    def _verb(self, head: Token) -> Features:
        """Tense, aspect and auxiliaries of the trigger (or of the verb governing an event noun)."""
        verb = head
        found: Features = {f"pos={head.pos_}": 1.0}
        if head.pos_ in ("NOUN", "PROPN"):
            if head.tag_ in ("NNS", "NNPS"):
                found["plural_noun"] = 1.0
            if head.head.pos_ in ("VERB", "AUX") and head.dep_ in ("dobj", "nsubj", "nsubjpass"):
                verb = head.head
        found[f"tag={verb.tag_}"] = 1.0
        auxes = [a.lower_ for a in children(verb, "aux", "auxpass")]
        # 'will highlight … and call for', 'has said … and rejected': a non-finite conjunct
        # without auxiliaries of its own shares the first conjunct's (and its negation).
        shares = not auxes and verb.dep_ == "conj" and verb.tag_ in ("VB", "VBN", "VBG")
        first = first_conjunct(verb) if shares else verb
        if first is not verb:
            auxes = [a.lower_ for a in children(first, "aux", "auxpass")]
        if any(a in _PERFECT for a in auxes) and verb.tag_ == "VBN":
            found["perfect"] = 1.0
        if "had" in auxes:
            found["past_perfect"] = 1.0
        if any(a in self._future_aux for a in auxes):
            found["future_aux"] = 1.0
        if any(a in self._modal_aux for a in auxes):
            found["modal_aux"] = 1.0
        if any(a in self._opinion for a in auxes):
            found["opinion_aux"] = 1.0
        if "to" in auxes:
            found["infinitive"] = 1.0
        if children(verb, "auxpass", "nsubjpass"):
            found["passive"] = 1.0
        if verb.tag_ == "VBG" and any(lemma(a) == "be" for a in children(verb, "aux")):
            found["progressive"] = 1.0
        if verb.tag_ in ("VBZ", "VBP") and not auxes:
            found["simple_present"] = 1.0
        if any(
            children(v, "neg") or any(c.lower_ in self._negators for c in v.children)
            for v in (verb, first)
        ):
            found["negated"] = 1.0
        adverbs = {c.lower_ for c in children(verb, "advmod", "npadvmod")}
        if adverbs & self._generic:
            found["generic_adverb"] = 1.0
        if adverbs & self._background_adverbs:
            found["background_adverb"] = 1.0
        for subject in children(verb, "nsubj", "nsubjpass"):
            if subject.tag_ in ("NNS", "NNPS") and not children(subject, "det", "poss"):
                found["bare_plural_subject"] = 1.0
            elif subject.tag_ in ("NNS", "NNPS"):
                found["plural_subject"] = 1.0
            if subject.lower_ in self._first_person:
                found["first_person_subject"] = 1.0
        for obj in children(verb, "dobj"):
            if obj.tag_ in ("NNS", "NNPS") and not children(obj, "det", "poss", "nummod"):
                found["bare_plural_object"] = 1.0
        clause = first_conjunct(verb)
        if clause.dep_ == "relcl":
            found["relative_clause"] = 1.0
        if clause.dep_ == "acl" or clause.dep_ == "amod":
            found["modifier_clause"] = 1.0
        if clause.dep_ == "advcl":
            marks = {m.lower_ for m in children(clause, "mark", "advmod")}
            found["adverbial_clause"] = 1.0
            if marks & self._background_marks:
                found["temporal_clause"] = 1.0
            if marks & self._condition:
                found["condition_clause"] = 1.0
        return found

    def _governors(self, head: Token) -> Features:
        """The words above the trigger: 'said that', 'plans to', 'continued to', 'tried to'."""
        found: Features = {}
        depth = 0
        current = first_conjunct(head)  # a coordinated clause is governed by what governs both
        steps = 0
        while current.head != current and steps < 8:
            step = current.dep_
            current = current.head
            steps += 1
            word = lemma(current)
            if step in CLAUSE_DEPS and word not in self._reporting:
                depth += 1
            if word in self._reporting:
                found["governor=reporting"] = 1.0
                if current.tag_ in ("VBZ", "VBP"):
                    found["reporting_present"] = 1.0
            if word in self._future_governors:
                found["governor=plan"] = 1.0
            if word in self._attempt:
                found["governor=attempt"] = 1.0
            if word in self._counterfactive:
                found["governor=counterfactive"] = 1.0
            if word in self._ongoing:
                found["governor=ongoing"] = 1.0
            if word in self._implicative:
                found["governor=implicative"] = 1.0
            if any(a.lower_ in self._opinion for a in children(current, "aux")):
                found["governor_opinion"] = 1.0
            found[f"gov={word}"] = 1.0
        found[f"depth={min(depth, 2)}"] = 1.0
        return found

    def _sentence(self, sentence: Span, article: Article) -> Features:
        found: Features = {}
        tokens = list(sentence)  # one pass over spaCy's tokens; the rest is on plain strings
        lowers = [t.lower_ for t in tokens]
        lemmas = {str(t.lemma_).casefold() for t in tokens}
        dated = any(t.ent_type_ == "DATE" for t in tokens)
        words = set(lowers)
        past = [i for i, w in enumerate(lowers) if w in self._past]
        recent = [i for i in past if self._recent_days(lowers, i)]
        if recent:
            found["sentence_recent_past"] = 1.0
        if len(recent) < len(past):
            found["sentence_past_word"] = 1.0
        for key, cues in (
            ("sentence_opinion", self._opinion),
            ("sentence_hedge", self._hedge),
            ("sentence_generic", self._generic),
            ("sentence_aggregate", self._aggregate),
            ("sentence_condition", self._condition),
            ("first_person", self._first_person),  # the writer's outside a quote (__call__)
            ("sentence_news_day", self._news_days),  # 'on Monday', 'yesterday': the story's days
        ):
            if words & cues:
                found[key] = 1.0
        if lemmas & self._ongoing:
            found["sentence_ongoing"] = 1.0
        if "?" in lowers[-3:]:
            found["question"] = 1.0
        if dated:
            found["sentence_date"] = 1.0
        years = [int(w) for w in words if _is_year(w)]
        if years:
            found["sentence_year"] = 1.0
            published = article.published
            if published is not None and min(years) < published.year:
                found["sentence_old_year"] = 1.0
        return found

    def _recent_days(self, lowers: list[str], i: int) -> bool:
        """'last week', 'earlier this month', 'earlier on Tuesday': a past word naming recent
        days."""
        following = lowers[i + 1 : i + 3]
        if following[:1] in (["this"], ["on"]):
            following = following[1:]
        return bool(following) and following[0] in self._recent

    def _clause_words(self, head: Token) -> Features:
        """The trigger's lemma, its dependency and its auxiliaries', adverbs' and markers' lemmas.
        (Lemmas of its arguments and hashed lemma bigrams of its clause were tried: on 324
        labels they lowered the cross-validated AUC, docs/event-filter-model.md.)"""
        role = first_conjunct(head).dep_
        found: Features = {f"lemma={lemma(head)}": 1.0, f"dep={role}": 1.0}
        for child in head.children:
            if child.dep_ in ("aux", "auxpass", "advmod", "neg", "mark", "prt", "det"):
                found[f"child={lemma(child)}"] = 1.0
        return found


def _trigger_head(article: Article, event: Event) -> Token | None:
    """The syntactic head of the event's trigger words."""
    evidence = event.evidence
    if evidence.trigger_start is None or evidence.trigger_end is None:
        return None
    span = article.doc.char_span(
        evidence.trigger_start, evidence.trigger_end, alignment_mode="expand"
    )
    if span is None or len(span) == 0:
        return None
    root: Token = span.root
    return root


def _year_place(sentence: Span, head: Token) -> str:
    """``clause_year`` when a year dates the trigger's own clause ('seized the town in 2014'),
    else ``other_clause_year`` ('will visit in June, the first since they split in 1961'): the
    nearest verb above the year is the trigger's clause verb (or the one it complements)."""
    own = _clause_verb(head)
    for token in sentence:
        if _is_year(token.text):
            verb = _clause_verb(token.head)
            if verb == own or (own.dep_ == "xcomp" and verb == own.head):
                return "clause_year"
    return "other_clause_year"


def _clause_verb(token: Token) -> Token:
    """The token itself if a verb, else the nearest verb above it (the root at the latest)."""
    # spaCy makes a new Token object per access: the root test compares tokens by value ('is
    # not' would always be true and a sentence without a verb would loop forever).
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


def _is_year(text: str) -> bool:
    return len(text) == 4 and set(text) <= _YEAR_LIKE and text[:2] in ("19", "20")


def _date_features(event: Event, published: date | None) -> Features:
    occurred = event.occurred
    if occurred.text or occurred.precision == "unknown":
        found: Features = {f"date_precision={occurred.precision}": 1.0}
    else:
        # No date words: the rules' fallback from the trigger's tense (present: the publication
        # day; perfect: the days before it, at month or year precision), which says how the
        # clause is told, not that it is dated (real news: 3 of 16 such 'day' events are real).
        found = {f"date_fallback={occurred.precision}": 1.0}
    if occurred.text:
        found["date_words"] = 1.0
        # The date's words in the event's own sentence, or carried over from the story's news.
        if occurred.text in event.evidence.text:
            found["date_in_sentence"] = 1.0
    if published is None or occurred.date is None:
        return found
    days = (published - occurred.date).days
    if days < 0:
        found["date_after_publication"] = 1.0
    elif occurred.text and days > 0:
        bucket = (
            "1-7" if days <= 7 else "8-30" if days <= 30 else "31-365" if days <= 365 else ">1y"
        )
        found[f"date_before={bucket}"] = 1.0
    return found
