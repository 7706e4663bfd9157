"""Statements and summaries told in the shape of an event: an opinion of what should happen
('said the law should be changed'), a running total ('had been killed since the start of the
unrest', 'have since seized') and a displacement figure ('have been forced from their homes')
are no happening, however the trigger reads."""

from __future__ import annotations

from spacy.tokens import Token

from newswire_extractor.rules.lang import Language
from newswire_extractor.rules.syntax import children, lemma, prep_objects
from newswire_extractor.rules.triggers import MUST_RULE, Match

# Material events in the simple present are handled as generic by assertion.py.
_MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "AID", "RETREAT", "PROTEST"})
_FIRST_PERSON = frozenset({"i", "we"})
# Dependencies that lead from a clause to the clause it is embedded in.
_EMBEDDING = frozenset({"xcomp", "ccomp", "advcl", "conj", "pcomp"})
_PRESENT_PERFECT = frozenset({"has", "have", "'ve"})
# Violence and coercion summed up in a present perfect.
_SUMMED = frozenset({"ASSAULT", "COERCE"})
_PERFECT = frozenset({"has", "have", "had", "'ve", "'s", "'d"})
# Entity labels of a party a demand can be addressed to: 'said Sudan must return'.
_PARTY_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


class Discourse:
    """Checks over the trigger's clause; each answers with a reason or None."""

    def __init__(self, language: Language) -> None:
        self._passive_counts = language["totals.passive_counts"]
        self._homes = language["totals.homes"]
        self._nobody = language["opinion.nobody"]
        self._under = language["terms.preps"]
        self._deals = language["terms.deals"]
        self._reporting = language["reporting.verbs"]
        self._months = language["standing.since_months"]
        self._pending_words = language["opinion.pending"]
        self._conditions = language["standing.offer_conditions"]
        self._moving = language["totals.moving"]
        self._civilians = language["totals.civilians"]
        self._anchors = language["standing.anchors"] | self._months
        self._background_preps = language["background.preps"]
        self._weekdays = language["totals.weekdays"]
        self._period_nouns = language["totals.periods"]
        self._conflicts = language["totals.conflicts"]
        self._ago_periods = language["background.ago_periods"]
        self._later_periods = language["background.later_periods"]
        self._seasons = language["background.last_periods"]
        self._any = language["refusal.any"]
        self._everything = language["refusal.everything"]
        self._fearing = language["feared.governors"]
        self._claims = language["denial.claims"]
        self._month_names = language["background.month_names"]

    def reason(
        self, match: Match, event_type: str, *, lede: bool = False, undated_story: bool = False
    ) -> str | None:
        return (
            self._opinion(match)
            or self._since(match.head)
            or self._when_of_a_past(match.head)
            or (None if lede else self._summary_perfect(match, event_type))
            or self._displaced(match)
            or self._terms(match.head)
            or self._pending(match.head)
            or self._announced_protest(match, event_type)
            or self._civilians_moving(match, event_type)
            or (None if lede else self._standing_present(match, event_type))
            or self._total_over_a_period(match, event_type)
            or self._long_ago(match.head)
            or self._told_later(match.head)
            or self._generic_refusal(match, event_type)
            or (None if lede else self._ongoing_pressure(match, event_type))
            or self._feared(match)
            or self._denial(match, event_type)
            or self._disagreement(match, event_type)
            or (self._month_of_its_own(match.head) if undated_story and not lede else None)
        )

    def _terms(self, head: Token) -> str | None:
        """'Under the agreement, Hamas is to free 50 hostages', 'under the deal the fighters will
        hand over their weapons': what a deal provides for is no happening yet. ('Under the
        truce, the army withdrew its tanks on Monday' tells what was done.)"""
        if head.tag_ == "VBD":
            return None
        for clause in _clauses(head):
            for prep in children(clause, "prep"):
                if prep.lower_ in self._under and any(
                    lemma(o) in self._deals for o in children(prep, "pobj")
                ):
                    return "terms of a deal"
        return None

    def _pending(self, head: Token) -> str | None:
        """'the sides had not yet agreed', 'is not ready to do so yet', 'neither party has yet
        signed up': what is not done yet is pending, not refused (no REJECT) and not done."""
        if not any(a.lower_ in self._pending_words for a in head.subtree if a.dep_ == "advmod"):
            return None
        negated = children(head, "neg") or any(
            d.lower_ in self._nobody or d.lower_ == "neither"
            for s in children(head, "nsubj", "nsubjpass")
            for d in (s, *children(s, "det"))
        )
        if not negated and head.dep_ in ("xcomp", "acomp"):
            negated = children(head.head, "neg")
        return "pending" if negated else None

    def _announced_protest(self, match: Match, event_type: str) -> str | None:
        """'said they would stage further protests', 'would collect signatures': a protest
        announced is a plan, not a threat (a threat names it: 'threatened to strike')."""
        if match.rule.event_type != "PROTEST" or event_type != "THREATEN":
            return None
        head = match.head
        if any(t.dep_ == "mark" and t.lower_ in self._conditions for t in head.subtree):
            return None  # 'will boycott the election unless the president resigns' threatens
        reported = head.dep_ in ("ccomp", "conj") and lemma(head.head) in self._reporting
        return "announced protest" if reported else None

    def _civilians_moving(self, match: Match, event_type: str) -> str | None:
        """'3,000 people had left the camp overnight', 'families returned to their
        neighbourhoods': civilians leaving or coming home is no RETREAT of a party."""
        if event_type != "RETREAT" or lemma(match.head) not in self._moving:
            return None
        subjects = children(match.head, "nsubj")
        if subjects and all(lemma(s) in self._civilians for s in subjects):
            return "civilians moving"
        return None

    def _total_over_a_period(self, match: Match, event_type: str) -> str | None:
        """'232 people had been killed during the fighting', 'said it had struck 1,700 targets
        over the past nine days', '1,700 people had been detained since Friday': a perfect or a
        passive over a stretch of time counts many acts, not one ('troops captured the town
        during an offensive' and 'were killed on Monday' stay)."""
        head = match.head
        if event_type not in _MATERIAL | {"SUPPORT"} or match.is_noun:
            return None
        perfect = bool({a.lower_ for a in children(head, "aux")} & _PERFECT)
        if not (perfect or _passive(head)):
            return None
        for verb in _coordinated(head):
            for prep in children(verb, "prep"):
                objects = children(prep, "pobj")
                if prep.lower_ in ("during", "throughout") and any(
                    lemma(o) in self._conflicts for o in objects
                ):
                    return "total over a period"
                if prep.lower_ in ("during", "over", "in", "throughout") and any(
                    lemma(o) in self._period_nouns
                    and any(c.lower_ in ("past", "last") for c in children(o, "amod", "det"))
                    for o in objects
                ):
                    return "total over a period"
                if (
                    prep.lower_ == "since"
                    and perfect
                    and head.tag_ != "VBG"
                    and any(t.lower_ in self._weekdays for o in objects for t in o.subtree)
                ):
                    return "total over a period"
        return None

    def _long_ago(self, head: Token) -> str | None:
        """'Ten years ago on Tuesday, fighters crossed the border', 'severed links a month ago,
        accusing it of', 'Last year, the president ordered a strike': a time set back from the
        news retells ('three weeks ago', 'last week' stay news)."""
        for clause in _clauses(head):
            for verb in (clause, *([clause.head] if clause.dep_ == "conj" else [])):
                if any(self._set_back(c) for c in children(verb, "advmod", "npadvmod")):
                    return "long ago"
        return None

    def _told_later(self, head: Token) -> str | None:
        """'Russia later supplied the system', 'were later recaptured', 'Two weeks later,
        forces seized a tanker': told after an earlier happening, the story's history ('Hours
        later, police arrested', 'Later the regime said', 'later on Monday' stay news; 'later
        said it had approved' tells when it was said)."""
        for verb in (head, *([head.head] if head.dep_ == "conj" else [])):
            for child in children(verb, "advmod"):
                if child.lower_ != "later" or self._dated(verb):
                    continue
                periods = children(child, "npadvmod")
                if any(lemma(p) in self._later_periods for p in periods):
                    return "told later"
                subjects = children(verb, "nsubj", "nsubjpass")
                if not periods and any(s.i < child.i for s in subjects):
                    return "told later"
        return None

    def _set_back(self, child: Token) -> bool:
        """'ten years ago', 'a month ago'; 'Last year, ...', 'Last winter ...' put first to set
        the scene of what follows ('continued to send arms last year', after the verb, is
        PLOVER's event of the year: the dev set codes it)."""
        if child.lower_ == "ago":
            return any(lemma(p) in self._ago_periods for p in children(child, "npadvmod"))
        if child.dep_ == "npadvmod" and lemma(child) in self._seasons and child.i < child.head.i:
            return any(a.lower_ == "last" for a in children(child, "amod", "det"))
        return False

    def _generic_refusal(self, match: Match, event_type: str) -> str | None:
        """'would not accept any arrangement that', 'will not accept anything that violates our
        sovereignty', 'will not sign a paper that works for one side only': refusing whatever
        fits a description states a position; no proposal is on the table ('would not accept
        the result', 'will not sign this bill', 'will not accept any more refugees' refuse
        one, and so does 'would never accept a leader chosen in Washington')."""
        if event_type != "REJECT" or match.is_noun or not children(match.head, "neg"):
            return None
        for obj in children(match.head, "dobj"):
            if obj.lower_ in self._everything:
                return "generic refusal"
            determiners = {d.lower_ for d in children(obj, "det")}
            if determiners & (self._any | {"a", "an"}) and children(obj, "relcl"):
                return "generic refusal"  # not 'will not accept any more refugees
        return None

    def _ongoing_pressure(self, match: Match, event_type: str) -> str | None:
        """'Moscow had been pressing Damascus to engage', 'has been lobbying the EU': past the
        lede, a demand or a charge in the perfect progressive, undated, is a campaign going on,
        not one act."""
        head = match.head
        if event_type in _MATERIAL or match.is_noun or head.tag_ != "VBG":
            return None
        auxes = {a.lower_ for a in children(head, "aux")}
        if "been" in auxes and auxes & _PERFECT and not self._dated(head):
            return "ongoing pressure"
        return None

    def _feared(self, match: Match) -> str | None:
        """'The Kurds fear attack by Turkey', 'insurance from Israeli attack', 'to prevent an
        invasion': an act feared, deterred or averted did not happen."""
        word = match.word
        if not match.is_noun:
            return None
        governor = word.head.head if word.dep_ == "pobj" else word.head
        if word.dep_ in ("dobj", "pobj") and lemma(governor) in self._fearing:
            return "feared"
        return None

    def _denial(self, match: Match, event_type: str) -> str | None:
        """'Pakistan denied any such strikes had taken place', 'denied that quote': denying a
        claim is a statement about it, not the refusal of a request (REJECT)."""
        if event_type != "REJECT" or lemma(match.word) != "deny":
            return None
        head = match.head
        if children(head, "ccomp") or any(lemma(o) in self._claims for o in children(head, "dobj")):
            return "denial of a claim"
        return None

    def _disagreement(self, match: Match, event_type: str) -> str | None:
        """'said he did not agree with politicians who objected', 'did not agree that Isis had
        been defeated': disagreeing with people or a view is an opinion, not the refusal of a
        proposal ('did not agree to the plan' and 'did not agree with the proposal' stay)."""
        word = match.word
        if event_type != "REJECT" or lemma(word) != "agree" or not children(word, "neg"):
            return None
        if children(word, "ccomp"):
            return "disagreement"
        people = [
            o
            for o in prep_objects(word, {"with"})
            if o.ent_type_ in ("PERSON", "NORP")
            or (o.tag_ == "NNS" and lemma(o) not in self._deals)
        ]
        return "disagreement" if people else None

    def _month_of_its_own(self, head: Token) -> str | None:
        """In a story with no publication date, 'in December the EU pledged', 'quit in
        December': past the lede, a clause dated by a month alone retells what came before
        the news ('in December 2004', 'on 7 December' are dates the date rules resolve)."""
        for verb in (head, *([head.head] if head.dep_ == "conj" else [])):
            for prep in children(verb, "prep"):
                if prep.lower_ == "in" and any(self._bare_month(o) for o in children(prep, "pobj")):
                    return "month of an undated story"
        sentence = [t for t in head.sent if not t.is_space]
        if len(sentence) > 2 and sentence[0].lower_ == "in" and self._bare_month(sentence[1]):
            root = sentence[0].head
            if root == head or root in head.ancestors:  # 'in october mr straw agreed'
                return "month of an undated story"
        return None

    def _bare_month(self, token: Token) -> bool:
        return token.lower_ in self._month_names and not any(c.like_num for c in token.children)

    def _standing_present(self, match: Match, event_type: str) -> str | None:
        """'Kigali denies it, and in turn accuses Congo of working with the FDLR', 'Saudi Arabia
        accuses Iran of backing the Houthis': past the lede, a statement in the simple present
        is a standing position, not the news (a headline's 'Blair rejects Tory offer' and a
        first person's 'we demand' stay)."""
        head = match.head
        if match.is_noun or event_type in _MATERIAL or match.rule is MUST_RULE:
            return None
        if head.tag_ not in ("VBZ", "VBP") or children(head, "aux", "auxpass"):
            return None
        if lemma(head) in self._reporting:
            return None
        if any(s.lower_ in _FIRST_PERSON for s in children(head, "nsubj")):
            return None
        return "standing position"

    def _opinion(self, match: Match) -> str | None:
        """'said the law should be changed', 'told the paper the minister should resign': what
        a speaker thinks should happen, with no named party asked to act, is an opinion; 'said
        Sudan must return the helicopter' is a demand on Sudan (PLOVER's REQUEST)."""
        if match.rule is not MUST_RULE:
            return None
        addressees = [t for t in match.targets_from if t.lower_ not in self._nobody]
        if any(_named_party(t) for t in addressees):
            return None
        return "opinion"

    def _since(self, head: Token) -> str | None:
        """'had been killed since the campaign began', 'have since seized large parts', 'since
        then they have captured several towns': a perfect that counts from a point in the past
        sums up everything since, not one happening. 'Since' with a noun ('since the coup',
        'since the start of the war') is left alone: on the labelled events it removed as many
        real events as false ones. 'Students have been protesting since Saturday' is one protest
        going on."""
        if head.tag_ == "VBG" or not {a.lower_ for a in children(head, "aux")} & _PERFECT:
            return None
        verbs = [head, *children(head, "conj")] + ([head.head] if head.dep_ == "conj" else [])
        for verb in verbs:  # 'had been killed and 3,500 wounded since the protests resumed'
            if any(self._counts_from(child) for child in verb.children):
                return "running total"
        return None

    def _counts_from(self, child: Token) -> bool:
        """'have since seized', 'since then', 'since the campaign began' (a finite clause of its
        own; 'since leaving office' tells a person's story, not a count), 'since April 4',
        'since March 2015', 'between March 19 and April 12'."""
        if child.lower_ == "since" and child.dep_ == "advmod":
            return True
        if child.lower_ == "since" and child.dep_ == "prep":
            objects = children(child, "pobj", "pcomp", "advmod")
            if any(o.lower_ == "then" for o in objects):
                return True
            return any(t.lower_ in self._months or _year(t) for o in objects for t in o.subtree)
        if child.lower_ == "between" and child.dep_ == "prep":
            return any(t.lower_ in self._months for t in child.subtree)
        if child.dep_ != "advcl" or not any(m.lower_ == "since" for m in children(child, "mark")):
            return False
        return bool(children(child, "nsubj", "nsubjpass"))

    def _when_of_a_past(self, head: Token) -> str | None:
        """'have been high since September, when militants attacked an army base', 'since the
        summer of 2014, when the coalition seized Tripoli': the happening that set a period
        going is background to it."""
        for clause in (head, *head.ancestors):
            if clause.dep_ != "relcl" or not any(
                a.lower_ == "when" for a in children(clause, "advmod")
            ):
                continue
            node = clause.head
            for _ in range(4):  # 'since the summer of 2014': pobj → of → summer → since
                if node.dep_ != "pobj":
                    break
                if node.head.lower_ in self._background_preps:
                    return "background clause"
                node = node.head.head
        return None

    def _summary_perfect(self, match: Match, event_type: str) -> str | None:
        """'have fought alongside the SDF', 'has fought a four-decade insurgency', 'more than
        250,000 people have been killed in the conflict', 'government forces have captured the
        motorway and dozens of towns': past the lede, violence or coercion in the present
        perfect with no time of its own sums up a war; one attack is told in the past tense or
        dated ('have killed 12 people on Monday')."""
        head = match.head
        if event_type not in _SUMMED or match.is_noun or head.tag_ != "VBN":
            return None
        if not {a.lower_ for a in children(head, "aux")} & _PRESENT_PERFECT:
            return None
        if self._dated(head):
            return None
        return "summary perfect"

    def _dated(self, token: Token) -> bool:
        """The clause has its own time: 'on Monday', 'last week', 'in March 2024'."""
        for child in children(token, "npadvmod", "prep", "advmod", "tmod"):
            if any(t.ent_type_ == "DATE" or t.lower_ in self._anchors for t in child.subtree):
                return True
        return False

    def _displaced(self, match: Match) -> str | None:
        """'more than 1.4 million people had been displaced', 'are internally displaced', 'have
        been forced from their homes by the conflict': a figure of people displaced, not an act
        by someone ('militias displaced 2,000 villagers' stays)."""
        head = match.head
        passive = bool(children(head, "auxpass", "nsubjpass")) or (
            head.tag_ == "VBN" and any(lemma(a) == "be" for a in children(head, "aux"))
        )
        if not passive or self._agent_named(head):
            return None
        if lemma(head) in self._passive_counts:
            return "displacement figure"
        if any(lemma(o) in self._homes for o in prep_objects(head, {"from"})):
            return "displacement figure"
        return None

    @staticmethod
    def _agent_named(head: Token) -> bool:
        return any(_named_party(o) for a in children(head, "agent") for o in children(a, "pobj"))


def _clauses(token: Token) -> list[Token]:
    """The token and the heads of the clauses it is embedded in, up to the sentence root."""
    found = [token]
    current = token
    while current.head != current and current.dep_ in _EMBEDDING:
        current = current.head
        found.append(current)
    return found


def _coordinated(head: Token) -> list[Token]:
    """The verb, the verbs coordinated with it and the verb it is coordinated with."""
    return [head, *children(head, "conj")] + ([head.head] if head.dep_ == "conj" else [])


def _passive(head: Token) -> bool:
    if children(head, "auxpass", "nsubjpass"):
        return True
    return head.tag_ == "VBN" and any(lemma(a) == "be" for a in children(head, "aux"))


def _year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text.isdigit()


def _named_party(token: Token) -> bool:
    """A named state, body or person, or a noun a national or named word modifies ('the Syrian
    government', 'Hamas fighters')."""
    if token.pos_ == "PROPN" or token.ent_type_ in _PARTY_LABELS:
        return True
    return any(
        c.pos_ == "PROPN" or c.ent_type_ in _PARTY_LABELS
        for c in children(token, "amod", "compound", "poss")
    )
