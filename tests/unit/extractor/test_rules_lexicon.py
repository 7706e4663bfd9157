"""The trigger lexicon is well-formed data and covers all sixteen PLOVER types."""

from __future__ import annotations

from newswire_contracts.messages import EVENT_TYPES
from newswire_extractor.rules.lexicon import Lexicon, load_lexicon, parse_lexicon


def _lexicon() -> Lexicon:
    return load_lexicon()


def test_every_rule_has_a_plover_type_and_a_sane_strength() -> None:
    lexicon = _lexicon()
    rules = [r for table in (lexicon.verbs, lexicon.nouns) for rs in table.values() for r in rs]
    assert rules
    for rule in rules:
        assert rule.event_type in EVENT_TYPES
        assert rule.state_type is None or rule.state_type in EVENT_TYPES
        assert 0 < rule.strength <= 1


def test_all_sixteen_types_have_triggers() -> None:
    lexicon = _lexicon()
    covered = {
        r.event_type
        for table in (lexicon.verbs, lexicon.nouns)
        for rs in table.values()
        for r in rs
    }
    assert covered == set(EVENT_TYPES)


def test_composition_tables_name_real_types() -> None:
    lexicon = _lexicon()
    for table in (lexicon.future, lexicon.request_modes, lexicon.threat_modes):
        assert set(table) <= set(EVENT_TYPES)
    assert set(lexicon.future.values()) <= set(EVENT_TYPES)


def test_more_specific_entries_come_first() -> None:
    lexicon = parse_lexicon(
        {
            "verb": [
                {"type": "SUPPORT", "lemmas": ["welcome"]},
                {"type": "CONSULT", "lemmas": ["welcome"], "object_actor": True, "swap": True},
            ]
        }
    )
    first, second = lexicon.verb_rules("welcome")
    assert (first.event_type, first.swap) == ("CONSULT", True)
    assert second.event_type == "SUPPORT"
    assert lexicon.verb_rules("unknown") == ()


def test_packaged_cues_and_support_verbs_load() -> None:
    lexicon = _lexicon()
    assert "hold" in lexicon.support_verbs
    assert "take" in lexicon.occur_verbs
    assert dict(lexicon.mode_cues["ASSAULT"])["explosives"] >= {"bomb", "ied"}
