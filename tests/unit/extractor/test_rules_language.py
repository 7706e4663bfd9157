"""One loader reads every language data file once (rules/lang)."""

from __future__ import annotations

from importlib import resources

import pytest

from newswire_extractor.rules.lang import load_language, parse_language, word_data, word_set


def test_every_file_of_the_language_is_loaded_once() -> None:
    folder = resources.files("newswire_extractor.rules.lang") / "en"
    names = {e.name.removesuffix(".toml") for e in folder.iterdir() if e.name.endswith(".toml")}
    english = load_language("en")
    assert set(english.files) == names
    assert load_language("en") is english  # cached: one parse per process
    # The shorthands read the same parse, not the file again.
    assert word_data("dates.toml") is english.data("dates")
    assert word_data("places") is english.data("places.toml")


def test_word_tables_become_word_sets_and_other_files_stay_as_parsed() -> None:
    english = load_language("en")
    assert "say" in english["reporting.verbs"]  # modality.toml
    assert "opinion" in {key.split(".")[1] for key in english.words if key.startswith("cues.")}
    assert "monday" in word_data("dates")["weekdays"]  # dates.toml has lists and tables
    assert "in" in word_set("places", "locative_prepositions")
    with pytest.raises(KeyError, match="no word list"):
        english["reporting.nothing"]
    with pytest.raises(KeyError, match="no file"):
        english.data("nothing")


def test_a_word_table_that_is_not_lists_of_words_is_refused() -> None:
    with pytest.raises(ValueError, match="must be a list of strings"):
        parse_language("xx", {"reporting": {"verbs": [1, 2]}})
