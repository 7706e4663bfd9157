"""Who acts and who is acted upon: subject and object tokens of a trigger, by dependency."""

from __future__ import annotations

from spacy.tokens import Token

from newswire_extractor.rules.lang import load_language
from newswire_extractor.rules.syntax import (
    OBJECT_CONTROL,
    TARGET_PREPS,
    children,
    direct_objects,
    is_passive,
    lemma,
    prep_objects,
)
from newswire_extractor.rules.triggers import Match

_NOUN_ACTOR_PREPS = frozenset({"by", "between", "among"})
_NOUN_TARGET_PREPS = TARGET_PREPS - {"for", "between", "among"}
_INSTRUMENT_PREPS = (TARGET_PREPS - {"by", "for", "with"}) | {
    "in",
    "into",
    "near",
    "along",
    "across",
    "inside",
    "within",
}
_MAX_CLIMB = 4
# A gerund after these is done by the governing verb's subject, never its object.
_TEMPORAL_PREPS = frozenset({"after", "before", "while", "since", "upon", "following"})
# Verbs whose of-phrase names who is asked ('demanded of Kyiv', 'asked of its allies').
_ASKED_OF = load_language("en")["recipients.asked_of"]
_TOPIC_PREPS = load_language("en")["recipients.topic_preps"]
_TOPIC_VERBS = load_language("en")["recipients.topic_verbs"]
_FROM_VERBS = frozenset(load_language("en")["recipients.from_verbs"])
_MESSAGE_VERBS = frozenset(load_language("en")["recipients.message_verbs"])
_MESSAGE_NOUNS = frozenset(load_language("en")["recipients.message_nouns"])
_ASSURANCES = frozenset(load_language("en")["recipients.assurance_nouns"])
# Acts whose participle after a message takes the message's addressee ('wrote to X demanding').
_ADDRESSED_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN"})
_CASUALTY_VERBS = load_language("en")["casualties.verbs"]
_DOER_VERBS = load_language("en")["casualties.doer_verbs"]
_DOER_SUPPORT = load_language("en")["casualties.doer_support"]
_CUSTODY_VERBS = load_language("en")["custody.verbs"]
_CUSTODY_REPORTING = load_language("en")["custody.reporting"]
_CUSTODY_SPEAKERS = load_language("en")["custody.speakers"]
_DOCUMENTS = frozenset(load_language("en")["issued.documents"])
_ISSUING = frozenset(load_language("en")["issued.verbs"])
_DOER_OBJECTS = load_language("en")["casualties.doer_objects"]
_CLAUSAL_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE"})
# Nouns of acts done to someone take them in an of-phrase: 'the arrest of 14 workers'.
_PATIENT_OF = frozenset({"SANCTION", "COERCE", "ASSAULT", "RETREAT"})


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Tokens naming who does what the verb says, following control and coordination."""
    found = [_reduced_relative(t) for t in children(verb, "nsubj", "csubj")]
    if not found:
        found = _stranded_subjects(verb)
    if found and verb.dep_ == "relcl" and all(t.tag_ in ("WP", "WDT") for t in found):
        return [verb.head]  # 'Trump, who used an address to castigate Russia': who is Trump
    if found or depth > _MAX_CLIMB:
        return found
    if is_passive(verb) or (verb.tag_ == "VBN" and children(verb, "agent")):
        # '... led by the SDF and supported by the US': a participle's own agent
        return (
            list(prep_objects(verb, {"by"}))
            or _when_doers(verb)
            or _custody_doers(verb)
            or _attack_doers(verb)
        )
    head = verb.head
    if verb.dep_ == "xcomp":
        raised = children(head, "nsubjpass")
        if raised:
            return raised  # 'police are expected to detain', 'talks are due to resume'
        if lemma(head) in OBJECT_CONTROL:
            controllers = children(head, "dobj") or list(prep_objects(head, {"on", "upon"}))
            if controllers:
                return controllers
        return subjects(head, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        if is_passive(head) and not is_passive(verb) and children(verb, "aux"):
            # 'has been indicted by the court and will resign': who resigns is who was
            # indicted, not the passive's agent. Only with an auxiliary of its own: 'were
            # arrested by police and deported' shares the passive (and its agent).
            raised = children(head, "nsubjpass")
            if raised:
                return raised
        found = subjects(head, depth + 1)
        if not found and head.dep_ in ("ccomp", "parataxis") and not is_passive(verb):
            # '... children it says were taken to Russia and asked for them': the parser hangs
            # 'asked' on the subjectless passive; its doer is the speaker above.
            return subjects(head.head, depth + 2)
        return found
    if verb.dep_ in ("advcl", "acomp") and head.pos_ in ("VERB", "AUX"):
        document = _document_before(head, verb) if verb.tag_ == "VBG" else None
        if document is not None and _issuing_verb(document) != head:
            # 'vetoed a resolution calling for a ceasefire': the parser hangs the participle
            # on the verb, but it tells what the document says, not what the vetoer did.
            return []
        return subjects(head, depth + 1)
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "acl":
        sender = _message_verb(head) if verb.tag_ == "VBG" else None
        if sender is not None:
            # 'wrote a letter to the minister demanding action': the parser hangs the
            # participle on the addressee; whoever wrote does the demanding.
            return subjects(sender, depth + 1)
        issuer = _issuing_verb(head) if verb.tag_ == "VBG" else None
        if issuer is not None:
            return subjects(issuer, depth + 1)
        if verb.tag_ == "VBN" and not _misparsed_main_verb(verb):
            # 'fighters killed in the clashes were buried': the noun a past participle
            # describes is what was done to, not who did it.
            return list(prep_objects(verb, {"by"}))
        return [head]
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        governor = head.head
        if lemma(head) in _TEMPORAL_PREPS:  # 'declared victory after capturing the village'
            return subjects(governor, depth + 1)
        return children(governor, "dobj") or subjects(governor, depth + 1)
    return []


def _document_before(verb: Token, participle: Token) -> Token | None:
    """The verb's object right before the participle when it is a document ('vetoed a draft
    resolution on Monday calling for …')."""
    for obj in children(verb, "dobj"):
        if obj.i < participle.i and lemma(obj) in _DOCUMENTS:
            return obj
    return None


def _issuing_verb(document: Token) -> Token | None:
    """The verb whose doer put out ``document``: 'issued a statement condemning …' (its object),
    'in a statement condemning …, the ministry said' (the verb its in-phrase hangs on); None
    when the noun is no document or stands elsewhere."""
    if lemma(document) not in _DOCUMENTS or document.tag_ != "NN":
        return None  # 'passed six resolutions demanding …' sums up, it tells no one act
    if any(c.dep_ == "nummod" for c in document.children):
        return None
    holder = document.head
    if document.dep_ == "pobj" and lemma(holder) == "in":
        holder = holder.head
    elif document.dep_ != "dobj" or lemma(holder) not in _ISSUING:
        return None
    if holder.pos_ not in ("VERB", "AUX") or holder == document:
        return None
    # 'would table a motion calling for …', 'elected to sign a letter': not yet put out.
    if holder.dep_ == "xcomp" or any(c.tag_ in ("MD", "TO") for c in children(holder, "aux")):
        return None
    return holder


def _when_doers(verb: Token) -> list[Token]:
    """'Scores were killed when US forces carried out air strikes': the subject of a 'when'
    clause that attacks is who killed them."""
    if lemma(verb) not in _CASUALTY_VERBS:
        return []
    for clause in children(verb, "advcl"):
        if not any(c.lower_ == "when" for c in clause.children if c.dep_ in ("advmod", "mark")):
            continue
        word = lemma(clause)
        attacks = word in _DOER_VERBS or (
            word in _DOER_SUPPORT
            and any(lemma(o) in _DOER_OBJECTS for o in children(clause, "dobj"))
        )
        if attacks and not is_passive(clause):
            return children(clause, "nsubj")
    return []


def _stranded_subjects(verb: Token) -> list[Token]:
    """'Putin, the Russian president whose military intervened in 2015, turning the tide …,
    welcomed the move': the parser hangs the subject on the participle clause before the verb;
    a participle has no subject of its own, so it is the verb's."""
    for clause in children(verb, "advcl"):
        if clause.tag_ == "VBG" and clause.i < verb.i:
            own = [t for t in children(clause, "nsubj") if t.i < clause.i]
            if own and own[0].pos_ in ("NOUN", "PROPN"):
                return own
    return []


def _attack_doers(verb: Token) -> list[Token]:
    """'Dozens were killed in Russian airstrikes', 'died in a Turkish bombardment': the attack
    the victims were killed in; its own modifiers name who made it ('Russian'), or no one."""
    if lemma(verb) not in _CASUALTY_VERBS:
        return []
    attacks = [o for o in prep_objects(verb, {"in"}) if lemma(o) in _DOER_OBJECTS]
    # 'killed in an attack by Isis': the attack's own by-phrase names its doer.
    return [d for a in attacks for d in prep_objects(a, {"by"})] or attacks


def _reduced_relative(subject: Token) -> Token:
    """'Leaders meeting in Abuja ordered ...' parsed with the participle as the subject and
    the leaders as its own: the participle's subject is who ordered."""
    if subject.tag_ == "VBG" and subject.pos_ == "VERB" and subject.dep_ == "nsubj":
        own = [t for t in children(subject, "nsubj") if t.pos_ in ("NOUN", "PROPN")]
        if own and own[0].i < subject.i:
            return own[0]
    return subject


def _custody_doers(verb: Token) -> list[Token]:
    """'Brazilian authorities said 1,500 people had been detained': the state body that
    reports an arrest without naming who made it made it."""
    if lemma(verb) not in _CUSTODY_VERBS or verb.dep_ != "ccomp":
        return []
    head = verb.head
    if lemma(head) not in _CUSTODY_REPORTING:
        return []
    return [s for s in children(head, "nsubj") if lemma(s) in _CUSTODY_SPEAKERS]


def _misparsed_main_verb(participle: Token) -> bool:
    """'Relatives of kidnapped soldiers protested outside ...' parsed as a noun with a
    participle: a sentence whose root is the noun has its main verb in that participle."""
    head = participle.head
    return head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and head.i < participle.i


def targets(verb: Token, *, clausal: bool = False) -> list[Token]:
    """Tokens naming who the verb's action is directed at.

    With ``clausal``, the subject of a that-clause counts too ('demanded that Israel ease').
    """
    found = children(verb, "nsubjpass") if is_passive(verb) else children(verb, "dobj", "dative")
    found += list(prep_objects(verb, TARGET_PREPS - {"by"}))
    if lemma(verb) in _ASKED_OF:
        found += list(prep_objects(verb, {"of"}))  # 'demanded of Kyiv that it withdraw'
    if lemma(verb) in _FROM_VERBS:
        # 'recalled its ambassador from Ottawa': the one recalled is the actor's own envoy.
        left = [o for h in [verb, *found] for o in prep_objects(h, {"from"}) if h.i != o.i]
        found = left or found

    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not _misparsed_main_verb(verb):
        found.append(verb.head)  # 'soldiers killed by the rebels'
    found = [t for t in found if t.ent_type_ not in ("DATE", "TIME")]
    if not found and clausal:
        # 'demanded that Israel ease …', 'called for the UN to send …'
        opened = [
            c
            for c in children(verb, "advcl")
            if any(lemma(m) == "for" for m in children(c, "mark"))
        ]
        for clause in children(verb, "ccomp") + opened:
            found += children(clause, "nsubj", "nsubjpass")
    if clausal and found and all(lemma(t) in _ASSURANCES for t in found):
        # 'called for a guarantee that the government consults': who is to give it.
        for noun in list(found):
            for clause in children(noun, "acl", "relcl", "ccomp"):
                found += [s for s in children(clause, "nsubj") if s.pos_ != "PRON"]
    return found


def _message_verb(addressee: Token) -> Token | None:
    """The verb of sending or writing whose to-phrase ``addressee`` is in: 'wrote to X', 'sent a
    letter to X', 'a complaint was made to X'; None for any other phrase."""
    if addressee.dep_ != "pobj" or lemma(addressee.head) != "to":
        return None
    holder = addressee.head.head
    if holder.pos_ in ("NOUN", "PROPN") and lemma(holder) in _MESSAGE_NOUNS:
        holder = holder.head  # 'a letter to X': the verb the letter is the object of
        if holder.pos_ not in ("VERB", "AUX"):
            return None
    if holder.pos_ in ("VERB", "AUX") and lemma(holder) in _MESSAGE_VERBS:
        return holder
    return None


def addressees(verb: Token) -> list[Token]:
    """Who a participle of asking or accusing is addressed to when it follows a message:
    'wrote to the minister demanding an inquiry' -> the minister."""
    if verb.tag_ != "VBG":
        return []
    if verb.dep_ == "acl" and _message_verb(verb.head) is not None:
        return [verb.head]
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    sender = verb.head
    found = [obj for obj in prep_objects(sender, {"to"}) if _message_verb(obj) is not None]
    for message in children(sender, "dobj", "nsubjpass"):
        found += [o for o in prep_objects(message, {"to"}) if _message_verb(o) is not None]
    return found


def noun_actors(noun: Token) -> list[Token]:
    """'talks between X and Y', 'the attack by rebels', "Russia's offensive", 'Russian strikes'."""
    found = list(prep_objects(noun, _NOUN_ACTOR_PREPS))
    found += children(noun, "poss")
    found += [c for c in children(noun, "amod", "compound", "nmod") if c.pos_ in ("ADJ", "PROPN")]
    return found


def noun_targets(noun: Token) -> list[Token]:
    """'sanctions on Russia', 'talks with Ukraine', 'an attack against the base'."""
    return list(prep_objects(noun, _NOUN_TARGET_PREPS))


def instrument_targets(verb: Token, used: list[Token]) -> list[Token]:
    """'deployed troops to the border', 'fired rockets at Sderot': recipients are in the preps."""
    found = list(prep_objects(verb, _INSTRUMENT_PREPS))
    for token in used:
        found += list(prep_objects(token, _INSTRUMENT_PREPS))
    return [t for t in found if t.ent_type_ not in ("DATE", "TIME")]


def match_arguments(match: Match) -> tuple[list[Token], list[Token]]:
    """Actor and target tokens for one trigger match."""
    sufferer = _undergone(match)
    if sufferer is not None:
        # 'the convoy came under attack from militants': the militants attack the convoy.
        return list(prep_objects(match.word, {"from"})), subjects(sufferer)
    if match.free:
        return noun_actors(match.word), noun_targets(match.word)
    actors = subjects(match.head)
    if match.rule.instrument:
        used = [match.word] if match.is_noun else direct_objects(match.head)
        return actors or (noun_actors(match.word) if match.is_noun else []), instrument_targets(
            match.head, used
        )
    clausal = match.event_type in _CLAUSAL_TARGET_TYPES
    found_targets = list(match.targets_from) or targets(match.head, clausal=clausal)
    if match.is_noun:
        found_targets = [t for t in found_targets if t != match.word]
        found_targets += noun_targets(match.word)
        if match.event_type in _PATIENT_OF:
            found_targets += list(prep_objects(match.word, {"of"}))  # 'expulsion of diplomats'
        if not actors:
            actors = noun_actors(match.word)
    if match.event_type == "CONSULT":
        found_targets = [t for t in found_targets if not _topic(t, match)]
    # 'wrote to the minister demanding an inquiry': the one asked is who the message went to;
    # one accused is the object when it is named ('accusing the council of …'), the addressee
    # when the object is a pronoun ('wrote to X accusing him of …').
    if (
        match.event_type in _ADDRESSED_TYPES
        and not match.is_noun
        and (match.event_type != "ACCUSE" or all(t.pos_ == "PRON" for t in found_targets))
    ):
        found = addressees(match.head)
        found_targets = [t for t in found if t not in actors] + found_targets
    return actors, found_targets


def _undergone(match: Match) -> Token | None:
    """The verb ('come', 'be') of an event noun after 'under': its subject suffers the event."""
    word = match.word
    if not match.is_noun or word.dep_ != "pobj" or word.head.lower_ != "under":
        return None
    verb = word.head.head
    return verb if lemma(verb) in ("come", "be") and verb.pos_ in ("VERB", "AUX") else None


def _topic(token: Token, match: Match) -> bool:
    """What a meeting is about, not who takes part: 'over government plans', 'a meeting on
    reform', 'discussed the possibility of …'."""
    if token.dep_ == "pobj" and lemma(token.head) in _TOPIC_PREPS:
        return True
    return token.dep_ == "dobj" and token.head == match.head and lemma(match.head) in _TOPIC_VERBS
