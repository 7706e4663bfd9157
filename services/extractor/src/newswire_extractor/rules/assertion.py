"""Whether a trigger's clause asserts a new event: no questions, conditions, purposes, open
choices, negations, retold background, habits, running totals, figures of speech or natural
forces. Precision first: a missed event costs less than a false one."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from newswire_extractor.rules.discourse import Discourse
from newswire_extractor.rules.lang import Language
from newswire_extractor.rules.standing import Standing
from newswire_extractor.rules.syntax import children, lemma, noun_modifiers, prep_objects
from newswire_extractor.rules.triggers import Match

# Dependencies that lead from a clause to the clause it is embedded in.
_EMBEDDING = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "conj", "csubj"})
_MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "AID", "RETREAT", "PROTEST"})
# Acts done by saying: 'a declaration demanding that ...' states the demand it describes.
_SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "PROTEST", "THREATEN"})
_AGENTIVE = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_NOMINAL_DEPS = frozenset({"pobj", "csubj", "nsubj", "nsubjpass", "dobj", "amod"})
# 'in fighting terrorists', 'for going to fight': a gerund after these names an activity.
_ACTIVITY_PREPS = frozenset({"for", "of", "about", "in", "against", "on", "without"})
_PRESENT = frozenset({"VBZ", "VBP"})


class Assertion:
    """Clause-level checks over a parsed sentence; each answers with a reason or None."""

    def __init__(self, language: Language) -> None:
        self._condition = language["modality.condition_marks"]
        self._question = language["modality.question_marks"]
        self._negators = language["modality.negators"]
        self._reporting = language["reporting.verbs"]
        self._planning = language["modality.future_aux"] | language["modality.reported_future_aux"]
        self._implicative = language["assertion.implicative"]
        self._with_object = language["assertion.implicative_with_object"]
        self._medium_verbs = language["assertion.medium_verbs"]
        self._media = language["assertion.media"]
        self._counterfactive = language["assertion.counterfactive"]
        self._attempt = language["assertion.attempt"]
        self._warning = language["assertion.warning"]
        self._background_marks = language["background.marks"]
        self._lede_marks = language["background.lede_marks"]
        self._lede_recent = language["background.lede_recent"]
        self._lede_recent_counts = language["background.lede_recent_counts"]
        self._background_preps = language["background.preps"]
        self._background_adverbs = language["background.adverbs"]
        self._background_heads = language["background.heads"]
        self._recurring = language["generic.recurring"]
        self._unreal_modifiers = language["modality.hypothetical_modifiers"]
        self._unreal_heads = language["modality.unreal_heads"]
        self._purpose_marks = language["modality.purpose_marks"]
        self._modal_aux = language["modality.hypothetical_aux"]
        self._reported_aux = language["modality.reported_future_aux"]
        self._generic_adverbs = language["generic.adverbs"]
        self._aggregate = language["generic.aggregate"]
        self._periods = language["generic.periods"]
        self._inanimate = language["senses.inanimate"]
        self._abstract = language["senses.abstract_objects"]
        self._figurative = language["senses.figurative_particles"]
        self._weapons = language["senses.weapons"]
        self._verdicts = language["senses.verdicts"]
        self._violent = language["senses.violent_modifiers"]
        self._standing = Standing(language)
        self._discourse = Discourse(language)

    def reason(
        self,
        match: Match,
        event_type: str,
        *,
        planned: bool,
        lede: bool = False,
        undated_story: bool = False,
    ) -> str | None:
        """Why the trigger's clause does not assert a new event of this type, or None.

        ``planned``: the event is already flagged future (kept, flagged), so a plan's infinitive
        ('plans to visit') is not dropped as a purpose. ``lede``: the trigger is in the story's
        first sentence, whose 'after'/'when' clause tells the news's own trigger, not history.
        ``undated_story``: the article has no publication date, so a month of its own ('in
        December') cannot be checked against it.
        """
        found = (
            self._asked(match)
            or self._conditioned(match)
            or self._denied(match)
            or self._possible(match)
            or (None if planned else self._intended(match))
            or self._tried(match)
            or self._retold(match, lede=lede)
            or self._habitual(match, event_type)
            or self._standing.reason(match, event_type)
            or self._discourse.reason(match, event_type, lede=lede, undated_story=undated_story)
            or self._figurative_sense(match, event_type)
            or self._natural_force(match, event_type)
        )
        return found

    # ------------------------------------------------------------------ checks
    def _asked(self, match: Match) -> str | None:
        """'Why are we bombed by planes?': a question asserts nothing."""
        sentence = match.head.sent
        doc = sentence.doc
        last = next(  # the sentence's last token that is not a space or a quote mark
            (t for i in range(sentence.end - 1, sentence.start - 1, -1) if not _blank(t := doc[i])),
            None,
        )
        if last is not None and last.text == "?":
            return "question"
        # '"Why are we fighting for them?" he asked': a quoted question inside a sentence, and
        # the asking of it is no request.
        for token in sentence.doc[match.head.i + 1 : sentence.end]:
            if token.text == "?":
                return "question"
            if token.text in (".", "!", ";", "(") or token.is_quote:
                break
        if lemma(match.word) == "ask" and any(
            t.text == "?" for t in sentence.doc[sentence.start : match.word.i]
        ):
            return "question"
        return None

    def _conditioned(self, match: Match) -> str | None:
        """'If the UN ... are able to reach agreement': a condition or an open choice."""
        for clause in _clauses(match.head):
            marks = {m.lower_ for m in children(clause, "mark")}
            if clause.dep_ == "advcl" and marks & self._condition:
                return "condition"
            if marks & {"whether"} or (clause.dep_ == "ccomp" and marks & self._question):
                return "open question"
        return None

    def _denied(self, match: Match) -> str | None:
        """'has not yet said it attacked', 'failed to stop': a negated or unrealised governor.
        (A negation on the trigger itself is in its modality; AGREE then becomes REJECT.)"""
        current = match.head
        while current.dep_ in ("xcomp", "ccomp") and current.head != current:
            current = current.head
            if children(current, "neg") or any(
                c.lower_ in self._negators for c in children(current, "advmod")
            ):
                return "negated governor"
        for clause in _clauses(match.head):
            if clause.dep_ == "xcomp" and lemma(clause.head) in self._counterfactive:
                return "unrealised"
        return None

    def _possible(self, match: Match) -> str | None:
        """'a potential Turkish attack', 'the prospect of an operation', 'so we can stop
        people being investigated', 'the army could then attack': a possibility, not a fact."""
        word = match.word
        if match.is_noun:
            if any(c.lower_ in self._unreal_modifiers for c in children(word, "amod")):
                return "possibility"
            anchor = word
            while anchor.dep_ == "conj":
                anchor = anchor.head
            if anchor.dep_ == "pobj" and lemma(anchor.head) == "of":
                if lemma(anchor.head.head) in self._unreal_heads:
                    return "possibility"
                if lemma(anchor.head.head) in self._background_heads:
                    return "background phrase"
        for clause in list(_clauses(match.head))[1:]:
            if clause.dep_ == "advcl" and any(
                m.lower_ in self._purpose_marks for m in children(clause, "mark")
            ):
                return "purpose"
            modals = {a.lower_ for a in children(clause, "aux")} & self._modal_aux
            if modals - self._reported_aux or (modals and not self._reported(clause)):
                return "possibility"
        head = match.head
        if head.dep_ == "advcl" and any(
            m.lower_ in self._purpose_marks for m in children(head, "mark")
        ):
            return "purpose"
        return None

    def _intended(self, match: Match) -> str | None:
        """'trying to force them', 'a campaign to drive Isis out', 'in order to press': an
        infinitive is a purpose, attempt or wish unless its head says it happened."""
        head = match.head
        if not any(a.lower_ == "to" for a in children(head, "aux")):
            return None
        if head.dep_ not in ("xcomp", "advcl", "acl", "relcl", "ccomp", "conj", "ROOT"):
            return None
        governor = head.head
        if head.dep_ in ("xcomp", "acl") and lemma(governor) in self._implicative:
            return None
        if head.dep_ == "xcomp" and governor.pos_ == "AUX" and lemma(governor) == "be":
            return None  # 'is to visit' is a plan, flagged future elsewhere
        if head.dep_ in ("xcomp", "advcl") and self._done_by_means(governor):
            return None
        return "purpose"

    def _done_by_means(self, governor: Token) -> bool:
        """'used a televised address to castigate', 'took to Twitter to denounce': in the
        simple past, what one used something for or went on a medium to say was done."""
        if governor.tag_ != "VBD" or children(governor, "aux", "auxpass", "neg"):
            return False
        word = lemma(governor)
        if word in self._with_object:
            return bool(children(governor, "dobj"))
        if word in self._medium_verbs:
            return any(lemma(o) in self._media for o in prep_objects(governor, {"to", "on"}))
        return False

    def _tried(self, match: Match) -> str | None:
        """'is seeking to hand over suspects': an attempt names no act; 'warned that more
        deaths are likely': a prediction threatens no one."""
        word = lemma(match.word)
        if match.is_noun:
            return None
        head = match.head
        if word in self._attempt and children(head, "xcomp") and not children(head, "dobj"):
            return "attempt"
        current = head
        while current.head != current:
            if current.dep_ == "conj" and current.head.dep_ == "xcomp":
                current = current.head  # 'hoped to blend in ... and leave'
            if current.dep_ != "xcomp":
                break
            current = current.head
            if lemma(current) in self._attempt:
                return "attempt"  # 'trying to force them to surrender'
        if match.complement is not None:
            return None
        if word in self._warning and match.event_type == "THREATEN":
            addressed = children(match.head, "dobj", "dative") or children(match.head, "xcomp")
            states = [c for c in children(match.head, "ccomp") if lemma(c) == "be"]
            if not addressed and states:
                return "prediction"  # 'warned (that) repatriation would be difficult'
        return None

    def _retold(self, match: Match, *, lede: bool = False) -> str | None:
        """'when it took control of Deraa', 'one month after Trump's announcement', 'had
        seized', 'has previously refused': background told around the news. In the lede a
        finite 'after'/'when' clause is the news's own trigger ('vowed revenge after rebels
        seized the city', 'were killed when US forces carried out air strikes last week');
        its date, if old, still makes it background (events.py)."""
        head = match.head
        described = False  # passed a clause or participle describing a noun ('promised by')
        for clause in _clauses(head):
            marks = {m.lower_ for m in children(clause, "mark", "advmod") if m.i < clause.i}
            if clause.dep_ == "advcl" and marks & self._background_marks:
                if lede and not described and self._fresh_trigger(clause, marks):
                    continue
                return "background clause"
            described = described or clause.dep_ in ("acl", "relcl")
            if clause.dep_ == "pcomp" and clause.head.lower_ in self._background_preps:
                # 'after the rebels swept into the city' parsed with 'after' as a preposition
                preposition = {clause.head.lower_}
                if lede and not described and self._fresh_trigger(clause, preposition):
                    continue
                return "background clause"
        for word in {match.word, head}:
            anchor = word
            while anchor.dep_ == "conj":
                anchor = anchor.head
            if anchor.dep_ == "pobj" and anchor.head.lower_ in self._background_preps:
                return "background phrase"
        if any(c.lower_ in self._background_adverbs for c in children(head, "advmod")):
            return "background adverb"
        auxes = [a.lower_ for a in children(head, "aux")]
        if "had" in auxes and head.tag_ == "VBN" and not self._reported(head):
            return "past perfect"  # 'said it had moved troops' is a reported past, not background
        return None

    def _fresh_trigger(self, clause: Token, marks: set[str]) -> bool:
        """A finite simple-past or present-perfect 'after'/'when' clause or an active 'after'
        gerund (not 'had seized', not 'after being convicted')."""
        auxes = {a.lower_ for a in children(clause, "aux", "auxpass")}
        # 'declared victory on Saturday after capturing the last village': the doer's own
        # act just before the news (not 'after being convicted')
        active_gerund = (
            clause.tag_ == "VBG" and clause.dep_ == "pcomp" and "after" in marks and not auxes
        )
        tags = ("VBD", "VBN", "VBZ", "VBP")
        if not marks & self._lede_marks or not (clause.tag_ in tags or active_gerund):
            return False
        if "had" in auxes:
            return False
        markers = [m for m in children(clause, "mark", "advmod") if m.lower_ in marks]
        if clause.dep_ == "pcomp":
            markers.append(clause.head)
        set_back = [n for t in [clause, *markers] for n in children(t, "npadvmod")]
        if not all(self._recent(n) for n in set_back):
            return False  # 'three months after Kurdish fighters seized it': told as earlier
        # A participle needs an auxiliary ('has been charged') or its own subject (a past
        # tense tagged as a participle: 'after the rebels swept into'); 'after being
        # convicted' has neither.
        return clause.tag_ != "VBN" or bool(auxes - {"being"}) or bool(children(clause, "nsubj"))

    def _recent(self, period: Token) -> bool:
        """'a day after', 'hours after', 'two days after': still the news's own time."""
        counts = children(period, "nummod", "det", "amod")
        return period.lower_ in self._lede_recent and all(
            c.lower_ in self._lede_recent_counts for c in counts
        )

    def _reported(self, token: Token) -> bool:
        """Whether a reporting verb governs the token's clause ('said (that) ...')."""
        current = token
        while current.dep_ in ("ccomp", "conj", "xcomp", "parataxis") and current.head != current:
            current = current.head
            if lemma(current) in self._reporting:
                return True
        return False

    def planned(self, match: Match) -> bool:
        """'would travel next week to meet the leader', 'will send troops to secure': the purpose
        of a planned act is planned too (kept, flagged future)."""
        governor = match.head.head
        return any(a.lower_ in self._planning for a in children(governor, "aux"))

    def _habitual(self, match: Match, event_type: str) -> str | None:
        """'have repeatedly hit civilian targets', 'an estimated 400,000 have been killed',
        'forces fighting to eradicate terrorism': habits, totals and descriptions."""
        head = match.head
        if any(c.lower_ in self._generic_adverbs for c in children(head, "advmod")):
            return "habitual"
        for modifier in children(head, "npadvmod", "advmod"):
            if any(d.lower_ in self._recurring for d in children(modifier, "det")):
                return "habitual"  # 'bombed every five minutes'
        for clause in _clauses(head):
            if clause.dep_ == "relcl" and _restrictive(clause):
                return "description"
            if clause.pos_ in ("NOUN", "PROPN"):
                break
        describing = head.dep_ == "acl" or (
            head.dep_ == "advcl" and lemma(head.head) in self._reporting
        )
        # 'forces fighting to defeat Isis', 'the SDF, fighting Isis, said'
        speech = event_type in _SPEECH_ACTS
        dated = _own_date(head)  # 'leaders meeting in Abuja on Thursday ordered': a happening
        if head.tag_ == "VBG" and not has_aux(head) and describing and not speech and not dated:
            return "description"
        if self._counts_up(head):
            return "aggregate"
        if match.is_noun and head is match.word:
            return None
        aux = has_aux(head)
        nominal = head.dep_ in _NOMINAL_DEPS or (
            head.dep_ == "pcomp" and head.head.lower_ in _ACTIVITY_PREPS
        )
        if head.tag_ == "VBG" and not aux and nominal and not (dated and children(head, "nsubj")):
            return "generic gerund"
        if event_type in _MATERIAL and head.tag_ in _PRESENT and not aux:
            return "generic present"
        return None

    def _counts_up(self, head: Token) -> bool:
        """A perfect that sums up: 'have been killed since 2011', 'so far', 'an estimated'."""
        if not any(a.lower_ in ("has", "have", "'ve") for a in children(head, "aux")):
            return False
        for child in head.children:
            since = child.lower_ == "since" and child.dep_ in ("prep", "mark")
            if child.dep_ == "advcl" and any(m.lower_ == "since" for m in children(child, "mark")):
                since = True
            if since and any(_year(t) for t in child.subtree):
                return True  # 'since 2011': a running total, not 'since the talks stalled'
            if child.lower_ == "far" and any(x.lower_ == "so" for x in child.children):
                return True
            if child.dep_ == "prep" and child.lower_ in ("for", "in"):
                objects = children(child, "pobj")
                if any(lemma(o) in self._periods or lemma(o) in self._aggregate for o in objects):
                    return True  # 'for seven years', 'in total'
        for argument in children(head, "nsubj", "nsubjpass", "dobj"):
            if any(t.lower_ in self._aggregate for t in argument.subtree):
                return True
        return False

    def _figurative_sense(self, match: Match, event_type: str) -> str | None:
        """'killed off any political challenge', 'assassination strikes' (no labour strike),
        'pleaded guilty' (no plea to anyone)."""
        word = match.word
        if any(lemma(c) in self._verdicts for c in match.head.children):
            return "legal plea"
        if event_type == "PROTEST" and match.is_noun and noun_modifiers(word) & self._violent:
            return "violent strike"
        if event_type not in _AGENTIVE or match.is_noun:
            return None
        if any(lemma(c) in self._figurative for c in children(match.head, "prt")):
            return "figurative"
        objects = children(match.head, "dobj", "nsubjpass")
        if objects and all(lemma(o) in self._abstract and not _placed(o) for o in objects):
            return "figurative"
        causes = [o for o in prep_objects(match.head, {"for", "over"})]
        if not objects and causes and all(lemma(o) in self._abstract for o in causes):
            return "figurative"  # 'fighting for her job', 'battled over his role'
        return None

    def _natural_force(self, match: Match, event_type: str) -> str | None:
        """'killed when an explosion ripped through a warehouse', 'a quake destroyed ...': harm
        without an agent is no ASSAULT, COERCE or MOBILIZE."""
        if event_type not in _AGENTIVE:
            return None
        head = match.head
        causes = children(head, "nsubj")
        causes += [
            o
            for p in children(head, "agent", "prep")
            if lemma(p) in ("by", "in")
            for o in children(p, "pobj")
        ]
        if match.is_noun and not [s for s in children(head, "nsubj") if s != match.word]:
            causes.append(match.word)  # 'police opened fire': the police did it, not a fire
        for clause in children(head, "advcl"):
            causes += children(clause, "nsubj")
        for cause in causes:
            if lemma(cause) in self._inanimate and not self._caused_by_someone(cause):
                return "natural force"
        return None

    def _caused_by_someone(self, noun: Token) -> bool:
        """'an Israeli strike', 'a car bomb explosion': a modifier names who did it or a weapon."""
        for child in children(noun, "amod", "compound", "poss", "nmod"):
            if child.pos_ == "PROPN" or child.ent_type_ or lemma(child) in self._weapons:
                return True
        return False


def _clauses(token: Token) -> Iterator[Token]:
    """The token, then the heads of the clauses it is embedded in, up to the sentence root."""
    current = token
    yield current
    while current.head != current:
        step = current.dep_
        current = current.head
        if step in _EMBEDDING or current.pos_ in ("VERB", "AUX"):
            yield current


def _own_date(head: Token) -> bool:
    """A date in the verb's own phrase ('meeting in Abuja on Thursday')."""
    return any(
        o.ent_type_ in ("DATE", "TIME") for p in children(head, "prep") for o in children(p, "pobj")
    ) or any(c.ent_type_ in ("DATE", "TIME") for c in children(head, "npadvmod"))


def has_aux(token: Token) -> bool:
    return bool(children(token, "aux", "auxpass"))


def _restrictive(clause: Token) -> bool:
    """'the deal that was abandoned by the US', 'the citizens I have met': a relative clause
    that identifies its noun retells what is known; 'the strike, which killed 12' adds news."""
    first = clause.left_edge
    before = clause.doc[first.i - 1] if first.i > 0 else None
    return before is None or before.text not in (",", "—", "–", "-", "(")


def _placed(noun: Token) -> bool:
    """'the bank near Kabul', 'hit a market in Idlib': a named place makes the object a
    building (the parser often hangs the place on the verb)."""
    if _named_place(noun):
        return True
    return any(d.lower_ in ("a", "an") for d in children(noun, "det")) and _named_place(noun.head)


def _named_place(token: Token) -> bool:
    return any(
        o.pos_ == "PROPN"
        for p in children(token, "prep")
        if p.lower_ in ("in", "near", "outside", "at")
        for o in children(p, "pobj")
    )


def _year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text.isdigit()


def _blank(token: Token) -> bool:
    return bool(token.is_space or token.is_quote)
