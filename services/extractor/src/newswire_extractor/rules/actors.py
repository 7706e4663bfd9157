"""Turn noun phrases into normalized actors: country, sector, kind; resolve simple pronouns."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.attrs import DEP, POS
from spacy.tokens import Span, Token

from newswire_contracts import Actor
from newswire_extractor.kb import Country, KnowledgeBase, Organization, Person, Role
from newswire_extractor.kb.text import fold
from newswire_extractor.rules.document import Article, lower_cased
from newswire_extractor.rules.lang import load_language
from newswire_extractor.rules.syntax import (
    SUBJECT_DEPS,
    children,
    conjuncts,
    lemma,
    phrase_bounds,
)

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "myself", "ourselves"})
_WE = frozenset({"we", "us", "our", "ourselves"})
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
# Sectors whose groups are institutions (kind ORG) rather than loose groups of people.
_INSTITUTIONS = frozenset(
    {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "PTY", "IGO", "NGO", "MED", "BUS", "REB", "HRI"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_MENTION_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "ROOT")


@dataclass(frozen=True)
class _Description:
    """What the words of one phrase say about who it names."""

    person: str | None = None
    org: Organization | None = None
    org_text: str | None = None
    country: Country | None = None
    country_is_head: bool = False
    from_modifier: bool = False  # the country came from a word inside the phrase itself
    capital: bool = False
    role: Role | None = None
    city_country: str | None = None
    city_name: str | None = None


class ActorResolver:
    """Normalizes actor phrases of one article; remembers people's nationalities across it."""

    def __init__(self, article: Article, kb: KnowledgeBase) -> None:
        self._article = article
        self._doc = article.doc
        self._kb = kb
        self._people: dict[str, tuple[str | None, str | None]] = {}
        self._full_names: dict[str, str] = {}
        self._titles: dict[str, set[str]] = {}  # words each named person was described with
        self._surnames: dict[str, Person] | None = None  # lower-case texts: see _named_before
        self._written_people: list[Person] | None = None
        self._groups: dict[str, Organization | None] = {}  # see _named_group
        self._cache: dict[int, Actor | None] = {}
        self._mentions: list[int] | None = None
        self._speakers: dict[int, Actor] = {}
        self._home: str | bool | None = False  # False: not computed yet
        self._regime: str | bool | None = False  # the story's named regime (_story_regime)
        self._home_from_text = False  # the home country came from the text, not the outlet
        self._british: bool | None = None  # the story is about Britain (_british_story)
        self._counts: dict[str, int] | None = None
        # An all-lower-case text ('pakistani president'): demonyms are looked up title-cased.
        self._lower_cased = lower_cased(article.text)
        self._learn_people()

    def set_quote_speakers(self, speakers: dict[int, Actor]) -> None:
        """Speakers by quote index, so 'we' and 'I' inside a quote name the speaker."""
        self._speakers = dict(speakers)
        for i in [i for i in self._cache if self._doc[i].lower_ in SPEAKER_PRONOUNS]:
            del self._cache[i]

    # ------------------------------------------------------------------ public
    def resolve(self, head: Token) -> list[Actor]:
        """The actors a phrase head names, one per coordinated or split member."""
        group = self._group_reference(head) or self._officials_of_group(head)
        if group:
            return group
        actors: list[Actor] = []
        for token in conjuncts(head):
            actors.extend(self._split(token) or [a for a in [self.resolve_one(token)] if a])
        return _unique(actors)

    def resolve_one(self, head: Token) -> Actor | None:
        """The single actor a phrase head names (pronouns resolved), or None."""
        if head.i not in self._cache:
            self._cache[head.i] = None  # a phrase that refers back to itself names no one
            if self._article.in_dateline(head):
                pass  # 'ISTANBUL —' says where the story was filed
            elif head.lower_ in SPEAKER_PRONOUNS and head.pos_ == "PRON":
                self._cache[head.i] = self._speaker_pronoun(head)
            elif head.lower_ in PRONOUNS and head.pos_ == "PRON":
                self._cache[head.i] = self._pronoun(head)
            elif head.lower_ in ("latter", "former") and children(head, "det"):
                self._cache[head.i] = self._latter(head)
            else:
                actor = self._refer_back(head, self._phrase_actor(head))
                self._cache[head.i] = actor or self._organisation_reference(head)
        return self._cache[head.i]

    def owner_for(
        self, verb: Token, things: Sequence[Token], doers: Sequence[Actor]
    ) -> Actor | None:
        """'Howard accepted his decision', 'welcomed his return': who a possessive pronoun on
        the object of a verb done to someone else's thing means -- the nearest earlier mention
        that is none of the doers (None for other verbs and for 'his own')."""
        if lemma(verb) not in _OTHERS_THINGS:
            return None
        owners = [
            p
            for thing in things
            for p in children(thing, "poss")
            if p.pos_ == "PRON"
            and p.lower_ in PRONOUNS
            and not any(lemma(m) == "own" for m in children(thing, "amod"))
        ]
        if len(owners) != 1:
            return None
        found = self._article_antecedent(owners[0], avoid=frozenset(a.name for a in doers))
        if found is None or any(found.name == a.name for a in doers):
            return None
        token = owners[0]
        return found.model_copy(
            update={"text": token.text, "start": token.idx, "end": token.idx + len(token.text)}
        )

    def is_actor(self, head: Token) -> bool:
        return self.resolve_one(head) is not None

    def is_place(self, actor: Actor) -> bool:
        """A town or region named as such: where things happen, not who acts. Countries and
        capitals used for their governments ('Kyiv said') are actors."""
        if actor.kind not in ("GPE", "LOC", "FAC") or actor.sector is not None:
            return False
        country = self._kb.countries.find(actor.name)
        return country is None or country.name != actor.name

    def as_country(self, place: Actor) -> Actor:
        """A place standing for its country ('condemned the strike on Vilnius' -> Lithuania)."""
        country = self._kb.countries.get(place.country)
        return place.model_copy(update={"name": country.name}) if country else place

    def country_of_entity(self, ent: Span) -> str | None:
        """A named entity's country, where the knowledge base or the article tells it."""
        if ent.label_ == "PERSON":
            return self._person_country(ent.text)
        if ent.label_ == "ORG":
            org = self._kb.organizations.find(ent.text) or self._british_party(ent.text)
            if org is not None:
                return org.country
        country = self._kb.countries.find(ent.text)
        if country is not None:
            return country.code
        if ent.label_ in _PLACE_LABELS:
            place = self._kb.gazetteer.geocode(ent.text)
            return place.country if place else None
        return None

    # ------------------------------------------------------------------ phrases
    def _phrase_actor(self, head: Token) -> Actor | None:
        start, end = phrase_bounds(head)
        desc = self._describe(start, end, head)
        titled = desc.role is not None or desc.person is not None
        extras = self._extras(head, titled=titled)
        for extra_start, extra_end, extra_head in extras:
            extra = self._describe(extra_start, extra_end, extra_head)
            desc = _body_of(_merge(desc, extra), extra, extra_head)
        actor = self._build(self._doc[start:end], head, desc)
        if actor is not None and actor.country is None and actor.kind == "PERSON":
            actor = self._country_from_context(head, actor, [e[2] for e in extras])
        if actor is not None and actor.country is None and lemma(head) in _KIN:
            actor = self._kin_country(head, actor)
        return actor

    def _kin_country(self, head: Token, actor: Actor) -> Actor:
        """'His parents', 'the detained man's family', 'relatives of Syrian refugees': kin are of
        their relatives' country, else of the story's."""
        owners = children(head, "poss")
        owners += [
            o for p in children(head, "prep") if lemma(p) == "of" for o in children(p, "pobj")
        ]
        found = [self.resolve_one(owner) for owner in owners]
        countries = [a.country for a in found if a is not None and a.country]
        if countries:
            return actor.model_copy(update={"country": countries[0]})
        # 'The families of civilians kidnapped by the group' in a story about one country: the
        # kin of people the story does not place elsewhere are of that country; 'her family',
        # 'my father' are of someone the story names, who may well be from elsewhere.
        if self._foreign(head) or any(o.pos_ == "PRON" for o in owners):
            return actor
        home = self._home_country()
        return actor.model_copy(update={"country": home}) if home is not None else actor

    def _country_from_context(self, head: Token, actor: Actor, described: list[Token]) -> Actor:
        """'Petrosyan, a spokeswoman for the defence ministry' (the ministry named before) and
        'a ministry spokeswoman' after 'France's foreign ministry': the body's country."""
        related = [head, *children(head, "appos")] + ([head.head] if head.dep_ == "appos" else [])
        owners = [p for t in related for p in children(t, "poss")]  # 'the union's chairwoman'
        for token in [*described, *owners]:
            body = self.resolve_one(token) if token.i != head.i else None
            if body is not None and body.country and body.kind != "PERSON":
                return actor.model_copy(update={"country": body.country})
        for modifier in (m for t in related for m in children(t, "compound")):
            if lemma(modifier) in _BODY_WORDS:
                probe = actor.model_copy(update={"kind": "ORG", "sector": None, "country": None})
                body = self._earlier(modifier, probe)
                if body is not None and body.country:
                    return actor.model_copy(update={"country": body.country})
        if (actor.sector in _HOME_SECTORS or self._honorific(head)) and not self._foreign(head):
            # 'The transport minister, Park Ji-won' in a Seoul story; 'ms jamieson' in a story
            # about Scotland.
            home = self._home_country()
            if home is not None:
                return actor.model_copy(update={"country": home})
        return actor

    def _honorific(self, head: Token) -> bool:
        """'Ms Jamieson', 'Lord Dubs': a name after a courtesy title, as news writes its own
        country's people (it names foreigners by their office or nationality)."""
        start, end = phrase_bounds(head)
        return any(t.lower_ in _HONORIFICS for t in self._doc[start:end])

    def _extras(self, head: Token, *, titled: bool) -> list[tuple[int, int, Token]]:
        """Appositions and 'of'/'from'/'for' phrases that describe a head ('Medinsky, the
        negotiator'; 'Sezer, a spokesman for the Turkish foreign ministry')."""
        found = []
        described = [head] if titled else []
        for child in children(head, "appos"):
            found.append((*phrase_bounds(child), child))
            described.append(child)
        if head.dep_ == "appos":
            found.append((*phrase_bounds(head.head), head.head))
        # 'King Hassan of Morocco', 'leaders of the coalition', 'police in Cairo'
        for token in described:
            for prep in children(token, "prep"):
                if lemma(prep) == "in" and (children(token, "conj") or token.dep_ == "conj"):
                    continue  # 'talks between the regime and opposition in Vienna': the venue
                if lemma(prep) in ("of", "from", "in", "for"):
                    for obj in children(prep, "pobj"):
                        found.append((*phrase_bounds(obj), obj))
        return found

    def _describe(self, start: int, end: int, head: Token) -> _Description:
        kb = self._kb
        desc = _Description()
        person_tokens: set[int] = set()
        for ent in self._article.entities_in(start, end):
            desc = self._describe_entity(desc, ent, head, person_tokens)
        span = self._doc[start:end]
        if self._lower_cased and desc.person is None and desc.org is None:
            desc = self._describe_lower_case(desc, span, person_tokens)
        # 'his Spanish counterpart': the counterpart's own nationality beats its possessor's.
        own_demonym = any(
            kb.countries.demonym(t.text)
            or (self._lower_cased and kb.countries.demonym(t.text.title()))
            for t in span
            if t.i not in person_tokens
        )
        for token in span:
            if desc.country is None and token.i not in person_tokens:
                country = (
                    kb.countries.demonym(token.text)
                    or (kb.countries.demonym(token.text.title()) if self._lower_cased else None)
                    or (
                        self._possessive_country(token)
                        if head.lower_ in kb.roles and not own_demonym
                        else None
                    )
                )
                if country is None and token.pos_ == "PROPN":
                    country = kb.countries.find(token.text)
                    if self._lower_cased and country is None:
                        country = self._lower_case_country(token)  # 'syria s denials'
                if country is not None:
                    desc = replace(
                        desc, country=country, country_is_head=token == head, from_modifier=True
                    )
        if desc.org is None:
            # 'the Kurdish-dominated Syrian Democratic Forces': the name may end the phrase.
            org = next(
                (
                    found
                    for k in range(start, head.i + 1)
                    if (found := kb.organizations.find(self._doc[k:end].text)) is not None
                ),
                None,
            ) or self._british_party(self._doc[start:end].text)
            if org is not None:
                desc = replace(desc, org=org)
        role_words = [lemma(t) for t in span if t.i not in person_tokens and not t.is_punct]
        role = kb.roles.find(role_words) if role_words else None
        while role is None and role_words and kb.people.is_title(role_words[-1]):
            role_words.pop()  # 'tory peer lord hale': the title before the name is no role
            role = kb.roles.find(role_words) if role_words else None
        if role is None and head.i not in person_tokens:
            role = kb.roles.find([head.lower_])
        if role is None and head.i not in person_tokens:
            role = self._agent_role(span, head)
        if role is not None:
            role = self._qualified(role, span, head, person_tokens)
        if role is not None and role.kind == "PERSON" and head.tag_ in ("NNS", "NNPS"):
            role = Role(sector=role.sector, kind="GROUP")  # 'officials', 'negotiators'
        if role is not None and desc.role is None:
            desc = replace(desc, role=role)
        if desc.country is None and desc.org is not None and desc.org.country:
            desc = replace(desc, country=kb.countries.get(desc.org.country))
        if desc.country is None and desc.org is None and desc.person is None:
            desc = self._stateless_people(desc, span)
        if desc.country is None and desc.person is None and desc.role is not None:
            desc = self._leaders_body(desc, span, head)
        return desc

    def _lower_case_country(self, token: Token) -> Country | None:
        """A country's own name in an all-lower-case text ('syria', 'britain'); not a capital
        ('london assembly') nor a word that is more often something else ('jordan')."""
        text = token.text.title()
        if token.lower_ in _NOT_COUNTRIES or not self._kb.countries.names_country(text):
            return None
        return self._kb.countries.find(text)

    def _leaders_body(self, desc: _Description, span: Span, head: Token) -> _Description:
        """Forces, a government or a regime named after their leader ('the Trump administration',
        'Erdoğan government', 'Assad forces') belong to the leader's country."""
        if desc.role is None or desc.role.sector not in _STATE:
            return desc
        for ent in self._article.entities_in(span.start, span.end):
            if ent.label_ != "PERSON" or ent.start <= head.i < ent.end:
                continue
            code = self._person_country(ent.text) or self._known(ent.text)[0]
            country = self._kb.countries.get(code) if code else None
            if country is not None:
                return replace(desc, country=country, from_modifier=True)
        return desc

    def _stateless_people(self, desc: _Description, span: Span) -> _Description:
        """'Kurdish forces' in a story that names only the YPG and the SDF are Syrian armed
        groups (REB), not the Syrian state; with groups of several countries, no country."""
        words = {str(t.lower_) for t in span}
        for people, forms in _PEOPLE_WORDS.items():
            if not words & forms:
                continue
            group = self._named_group(people) or self._group_in_sentence(people, span)
            if group is None or group.country is None:
                return desc
            country = self._kb.countries.get(group.country)
            role = desc.role
            if role is not None and role.sector in _STATE:
                role = Role(sector=group.sector, kind=role.kind)
            return replace(desc, country=country, role=role, from_modifier=True)
        return desc

    def _describe_entity(
        self, desc: _Description, ent: Span, head: Token, person_tokens: set[int]
    ) -> _Description:
        kb = self._kb
        covers_head = ent.start <= head.i < ent.end
        label = ent.label_
        if label in ("PERSON", "ORG") and kb.countries.find(ent.text) is not None:
            label = "GPE"  # NER's person 'Kyiv' is the city the article names
        if label == "PERSON" and any(kb.countries.demonym(t.text) for t in ent):
            return desc  # NER's 'Bosnian Serbs' is a group of people, not a person
        if (
            label == "PERSON"
            and len(ent) == 1
            and ent.start
            and ent.doc[ent.start - 1].lower_ == "the"
        ):
            return desc  # 'the Bosphorus': people's names take no article
        if label == "PERSON":
            person_tokens.update(range(ent.start, ent.end))
            if covers_head and desc.person is None:
                desc = replace(desc, person=ent.text)
            return desc
        if desc.org is None and label in ("ORG", "GPE", "FAC", "NORP", "LOC"):
            org = kb.organizations.find(ent.text)
            if org is None and covers_head:  # 'Conservative MP Jo Hale' is no party
                org = self._british_party(ent.text)
            if org is not None:
                return replace(desc, org=org)
        if label in ("GPE", "NORP", "LOC") and desc.country is None:
            country = kb.countries.find(ent.text)
            if country is not None:
                return replace(
                    desc,
                    country=country,
                    country_is_head=covers_head and label != "NORP",
                    capital=covers_head and kb.countries.is_capital(ent.text),
                    city_name=ent.text if _locative_object(head) else None,
                    from_modifier=True,
                )
        if covers_head and label in _PLACE_LABELS:
            place = kb.gazetteer.geocode(ent.text)
            if place is not None and place.precision == "city":
                person_tokens.update(range(ent.start, ent.end))  # 'Port Sudan' is no Sudan
                return replace(desc, city_country=place.country, city_name=place.name)
        if covers_head and label == "ORG" and desc.org_text is None:
            return replace(desc, org_text=ent.text)
        return desc

    def _describe_lower_case(
        self, desc: _Description, span: Span, person_tokens: set[int]
    ) -> _Description:
        """An all-lower-case text has no capitals to find names by: the knowledge base's
        people and organisations are looked up by their words ('lib dem leader charles kennedy',
        'a spokesman for ukip', 'eu leaders')."""
        words = [t.lower_ for t in span]
        for known in self._full_names_in_text():
            # 'talks with tony/JJ blair/NN': the tagger does not always see a lower-case name,
            # but a known full name the article writes is that person.
            parts = known.name.lower().split()
            for k in range(len(words) - len(parts) + 1):
                if words[k : k + len(parts)] == parts:
                    person_tokens.update(range(span.start + k, span.start + k + len(parts)))
                    return replace(desc, person=known.name)
        names = [t for t in span if t.pos_ == "PROPN" or self._after_honorific(t)]
        for size in range(len(names), 0, -1):
            for first in range(len(names) - size + 1):
                run = names[first : first + size]
                if run[-1].i - run[0].i != size - 1:
                    continue  # not adjacent words
                text = " ".join(t.text for t in run)
                titled = size == 2 and self._kb.people.is_title(run[0].text)
                surname = self._named_before(run[-1].lower_) if size == 1 or titled else None
                person = surname or self._kb.people.find(text)
                if person is not None:
                    person_tokens.update(t.i for t in run)
                    return replace(desc, person=person.name)
                learned = self._learned_surname(run[-1].lower_) if size == 1 or titled else None
                if learned is not None:
                    person_tokens.update(t.i for t in run)
                    return replace(desc, person=learned)
                org = self._kb.organizations.find(text.title())
                if org is None and size == 1 and run[0].lower_ not in _NOT_ABBREVIATIONS:
                    org = self._kb.organizations.find(text.upper())
                if org is not None:
                    return replace(desc, org=org)
        party = self._lower_case_party(span)
        if party is not None:
            return replace(desc, org=party)
        return self._titled_name(desc, span, person_tokens)

    def _lower_case_party(self, span: Span) -> Organization | None:
        """'accused the tories of …', 'the snp accused labour': a party named by one word the
        tagger takes for a common noun ('labour/NN', 'tories/NNS'); not inside a longer phrase
        ('child labour')."""
        words = [t for t in span if t.dep_ != "det" and not t.is_punct]
        if len(words) != 1 or words[0].pos_ != "NOUN":
            return None
        org = self._kb.organizations.find(words[0].text.title()) or self._british_party(
            words[0].text
        )
        return org if org is not None and org.sector == "PTY" else None

    def _british_party(self, text: str) -> Organization | None:
        """'Labour', 'the Conservatives': a name parties of several countries share is the
        British party in a British story (_british_story), else unknown."""
        words = " ".join(text.lower().split())
        words = words.removeprefix("the ")
        if words in _BRITISH_LABOUR:
            name = "Labour Party"
        elif words in _BRITISH_CONSERVATIVES:
            name = "Conservative and Unionist Party"
        else:
            return None
        return self._kb.organizations.find(name) if self._british_story() else None

    def _british_story(self) -> bool:
        """A story about Britain: the country its text is about (dateline or most named) is
        Britain; or, when the text names no other country as its subject, it names a British-
        only institution or office ('Downing Street', 'the Lib Dems', 'home secretary')."""
        if self._british is None:
            home = self._home_country()
            if self._home_from_text:
                self._british = home == "GBR"
            else:
                text = " ".join(self._article.text.lower().split())
                self._british = _BRITISH_MARKERS.search(text) is not None
        return self._british

    def _titled_name(self, desc: _Description, span: Span, person_tokens: set[int]) -> _Description:
        """'shadow home secretary oliver hale', 'tory peer lord hale': in a lower-case text,
        the proper nouns that end a phrase after a title or a role are a person's name."""
        head = span[-1]
        if head.pos_ != "PROPN" and not self._after_honorific(head):
            return desc
        run = [head]
        while run[0].i > span.start:
            before = span.doc[run[0].i - 1]
            if before.pos_ != "PROPN" or lemma(before) in self._kb.roles:
                break  # 'affairs secretary oliver hale': the name starts after the title
            run.insert(0, before)
        while run and self._kb.people.is_title(run[0].text):
            run = run[1:]
        if not run or len(run) > 3 or run[0].i == span.start:
            return desc
        before = span.doc[run[0].i - 1]
        if not (self._kb.people.is_title(before.text) or lemma(before) in self._kb.roles):
            return desc
        person_tokens.update(t.i for t in run)
        return replace(desc, person=" ".join(t.text.title() for t in run))

    def _after_honorific(self, token: Token) -> bool:
        """'accused mr mcletchie/NNS': in a lower-case text the tagger may take an unknown
        surname for a common noun; after a courtesy title it is a name all the same."""
        if token.i == 0 or not token.is_alpha or token.pos_ not in ("NOUN", "ADJ"):
            return False
        before = self._doc[token.i - 1]
        return (
            before.lower_ in _HONORIFICS
            and lemma(token) not in self._kb.roles
            and token.lower_ not in self._kb.roles
        )

    def _learned_surname(self, surname: str) -> str | None:
        """'mr hale' after 'shadow transport secretary oliver hale': the one person of that
        surname the article described so far."""
        found = {name for name in self._people if name.lower().split()[-1] == surname}
        return found.pop() if len(found) == 1 else None

    def _full_names_in_text(self) -> list[Person]:
        """The knowledge base's people whose full name the (lower-case) article writes."""
        if self._written_people is None:
            self._named_before("")
        assert self._written_people is not None
        return self._written_people

    def _named_before(self, surname: str) -> Person | None:
        """'mr kennedy' in a lower-case text that wrote 'charles kennedy' before: the one known
        person of the article with that surname."""
        if self._surnames is None:
            text = self._article.text.lower()
            found: dict[str, list[Person]] = {}
            for name in self._kb.people.names():
                words = name.lower().split()
                if len(words) > 1 and re.search(rf"\b{re.escape(name.lower())}\b", text):
                    person = self._kb.people.find(name)
                    if person is not None and person not in found.get(words[-1], []):
                        found.setdefault(words[-1], []).append(person)
            self._surnames = {k: v[0] for k, v in found.items() if len(v) == 1}
            self._written_people = [p for people in found.values() for p in people]
        return self._surnames.get(surname)

    def _group_in_sentence(self, people: str, span: Span) -> Organization | None:
        """With groups of several countries named ('the PKK', 'the SDF'): the one whose country
        the sentence names ('the Kurdish force that has led the war against Isis in Syria')."""
        named = self._people_groups(people)
        if len(named) < 2:
            return None
        sentence = span.sent
        said = {
            country.code
            for t in sentence
            if t.pos_ == "PROPN" and (country := self._kb.countries.find(t.text)) is not None
        }
        chosen = [org for code, org in named.items() if code in said]
        return chosen[0] if len(chosen) == 1 else None

    def _named_group(self, people: str) -> Organization | None:
        """The one country's group of a stateless people that the article names, if any."""
        if people not in self._groups:
            found = self._people_groups(people)
            self._groups[people] = next(iter(found.values())) if len(found) == 1 else None
        return self._groups[people]

    def _people_groups(self, people: str) -> dict[str, Organization]:
        """The groups of a stateless people the article names, by country."""
        found: dict[str, Organization] = {}
        for ent in self._doc.ents:
            if ent.label_ not in ("ORG", "NORP", "GPE", "PERSON"):
                continue
            org = self._kb.organizations.find(ent.text)
            if org is None and len(ent) > 1:
                org = self._kb.organizations.find(ent[1:].text)  # 'Kurdish-led SDF'
            if org is not None and org.country and fold(org.name) in _PEOPLE_GROUPS[people]:
                found[org.country] = org
        return found

    def _qualified(self, role: Role, span: Span, head: Token, person_tokens: set[int]) -> Role:
        """What the words before a title say of its holder: 'former minister' (ELI), 'shadow
        pensions secretary' (OPP), 'Tory leader' (PTY), 'union leader' (LAB)."""
        own = [t for t in span if t.i not in person_tokens and not t.is_punct and t.dep_ != "det"]
        if not own:
            return role
        head = own[-1]  # 'the Lib Dem leader Charles Kennedy': the title, not the name
        modifiers = own[:-1]
        words = [str(t.lower_) for t in modifiers]
        if set(words) & _FORMER or any(w.startswith("ex-") for w in words):
            return Role(sector="ELI", kind=role.kind)
        if role.sector != "GOV" and not (role.sector == "MIL" and lemma(head) in _GENERIC):
            return role
        if set(words) & _SHADOW:
            return Role(sector="OPP", kind=role.kind)
        if lemma(head) not in _GENERIC or not modifiers:
            return role
        if any(" ".join(words[-size:]) in _PARTIES for size in (1, 2, 3)):
            return Role(sector="PTY", kind=role.kind)
        if lemma(head) in _PARTY_TITLES and _names_party(words):
            # 'Lib Dem home affairs spokesman', 'the SNP's Holyrood leader': a party's speaker
            # or leader for a portfolio or a parliament is still the party's.
            return Role(sector="PTY", kind=role.kind)
        last = modifiers[-1]
        if last.dep_ in ("compound", "amod", "nmod"):
            body = self._kb.roles.find([lemma(last)])
            if body is not None and body.sector in _BODY_SECTORS:
                return Role(sector=body.sector, kind=role.kind)
        return role

    def _agent_role(self, span: Span, head: Token) -> Role | None:
        """'Human rights groups', 'organisers', 'relatives of the soldiers': an agent noun of the
        language data names a group of its sector."""
        words = [str(t.lower_) for t in span if not t.is_punct][-2:]
        for key in (" ".join([*words[:-1], lemma(head)]), lemma(head)):
            sector = _AGENTS.get(key)
            if sector is not None:
                plural = head.tag_ in ("NNS", "NNPS")
                return Role(sector=sector, kind="GROUP" if plural else "PERSON")
        return None

    def _country_noun(self, head: Token) -> bool:
        """'The US said it ...': a demonym that is also the country's name ('US'), heading its
        phrase, is the country (so 'it' can refer to it); 'US troops' stays a modifier."""
        return (
            head.dep_ not in ("amod", "compound")
            and head.tag_ not in ("NNS", "NNPS")
            and self._kb.countries.names_country(head.text)
        )

    def _possessive_country(self, token: Token) -> Country | None:
        """'its troops' -> the country 'its' refers to."""
        if token.dep_ == "poss" and token.lower_ in PRONOUNS:
            actor = self._pronoun(token)
            if actor is not None and actor.country:
                return self._kb.countries.get(actor.country)
        return None

    def _build(self, span: Span, head: Token, desc: _Description) -> Actor | None:
        if desc.person is None and desc.org is None:
            # NER may tag a later 'Kovacs' as ORG; the article already named her as a person.
            for name in (span.text, head.text):
                if name in self._people:
                    desc = replace(desc, person=name, org_text=None)
                    break
        country = desc.country.code if desc.country else None
        base: dict[str, Any] = {
            "text": span.text,
            "start": span.start_char,
            "end": span.end_char,
        }
        if desc.person:
            known_country, known_sector = self._people.get(desc.person) or self._known(desc.person)
            sector = desc.role.sector if desc.role else known_sector
            if desc.org and not sector:
                sector = desc.org.sector
            if not sector and any(t.lower_ in _PEERS for t in span):
                sector = "LEG"  # 'Lord Dubs' sits in the House of Lords
            country = country or known_country or self._person_country(desc.person)
            listed = self._kb.people.find(desc.person)
            if listed is not None and listed.sector == "IGO":
                # 'the UN's Syria envoy, Staffan de Mistura' acts for the UN, not for Syria.
                country, sector = None, "IGO"
            elif listed is not None and listed.country:
                country = listed.country  # 'Ukraine envoy Witkoff' is American
            name = self._full_names.get(desc.person) or self._known_name(desc.person)
            if self._lower_cased and desc.role is not None and (country or sector):
                # No names to learn people from up front: 'lib dem leader charles kennedy'
                # tells who 'mr kennedy' is later.
                self._people.setdefault(desc.person, (country, sector))
            return Actor(name=name, kind="PERSON", country=country, sector=sector, **base)
        if desc.org is not None:
            # The organisation's sector, not its name's words ('National Liberation Army' is
            # rebels) nor its staff's ('Pentagon spokesman' speaks for the military).
            sector = desc.org.sector
            international = desc.org.sector in ("IGO", "NGO") and not desc.org.country
            return Actor(
                name=desc.org.name,
                kind=desc.org.kind,
                country=None if international else desc.org.country or country,
                sector=sector,
                **base,
            )
        if desc.role is not None:
            # 'the Russian foreign ministry' is Russia; 'Scottish families' are not the UK.
            by_country = desc.country is not None and desc.role.sector in _STATE
            name = desc.country.name if by_country and desc.country else _plain_name(span, head)
            kind = (
                "PERSON"
                if desc.role.kind == "PERSON"
                else ("ORG" if desc.role.sector in _INSTITUTIONS else "GROUP")
            )
            return Actor(name=name, kind=kind, country=country, sector=desc.role.sector, **base)
        if desc.org_text:
            return Actor(name=desc.org_text, kind="ORG", country=country, **base)
        if desc.country is not None:
            if desc.capital and desc.city_name:  # 'a strike on Vilnius': the city itself
                return Actor(name=desc.city_name, kind="GPE", country=country, **base)
            if desc.country_is_head or self._country_noun(head):
                kind = "GPE"
            elif self._kb.countries.demonym(head.text) is not None:
                kind = "NORP"  # 'Palestinians', 'Iranian'
            elif head.pos_ in ("NOUN", "PROPN") and desc.from_modifier:
                # 'U.S. border patrol agents': coded by nationality, as event coders do, but
                # named as written ('British Jews' are not the British state).
                kind = "GROUP" if head.tag_ in ("NNS", "NNPS") else "UNKNOWN"
                if kind == "GROUP" and not any(t.dep_ in ("poss", "case") for t in span):
                    return Actor(name=_plain_name(span, head), kind=kind, country=country, **base)
            else:
                return None
            sector = "GOV" if desc.capital else None
            return Actor(name=desc.country.name, kind=kind, country=country, sector=sector, **base)
        if desc.city_name:
            return Actor(name=desc.city_name, kind="GPE", country=desc.city_country, **base)
        return None

    # ------------------------------------------------------------------ reference
    def _refer_back(self, head: Token, actor: Actor | None) -> Actor | None:
        """'the ministry', 'the spokesman', 'the Ukrainian leader': a definite description
        names someone the article introduced before; failing that, a state body without a
        country belongs to the country the story is about."""
        if actor is None or (actor.country and actor.kind != "PERSON") or self._named(actor):
            return actor
        if _definite(head):
            found = self._earlier(head, actor)
            if found is not None:
                return found.model_copy(
                    update={"text": actor.text, "start": actor.start, "end": actor.end}
                )
        if actor.country is None and lemma(head) == "regime" and _definite(head):
            # 'the regime' in a story that names one: 'the Assad regime', 'Syria's regime'.
            regime = self._story_regime()
            if regime is not None:
                return actor.model_copy(update={"country": regime})
        if (
            actor.country is None
            and actor.sector in _HOME_SECTORS
            and actor.kind != "GPE"
            and not self._foreign(head)
            and lemma(head) != "regime"  # a story's 'the regime' is rarely its own government
        ):
            home = self._home_country()
            if home is not None:
                return actor.model_copy(update={"country": home})
        if (
            actor.country is None
            and actor.sector == "REB"
            and actor.kind in ("GROUP", "ORG")
            and not self._foreign(head)
            and not any(
                lemma(t) in _FOREIGN_FIGHTERS for t in self._doc[slice(*phrase_bounds(head))]
            )
        ):
            # 'insurgents had negotiated the deal' in a story about Syria: armed groups fight
            # in, and are coded by, the country the story is about -- when the text itself
            # says which (the dateline or the country it names most, not the outlet's own).
            home = self._home_country()
            if home is not None and self._home_from_text:
                return actor.model_copy(update={"country": home})
        return actor

    def _story_regime(self) -> str | None:
        """The one country whose regime the article names by nationality or leader ('the
        Syrian regime', 'the Assad regime', 'Bashar al-Assad's regime'), else None."""
        if self._regime is False:
            found: set[str] = set()
            for match in _REGIME.finditer(self._article.text):
                words = match[1].split()
                for size in range(len(words), 0, -1):
                    code = self._country_of_name(" ".join(words[-size:]))
                    if code is not None:
                        found.add(code)
                        break
            self._regime = found.pop() if len(found) == 1 else None
        return self._regime if isinstance(self._regime, str) else None

    def _country_of_name(self, words: str) -> str | None:
        """The country a demonym, a country's name or a known person's name stands for."""
        country = self._kb.countries.demonym(words) or self._kb.countries.find(words)
        if country is not None:
            return country.code
        person = self._kb.people.find(words)
        return person.country if person is not None else None

    def _earlier(self, head: Token, actor: Actor) -> Actor | None:
        """The earlier mention a definite description refers to: a named person with that
        title ('the Ukrainian leader' -> 'President Volodymyr Zelensky'), else one of the same
        sector and country; a body with the same head noun ('the ministry' -> 'Armenia's
        defence ministry')."""
        word = lemma(head)
        titles = _LEADER_WORDS if word == "leader" else {word}
        start, _ = phrase_bounds(head)
        # 'the foreign secretary' is not the defence secretary named before: the title's own
        # words (not its country's) must be among the words that person was described with.
        required = {
            str(t.lower_)
            for t in self._doc[start : head.i]
            if t.dep_ not in ("det", "poss", "case", "nummod")
            and not t.is_punct
            and self._kb.countries.demonym(t.text) is None
            and self._kb.countries.demonym(t.text.title()) is None
            and self._kb.countries.find(t.text) is None
        }
        positions = self._mention_positions()
        earlier = positions[: bisect.bisect_left(positions, head.i)]
        for i in reversed(earlier[-_LOOK_BACK:]):
            if i > head.i - 3 and self._same_sentence(self._doc[i], head):
                continue
            candidate = self.resolve_one(self._doc[i])
            if candidate is None or candidate.start == actor.start:
                continue
            if actor.kind == "PERSON":
                if candidate.kind != "PERSON" or not self._named(candidate):
                    continue
                if candidate.country not in (None, actor.country) and actor.country:
                    continue
                described = _words_of(candidate.text) | self._titles.get(candidate.name, set())
                if titles & described and required <= described:
                    return candidate.model_copy(
                        update={"country": candidate.country or actor.country}
                    )
                # Only someone described with the same title: 'the deputy prime minister' is
                # not whichever minister the story named last.
                continue
            if actor.country and candidate.country != actor.country:
                continue
            if candidate.kind == "PERSON":
                continue  # 'the students' are not the one student quoted before
            known = candidate.country or candidate.kind == "IGO" or candidate.sector == "IGO"
            if (
                known
                and _compatible_sectors(actor, candidate)
                and _same_body(lemma(self._doc[i]), word)
            ):
                return candidate
        return None

    def _organisation_reference(self, head: Token) -> Actor | None:
        """'the group', 'the movement': the non-state organisation the article named last."""
        if lemma(head) not in _ORGANISATION_WORDS or not _definite(head):
            return None
        if head.tag_ in ("NNS", "NNPS"):
            return None
        positions = self._mention_positions()
        earlier = positions[: bisect.bisect_left(positions, head.i)]
        for i in reversed(earlier[-_LOOK_BACK:]):
            candidate = self.resolve_one(self._doc[i])
            if candidate is None or candidate.kind not in ("ORG", "IGO"):
                continue
            if candidate.sector in _STATE or candidate.sector == "GOV":
                continue
            start, end = phrase_bounds(head)
            span = self._doc[start:end]
            return candidate.model_copy(
                update={"text": span.text, "start": span.start_char, "end": span.end_char}
            )
        return None

    def _foreign(self, head: Token) -> bool:
        """'foreign ambassadors', 'his EU counterparts', 'European leaders': a body the words
        place outside the story's own country."""
        start, end = phrase_bounds(head)
        words = {str(t.lower_) for t in self._doc[start:end]} | {
            lemma(t) for t in self._doc[start:end]
        }
        if head.tag_ not in ("NNS", "NNPS"):
            words.discard("foreign")  # the foreign minister is the story's own country's
        return bool(words & _NOT_HOME)

    def _same_sentence(self, first: Token, second: Token) -> bool:
        return self._article.sentence_number(first) == self._article.sentence_number(second)

    def _named(self, actor: Actor) -> bool:
        """A person the article names ('Arkady Voronin'), not a role ('a Russian diplomat')."""
        name = actor.name
        return bool(
            actor.kind == "PERSON"
            and name[:1].isupper()
            and self._kb.countries.find(name) is None
            and name != _plain_name_of(actor)
        )

    def _group_reference(self, head: Token) -> list[Actor]:
        """'the two sides', 'both governments', 'the delegations': the parties the article
        named together last."""
        if head.tag_ != "NNS" or lemma(head) not in _GROUP_WORDS:
            return []
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod")}
        if not determiners & {"the", "both", "two", "these"}:
            return []
        # 'the three countries' are the last three named together, not the two named since
        counted = next(
            (w for w in determiners if w in _COUNTS), "both" if "both" in determiners else ""
        )
        if any(self._kb.countries.demonym(c.text) for c in head.children):
            return []  # 'the two Korean delegations' names its own
        positions = self._mention_positions()
        earlier = positions[: bisect.bisect_left(positions, head.i)]
        for i in reversed(earlier[-_LOOK_BACK:]):
            token = self._doc[i]
            if self._same_sentence(token, head):
                continue
            members = [a for a in self.resolve(token) if a.country or a.kind == "IGO"]
            parties = len({a.country or a.name for a in members})
            if parties >= 2 and parties == _COUNTS.get(counted, parties):
                return [
                    a.model_copy(
                        update={
                            "text": head.text,
                            "start": head.idx,
                            "end": head.idx + len(head.text),
                        }
                    )
                    for a in members
                ]
        return []

    def _officials_of_group(self, head: Token) -> list[Actor]:
        """'foreign ministers from the three countries': the parties named together last,
        in the officials' sector."""
        if head.tag_ not in ("NNS", "NNPS"):
            return []
        groups = [
            o
            for p in children(head, "prep")
            if lemma(p) in ("of", "from")
            for o in children(p, "pobj")
        ]
        members = next((m for g in groups if (m := self._group_reference(g))), [])
        own = self.resolve_one(head) if members else None
        if own is None or own.country or own.sector is None:
            return []
        return [a.model_copy(update={"sector": own.sector or a.sector}) for a in members]

    def _country_counts(self) -> dict[str, int]:
        """How often the article names each country (names and demonyms)."""
        if self._counts is None:
            counts: dict[str, int] = {}
            for ent in self._doc.ents:
                if ent.label_ in ("GPE", "NORP"):
                    country = self._kb.countries.find(ent.text) or self._kb.countries.demonym(
                        ent.text
                    )
                    if country is not None:
                        counts[country.code] = counts.get(country.code, 0) + 1
            self._counts = counts
        return self._counts

    def _home_country(self) -> str | None:
        """The country a story is about: the dateline's, when it is also the country the
        text names most; without a dateline, one named clearly more than any other, else the
        publishing outlet's country when no other country is named more often."""
        if self._home is False:
            counts = self._country_counts()
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            self._home = None
            dateline = self._article.dateline
            if ranked and dateline is not None:
                place = self._kb.gazetteer.geocode(dateline.place.title())
                if place is not None and place.country == ranked[0][0]:
                    self._home = ranked[0][0]
            elif ranked and ranked[0][1] >= 3:
                runner_up = ranked[1][1] if len(ranked) > 1 else 0
                if ranked[0][1] >= 2 * runner_up:
                    self._home = ranked[0][0]
            self._home_from_text = self._home is not None
            # A national outlet's story without a dateline is about its own country unless the
            # text names another country at least as often.
            publisher = self._article.publisher_country
            if (
                self._home is None
                and dateline is None
                and publisher is not None
                and (not ranked or counts.get(publisher, 0) >= ranked[0][1])
            ):
                self._home = publisher
        return self._home if isinstance(self._home, str) else None

    # ------------------------------------------------------------------ splitting
    def _split(self, head: Token) -> list[Actor]:
        """'Ukrainian and Russian delegations' -> a Ukrainian and a Russian delegation."""
        for mod in children(head, "amod", "compound", "nmod"):
            group = conjuncts(mod)
            if len(group) < 2:
                continue
            countries = [self._token_country(t) for t in group]
            if any(c is None for c in countries):
                continue
            base = self.resolve_one(head)
            if base is None:
                return []
            return [
                base.model_copy(
                    update={
                        "text": token.text,
                        "name": country.name,
                        "country": country.code,
                        "start": token.idx,
                        "end": token.idx + len(token.text),
                    }
                )
                for token, country in zip(group, countries, strict=True)
                if country is not None
            ]
        return []

    def _token_country(self, token: Token) -> Country | None:
        ent = self._article.entity(token)
        if ent is not None and ent.label_ in ("GPE", "NORP"):
            found = self._kb.countries.find(ent.text)
            if found is not None:
                return found
        return self._kb.countries.demonym(token.text) or self._kb.countries.find(token.text)

    # ------------------------------------------------------------------ people
    def _learn_people(self) -> None:
        """Remember each named person's nationality and sector from their descriptions."""
        for ent in self._doc.ents:
            if ent.label_ != "PERSON" or ent.text in self._people:
                continue
            actor = self._phrase_actor(ent.root)
            if actor is None or actor.kind != "PERSON":
                continue
            if actor.country is None:
                actor = self._leader_of(ent.root, actor)
            self._titles.setdefault(actor.name, set()).update(self._description_words(ent.root))
            if actor.country or actor.sector:
                facts = (actor.country, actor.sector)
                self._people[ent.text] = facts
                surname = ent.text.split()[-1]
                if surname != ent.text:
                    self._people.setdefault(surname, facts)
                    self._full_names.setdefault(surname, ent.text)

    def _description_words(self, name: Token) -> set[str]:
        """'Dmitry Peskov, the Kremlin spokesman' -> {'kremlin', 'spokesman', ...}."""
        related = [name, *children(name, "appos")] + ([name.head] if name.dep_ == "appos" else [])
        words: set[str] = set()
        for token in related:
            start, end = phrase_bounds(token)
            words |= _words_of(self._doc[start:end].text)
        return words

    def _leader_of(self, name: Token, actor: Actor) -> Actor:
        """'Ukraine's delegation was led by Oksana Melnyk': who leads a body shares its country."""
        prep = name.head
        verb = prep.head
        if name.dep_ != "pobj" or lemma(prep) != "by" or lemma(verb) not in _LEAD_VERBS:
            return actor
        for subject in children(verb, "nsubjpass"):
            body = self.resolve_one(subject)
            if body is not None and body.country:
                return actor.model_copy(
                    update={"country": body.country, "sector": actor.sector or body.sector}
                )
        return actor

    def _known(self, name: str) -> tuple[str | None, str | None]:
        """What the knowledge base says of a well-known person ('Erdoğan' -> TUR, GOV)."""
        person = self._kb.people.find(name)
        return (person.country, person.sector) if person is not None else (None, None)

    def _known_name(self, name: str) -> str:
        """'Ionescu' -> 'Mihai Ionescu' (named so before); 'Putin' -> 'Vladimir Putin'."""
        person = self._kb.people.find(name)
        return person.name if person is not None else name

    def _person_country(self, name: str) -> str | None:
        facts = self._people.get(name) or self._people.get(name.split()[-1])
        return facts[0] if facts else None

    # ------------------------------------------------------------------ pronouns
    def _pronoun(self, token: Token) -> Actor | None:
        antecedent, settled = self._same_sentence_antecedent(token)
        if antecedent is None and not settled:
            antecedent = self._article_antecedent(token)
        if antecedent is None:
            return None
        others = self._not_antecedents(token)
        if antecedent.name in others:
            # 'X argued: he has apologised' is not X; 'he accused the Tory leader' is not the
            # Tory leader himself.
            antecedent = self._article_antecedent(token, avoid=others)
            if antecedent is None:
                return None
        speaker = self._speakers.get(self._article.quote_index(token))
        if speaker is not None and speaker.country and antecedent.country == speaker.country:
            # 'We told them they kidnapped twenty thousand children': inside a quote, 'they'
            # is the other party, never the speaker's own side.
            antecedent = self._article_antecedent(token, exclude=speaker.country)
            if antecedent is None:
                return None
        return antecedent.model_copy(
            update={"text": token.text, "start": token.idx, "end": token.idx + len(token.text)}
        )

    def _latter(self, head: Token) -> Actor | None:
        """'the Turkish military and their rebel proxies … after the latter swept into Afrin':
        the last (or, for 'the former', the first) of the nearest pair named before, in this
        sentence or the one before."""
        number = self._article.sentence_number(head)
        for i in range(head.i - 1, -1, -1):
            token = self._doc[i]
            if self._article.sentence_number(token) < number - 1:
                break
            if token.dep_ != "conj" or token.head.pos_ not in ("NOUN", "PROPN"):
                continue
            members = conjuncts(token.head)
            chosen = members[-1] if head.lower_ == "latter" else members[0]
            found = self.resolve_one(chosen)
            if found is None:
                return None
            return found.model_copy(
                update={"text": head.text, "start": head.idx, "end": head.idx + len(head.text)}
            )
        return None

    def _spokesperson(self, speaker: Actor) -> bool:
        words = _words_of(speaker.text) | self._titles.get(speaker.name, set())
        return bool(words & _SPOKES) or {"press", "secretary"} <= words

    def _speaker_pronoun(self, token: Token) -> Actor | None:
        speaker = self._speakers.get(self._article.quote_index(token))
        if speaker is None:
            return None
        country = self._kb.countries.get(speaker.country) if speaker.country else None
        if (
            token.lower_ in _WE
            and speaker.kind == "PERSON"
            and speaker.sector in _STATE
            and country is not None
            and self._spokesperson(speaker)
        ):
            # A spokeswoman's 'we have agreed' is her government's act, not her own (a
            # minister's 'we' stays the minister, who acts for it in person).
            speaker = speaker.model_copy(update={"name": country.name, "kind": "GPE"})
        return speaker.model_copy(
            update={"text": token.text, "start": token.idx, "end": token.idx + len(token.text)}
        )

    def _same_sentence_antecedent(self, token: Token) -> tuple[Actor | None, bool]:
        """'Syria says it is willing': the subject of a governing verb comes first.

        Settled (True) also when that subject could be who the pronoun means but names no
        actor the article can place ('Lord Hale said he agreed'): then the pronoun has no
        actor rather than someone from an earlier sentence."""
        current = token.head
        while True:
            for subject in children(current, *SUBJECT_DEPS):
                if subject.i < token.i and subject.lower_ not in PRONOUNS:
                    actor = self.resolve_one(subject)
                    if actor is not None and _compatible(actor, token, _is_plural(subject)):
                        return actor, True
                    if actor is None and _could_mean(subject, token):
                        return None, True
            if current.head == current:
                return None, False
            current = current.head

    def _possessed(self, head: Token) -> bool:
        """'Mr Howard's stance', 'its recent attacks': a thing someone has, not an agent."""
        return bool(
            head.pos_ == "NOUN"
            and children(head, "poss")
            and head.lower_ not in self._kb.roles
            and lemma(head) not in self._kb.roles
            and self._agent_role(self._doc[head.i : head.i + 1], head) is None
        )

    def _not_antecedents(self, token: Token) -> frozenset[str]:
        """Who a third-person pronoun cannot mean: the speaker of the unquoted direct speech it
        stands in ('X argued: he has apologised' — X would say 'I'), and the objects of its own
        verb when it is the subject ('he accused the Tory leader' is not the Tory leader)."""
        names: set[str] = set()
        sentence = token.sent
        colon = next((t for t in sentence if t.i < token.i and t.text == ":"), None)
        is_subject = token.dep_ in ("nsubj", "nsubjpass")
        if is_subject and colon is not None and colon.i > sentence.start:
            verb = self._doc[colon.i - 1]
            verb = verb if verb.pos_ in ("VERB", "AUX") else verb.head
            reporting = lemma(verb) in _REPORTING and verb in token.ancestors
            while not children(verb, "nsubj") and verb.dep_ == "conj":
                verb = verb.head  # 'said he recognised … but argued:'
            if reporting:
                for who in children(verb, "nsubj"):
                    if who.i != token.i:
                        speaker = self.resolve_one(who)
                        if speaker is not None:
                            names.add(speaker.name)
        if is_subject:
            verb = token.head
            objects = [*children(verb, "dobj")]
            objects += [o for p in children(verb, "prep") for o in children(p, "pobj")]
            for obj in objects:
                if obj.lower_ not in PRONOUNS and obj.lower_ not in SPEAKER_PRONOUNS:
                    found = self.resolve_one(obj)
                    if found is not None and found.kind == "PERSON":
                        names.add(found.name)
        return frozenset(names)

    def _article_antecedent(
        self, token: Token, exclude: str | None = None, avoid: frozenset[str] = frozenset()
    ) -> Actor | None:
        """The nearest earlier mention of a compatible kind; mentions resolve only on demand.

        'he'/'she' prefer the last person who was the subject of a recent sentence ('Echeverría
        said … “…,” he said'), over people merely mentioned in between. Names in ``avoid`` are
        passed over."""
        positions = self._mention_positions()
        if token.lower_ in PERSON_PRONOUNS:
            found, blocked = self._recent_subject(token, positions, avoid)
            if blocked and exclude is None:
                return None  # the last person who acted is someone the article cannot place
            if found is not None and (exclude is None or found.country != exclude):
                return found
        number = self._article.sentence_number(token)
        for i in reversed(positions[: bisect.bisect_left(positions, token.i)]):
            head = self._doc[i]
            if number - self._article.sentence_number(head) > _PRONOUN_REACH:
                return None  # too far back to trust: no actor rather than a wrong one
            if head.lower_ in SPEAKER_PRONOUNS:
                continue
            actor = self.resolve_one(head)
            if exclude is not None and (actor is None or actor.country in (None, exclude)):
                continue
            if actor is not None and actor.name in avoid:
                continue
            if (
                actor is not None
                and _compatible(actor, token, _is_plural(head))
                and not _bystander(actor, token)
            ):
                return actor
        return None

    def _recent_subject(
        self, token: Token, positions: list[int], avoid: frozenset[str] = frozenset()
    ) -> tuple[Actor | None, bool]:
        """The last named person who was a subject within two sentences; blocked (True) when
        that subject is a name the article cannot place ('mr hale said ...')."""
        number = self._article.sentence_number(token)
        for i in reversed(positions[: bisect.bisect_left(positions, token.i)]):
            head = self._doc[i]
            if number - self._article.sentence_number(head) > 2:
                return None, False
            agent = head.dep_ == "pobj" and head.head.dep_ == "agent"  # 'denied by Mr Mandelson'
            if head.dep_ in ("nsubj", "nsubjpass") or agent:
                if self._possessed(head) and head.head.dep_ != "ROOT":
                    # 'X told … that Mr Howard's stance was …': a thing someone has, in a
                    # reported clause, is no subject 'he' means ('Mr Straw's trip is …' is).
                    continue
                actor = self.resolve_one(head)
                if actor is not None and actor.name in avoid:
                    continue
                if actor is not None and self._named(actor) and not _bystander(actor, token):
                    return actor, False
                if actor is None and _could_mean(head, token):
                    return None, True
                if actor is not None and actor.kind == "PERSON":
                    return None, False  # 'the prime minister ...': the nearest mention decides
        return None, False

    def _mention_positions(self) -> list[int]:
        """Token positions that may name an actor: argument nouns and named-entity roots."""
        if self._mentions is None:
            doc = self._doc
            names = [ent.root.i for ent in doc.ents if ent.label_ in _NAME_LABELS]
            array = doc.to_array([DEP, POS])  # one pass in C instead of per-token lookups
            deps = {doc.vocab.strings[d] for d in _MENTION_DEPS}
            nouns = {doc.vocab.strings[p] for p in ("NOUN", "PROPN")}
            arguments = [i for i, (dep, pos) in enumerate(array) if dep in deps and pos in nouns]
            self._mentions = sorted(set(arguments) | set(names))
        return self._mentions


_AGENTS = {
    word: key.split(".", 1)[1]
    for key, words in load_language("en").words.items()
    if key.startswith("agents.")
    for word in words
}
_ORGANISATION_WORDS = load_language("en")["references.organisations"]
_FORMER = load_language("en")["qualifiers.former"]
_SHADOW = load_language("en")["qualifiers.shadow"]
_GENERIC = load_language("en")["qualifiers.generic"]
_PARTIES = load_language("en")["qualifiers.parties"]
_NOT_HOME = load_language("en")["qualifiers.not_home"]
_PARTY_TITLES = load_language("en")["qualifiers.party_titles"]
_HONORIFICS = load_language("en")["qualifiers.honorifics"]
_KIN = load_language("en")["qualifiers.kin"]
_PEERS = load_language("en")["qualifiers.peers"]
_OTHERS_THINGS = load_language("en")["recipients.others_things"]
_FOREIGN_FIGHTERS = load_language("en")["qualifiers.foreign_fighters"]
_BRITISH_LABOUR = load_language("en")["qualifiers.british_labour"]
_BRITISH_CONSERVATIVES = load_language("en")["qualifiers.british_conservatives"]
_BRITISH_MARKERS = re.compile(
    r"\b(?:"
    + "|".join(sorted(map(re.escape, load_language("en")["qualifiers.british_markers"])))
    + r")\b"
)
# 'the Syrian regime', 'the Assad regime', "Bashar al-Assad's regime" (up to three name words).
_REGIME = re.compile(r"\b((?:[A-Z][\w-]+ ){0,2}[A-Z][\w-]+?)(?:['’]s)? regime\b")
_PARTY_NAMES = _PARTIES - load_language("en")["qualifiers.party_words_ambiguous"]
_REPORTING = load_language("en")["reporting.verbs"]
_NOT_ABBREVIATIONS = load_language("en")["lower_case.not_abbreviations"]
_NOT_COUNTRIES = frozenset(load_language("en")["lower_case.not_countries"])
_PEOPLE_WORDS = {
    key.split(".", 1)[1]: words
    for key, words in load_language("en").words.items()
    if key.startswith("people_words.")
}
_PEOPLE_GROUPS = {
    key.split(".", 1)[1]: frozenset(fold(w) for w in words)
    for key, words in load_language("en").words.items()
    if key.startswith("people_groups.")
}
_BYSTANDERS = frozenset(s.upper() for s in load_language("en")["pronouns.bystanders"])
# Bodies whose name before a generic title gives its holder their sector ('union leader').
_BODY_SECTORS = frozenset(
    {"LAB", "PTY", "OPP", "REB", "COP", "REL", "BUS", "EDU", "HRI", "NGO", "JUD", "LEG", "CVL"}
)
_LEAD_VERBS = frozenset({"lead", "head", "chair", "command", "represent"})
_LOOK_BACK = 120  # mentions searched for an antecedent
_PRONOUN_REACH = 3  # sentences back a pronoun may find its antecedent
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
_GROUP_WORDS = frozenset(
    {
        "side",
        "party",
        "delegation",
        "country",
        "government",
        "nation",
        "leader",
        "minister",
        "neighbour",
        "neighbor",
        "capital",
        "army",
        "negotiator",
        "president",
        "foe",
        "rival",
        "ally",
    }
)
# Sectors whose unnamed bodies ('the government', 'police') belong to the story's country.
_HOME_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "OPP", "PTY", "ELI", "LAB"})


# Bodies whose staff are named after them: 'a ministry spokeswoman', 'an army officer'.
_BODY_WORDS = frozenset(
    {
        "ministry",
        "government",
        "army",
        "military",
        "police",
        "court",
        "office",
        "embassy",
        "presidency",
        "parliament",
        "delegation",
        "agency",
        "department",
        "navy",
        "mission",
    }
)
_LEADER_WORDS = frozenset(
    {
        "president",
        "minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "emir",
        "sultan",
        "monarch",
        "leader",
        "head",
    }
)
_STATE = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})


def _compatible_sectors(description: Actor, candidate: Actor) -> bool:
    """'the ministry' may be the defence ministry (MIL), but 'the army' is not the 'National
    Liberation Army' rebels."""
    first, second = description.sector, candidate.sector
    if first is None or second is None or "IGO" in (first, second) or first == second:
        return True
    return first in _STATE and second in _STATE


# Words a story uses in turn for one government: 'Niger's military government' ... 'the junta'.
_GOVERNMENT_WORDS = frozenset(
    {"government", "junta", "regime", "administration", "authority", "cabinet", "leadership"}
)


def _same_body(first: str, second: str) -> bool:
    """'the junta' may be 'Niger's military government'; but 'the regime' is a word a story
    keeps for one government ('the Assad regime'), never for another it calls a government."""
    if "regime" in (first, second):
        return first == second
    return first == second or (first in _GOVERNMENT_WORDS and second in _GOVERNMENT_WORDS)


def _definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _plain_name_of(actor: Actor) -> str:
    """The name a role actor gets when no one is named ('the spokesman' -> 'spokesman')."""
    return " ".join(w for w in actor.text.split() if w.lower() not in ("the", "a", "an"))


def _words_of(text: str) -> set[str]:
    words = set()
    for word in text.lower().replace("’", "'").split():
        word = word.strip(".,;:'\"").removesuffix("'s")
        words.add(word)
        words.add(word.removesuffix("s"))
    return words


def _locative_object(token: Token) -> bool:
    """'on Vilnius', 'in Moscow': a capital after a preposition is a place, not its government."""
    return bool(
        token.dep_ == "pobj" and lemma(token.head) in ("on", "in", "at", "near", "into", "over")
    )


def _compatible(actor: Actor, pronoun: Token, plural: bool) -> bool:
    word = pronoun.lower_
    if word in PERSON_PRONOUNS:
        return actor.kind == "PERSON"
    if word in THING_PRONOUNS:
        return actor.kind in ("GPE", "ORG", "IGO") and not plural
    # A country is 'it', a person 'he' or 'she'; 'they' after 'Syria and Iraq' or 'Hale and
    # Moss' means both, never one of them.
    return actor.kind not in ("GPE", "PERSON") and (plural or actor.kind in ("GROUP", "NORP"))


def _could_mean(subject: Token, pronoun: Token) -> bool:
    """Whether an unresolved subject could be who the pronoun means: a proper name for 'he',
    'she' and 'it' ('lord hale', 'Tahrir al-Sham'), a plural noun for 'they'."""
    word = pronoun.lower_
    if word in GROUP_PRONOUNS:
        return subject.pos_ in ("NOUN", "PROPN") and _is_plural(subject)
    return subject.pos_ == "PROPN" and not _is_plural(subject)


def _bystander(actor: Actor, pronoun: Token) -> bool:
    """Who a pronoun does not reach back to: the journalist or correspondent of the story for
    'he'/'she', a venue for any pronoun."""
    if actor.kind == "FAC":
        return True
    return pronoun.lower_ in PERSON_PRONOUNS and actor.sector in _BYSTANDERS


def _is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or bool(token.conjuncts)


def _body_of(desc: _Description, extra: _Description, extra_head: Token) -> _Description:
    """'the leader of the opposition' (OPP), 'two leaders of the SDF' (REB): a generic title
    takes the sector of the body its of- or for-phrase names."""
    role = desc.role
    if role is None or role.sector != "GOV" or extra_head.dep_ != "pobj":
        return desc
    title = extra_head.head.head
    if lemma(title) not in _GENERIC:
        return desc
    body = extra.org.sector if extra.org else (extra.role.sector if extra.role else None)
    if body is None or body not in _BODY_SECTORS | {"REB", "IGO", "NGO"}:
        return desc
    return replace(desc, role=Role(sector=body, kind=role.kind))


def _merge(first: _Description, second: _Description) -> _Description:
    updates = {
        name: getattr(second, name)
        for name in ("person", "org", "org_text", "country", "role", "city_country", "city_name")
        if getattr(first, name) is None and getattr(second, name) is not None
    }
    return replace(first, **updates) if updates else first


_QUANTIFIERS = frozenset(
    {"few", "several", "many", "some", "most", "dozens", "hundreds", "thousands", "other", "more"}
)


def _plain_name(span: Span, head: Token) -> str:
    """'several thousand people' -> 'people': the described words, not how many."""
    words = [
        t.text
        for t in span
        if (t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in _QUANTIFIERS) or t == head
    ]
    return " ".join(words) if words else head.text


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[str, str | None, int | None]] = set()
    out = []
    for actor in actors:
        key = (actor.name, actor.country, actor.start)
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out


def _names_party(words: list[str]) -> bool:
    """Whether a party's name is among the words before a title ('lib dem home affairs')."""
    return any(
        " ".join(words[k : k + size]) in _PARTY_NAMES
        for size in (1, 2, 3)
        for k in range(len(words) - size + 1)
    )
