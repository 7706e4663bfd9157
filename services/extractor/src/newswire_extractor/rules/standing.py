"""Whether a trigger names a standing state rather than one happening: a stance or readiness
('is opposed to', 'is prepared to send'), an ongoing activity ('continues to fight'), a
standing relation ('rebels backed by Ankara') or many happenings summed up ('staged several
protests', 'a series of clashes', 'have displaced 300,000 since December')."""

from __future__ import annotations

from spacy.tokens import Token

from newswire_extractor.rules.lang import Language
from newswire_extractor.rules.syntax import children, lemma
from newswire_extractor.rules.triggers import Match

_PERFECT = frozenset({"has", "have", "had", "'ve", "'s", "'d"})
_RELATION_TYPES = frozenset({"SUPPORT", "AID"})
_OBLIGING = frozenset({"must", "should", "ought"})
_FUTURE = frozenset({"will", "would", "'ll", "shall"})
# A gerund or infinitive under a stance: 'ready to help', 'close to agreeing'.
_COMPLEMENT_DEPS = frozenset({"xcomp", "pcomp"})


class Standing:
    """Checks over the trigger's own clause; each answers with a reason or None."""

    def __init__(self, language: Language) -> None:
        self._stances = language["standing.stances"]
        self._continuing = language["standing.continuing"]
        self._relations = language["standing.relations"]
        self._quantifiers = language["standing.quantifiers"]
        self._series = language["standing.series"]
        self._months = language["standing.since_months"]
        self._reporting = language["reporting.verbs"]
        self._anchors = language["standing.anchors"] | self._months
        self._vague = language["standing.vague_offers"]
        self._conditions = language["standing.offer_conditions"]

    def reason(self, match: Match, event_type: str) -> str | None:
        return (
            self._stance(match)
            or self._ongoing(match)
            or self._relation(match, event_type)
            or self._many(match)
            or self._since(match.head)
            or self._describing(match.head)
        )

    def _stance(self, match: Match) -> str | None:
        """'are opposed to the timetable', 'is prepared to dispatch jets', 'ready to help',
        'close to agreeing a date', 'activists opposed to the prime minister'."""
        word = match.word
        if self._stance_word(word) and self._predicative(word):
            return self._offer(word) if self._offered(word) else "stance"
        current = match.head
        for _ in range(3):  # 'ready to help', 'close to agreeing' (close → to → agreeing)
            if current.dep_ not in _COMPLEMENT_DEPS and current.dep_ != "prep":
                break
            current = current.head
            if self._stance_word(current) and (
                current.pos_ in ("ADJ", "ADV") or self._predicative(current)
            ):
                return self._offer(current) if self._offered(current) else "stance"
        return None

    def _offer(self, word: Token) -> str | None:
        """An offer is an act (AGREE) when it offers something: 'ready to carry out an
        exchange'. Readiness to help, cooperate or play a role offers nothing in particular,
        and readiness 'if necessary' or 'once a government is in place' is a condition."""
        offered = [c for c in children(word, "xcomp", "pcomp", "prep")]
        verbs = [v for c in offered for v in (c, *children(c, "pobj", "pcomp"))]
        if any(lemma(v) in self._vague for v in verbs):
            return "vague offer"
        if any(t.dep_ == "mark" and t.lower_ in self._conditions for t in word.subtree):
            return "conditional offer"
        return None

    def _offered(self, word: Token) -> bool:
        """'Syria says it is willing to withdraw', 'told TASS that Moscow was ready to carry out
        an exchange': readiness announced is an offer (PLOVER's AGREE); 'the US must be ready
        to mediate' is a demand. 'Iran is eager to exploit the chaos' is a view of someone."""
        clause = word.head if word.dep_ == "acomp" else word
        if {a.lower_ for a in children(clause, "aux")} & _OBLIGING:
            return True
        return clause.dep_ == "ccomp" and lemma(clause.head) in self._reporting

    def _stance_word(self, word: Token) -> bool:
        """A stance word, not negated: 'is not ready to negotiate' is a refusal."""
        if word.lower_ not in self._stances or children(word, "neg"):
            return False
        return not any(children(h, "neg") for h in (word.head,) if lemma(h) == "be")

    @staticmethod
    def _predicative(word: Token) -> bool:
        """An adjective or participle that describes its subject or noun ('is ready', 'are
        opposed', 'groups opposed to'), not a verb in the past ('committed troops')."""
        if word.dep_ in ("acomp", "amod", "acl", "oprd"):
            return True
        return any(lemma(a) == "be" for a in children(word, "aux", "auxpass", "cop"))

    def _ongoing(self, match: Match) -> str | None:
        """'continues to fight', 'has continued launching attacks'. (A present perfect
        progressive alone stays: PLOVER codes 'has been sharing expertise with' as an event.)"""
        head = match.head
        if head.dep_ == "xcomp" and lemma(head.head) in self._continuing:
            verb = head.head
            if {a.lower_ for a in children(verb, "aux")} & _FUTURE:
                return None  # 'would continue to support Guyana': announced, flagged future
            if not (self._dated(verb) or self._dated(head)):
                return "ongoing"  # 'continued to send arms last year' is dated and stays
            return None
        return None

    def _describing(self, head: Token) -> str | None:
        """'Syria, which is fighting Islamic State, dismissed the report', 'the group, which
        they accuse of targeting the president': a relative clause in the present describes
        its noun; 'where the separatists have seized control' is told as news and stays."""
        if head.dep_ != "relcl" or self._dated(head):
            return None
        auxes = children(head, "aux", "auxpass")
        if head.tag_ in ("VBZ", "VBP") and not auxes:
            return "description"
        if head.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") and lemma(a) == "be" for a in auxes):
            return "description"
        return None

    def _dated(self, token: Token) -> bool:
        """The clause has its own time: 'last year', 'on Monday', 'in March 2024'."""
        for child in children(token, "npadvmod", "prep", "advmod"):
            if any(t.lower_ in self._anchors or _year(t) for t in child.subtree):
                return True
        return False

    def _relation(self, match: Match, event_type: str) -> str | None:
        """'rebels backed by Ankara', 'US-backed forces', 'the council is backed by the
        government': a participle describing who stands behind whom."""
        word = match.word
        if event_type not in _RELATION_TYPES or lemma(word) not in self._relations:
            return None
        if word.tag_ != "VBN":
            return None
        auxes = children(word, "aux", "auxpass")
        if word.dep_ in ("acl", "amod") and not auxes:
            return "standing relation"
        if any(a.tag_ in ("VBZ", "VBP") and lemma(a) == "be" for a in auxes):
            return "standing relation"
        return None

    def _many(self, match: Match) -> str | None:
        """'several terrorist attacks', 'staged a number of marches', 'a series of clashes',
        'two months of clashes', 'there have been almost daily clashes'. (Quantified people
        are one happening: 'arrested several protesters on Monday' stays.)"""
        noun = match.word
        if not match.is_noun or noun.tag_ not in ("NNS", "NNPS"):
            return None
        if any(c.lower_ in self._quantifiers for c in children(noun, "amod", "det")):
            return "aggregate"
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            owner = noun.head.head
            if lemma(owner) in self._series and (
                owner.tag_ in ("NNS", "NNPS") or lemma(owner) not in ("day", "week")
            ):
                return "aggregate"
        if noun.dep_ in ("attr", "nsubj") and lemma(noun.head) == "be":
            verb = noun.head
            if children(verb, "expl") and {a.lower_ for a in children(verb, "aux")} & _PERFECT:
                return "aggregate"  # 'there have been clashes over the past week'
        return None

    def _since(self, head: Token) -> str | None:
        """'have displaced 300,000 since December': a perfect since a month sums up."""
        if not {a.lower_ for a in children(head, "aux")} & _PERFECT:
            return None
        for prep in children(head, "prep"):
            if prep.lower_ != "since":
                continue
            if any(o.lower_ in self._months for o in children(prep, "pobj")):
                return "running total"
        return None


def _year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text.isdigit()
