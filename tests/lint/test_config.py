"""Rule options: declared by each rule module, checked in one place, read back by name."""

from __future__ import annotations

import pytest

from clausebook.core.errors import UsageError
from clausebook.lint.config import LintConfig, Option, declared_options, parse_config
from clausebook.lint.registry import all_rules


def test_the_shipped_options_and_defaults() -> None:
    assert {name: (code, option.default) for name, (code, option) in declared_options().items()} == {
        "max-sentence-words": ("C003", 35),
        "min-reading-ease": ("C004", 30.0),
        "readability-min-words": ("C004", 30),
        "duplicate-threshold": ("C007", 0.9),
    }


def test_every_declared_option_is_an_option_with_a_help_line() -> None:
    for module in all_rules():
        for option in getattr(module, "OPTIONS", ()):
            assert isinstance(option, Option) and option.help and option.checked(option.default) == option.default


def test_defaults_fill_in_and_read_back_by_name() -> None:
    config = LintConfig()
    assert config.option("max-sentence-words") == 35 and config.max_sentence_words == 35
    assert LintConfig(max_sentence_words=12).option("max-sentence-words") == 12
    assert LintConfig(options={"duplicate-threshold": 0.95}).duplicate_threshold == 0.95
    assert LintConfig(max_sentence_words=35) == LintConfig()


def test_an_unknown_option_in_code_is_refused() -> None:
    with pytest.raises(TypeError, match="max-sentence-word"):
        LintConfig(max_sentence_word=3)


def test_a_misspelt_key_gets_a_did_you_mean() -> None:
    with pytest.raises(UsageError, match=r"'max-sentence-word' is not a lint setting; did you mean "
                                         r"'max-sentence-words'\?"):
        parse_config({"max-sentence-word": 3})


@pytest.mark.parametrize("key, value, message", [
    ("max-sentence-words", 2.5, "must be a whole number"),
    ("max-sentence-words", True, "must be a whole number"),
    ("readability-min-words", 0, "must be at least 1"),
    ("min-reading-ease", "easy", "must be a number"),
    ("duplicate-threshold", 0.2, "must be between 0.5 and 1"),
])
def test_bad_values_name_the_key(key: str, value: object, message: str) -> None:
    with pytest.raises(UsageError, match=f"'{key}' {message}"):
        parse_config({key: value})


def test_whole_numbers_are_accepted_for_a_number_option() -> None:
    config = parse_config({"min-reading-ease": 40})
    assert config.option("min-reading-ease") == 40.0 and isinstance(config.option("min-reading-ease"), float)
