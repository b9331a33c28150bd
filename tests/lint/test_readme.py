"""The README's S-code table and lint configuration example are generated from the code and kept current.

Regenerate them with `python -m clausebook.lint.registry --write-readme`.
"""

from __future__ import annotations

from pathlib import Path

from clausebook.lint import registry

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_has_both_generated_blocks() -> None:
    names = [match.group(2) for match in registry.README_BLOCK.finditer(README.read_text(encoding="utf-8"))]
    assert sorted(names) == sorted(registry.README_GENERATORS)


def test_readme_generated_blocks_are_current() -> None:
    text = README.read_text(encoding="utf-8")
    assert registry.render_readme(text) == text, (
        "README.md is out of date: run `python -m clausebook.lint.registry --write-readme`")


def test_config_example_lists_every_option_and_parses(tmp_path: Path) -> None:
    import tomllib

    from clausebook.lint.config import declared_options, parse_config

    toml = registry.config_example().removeprefix("```toml\n").removesuffix("\n```")
    table = tomllib.loads(toml)["tool"]["clausebook"]["lint"]
    assert set(declared_options()) <= set(table)
    assert parse_config(table).option("readability-min-words") == 30


def test_write_readme_rewrites_only_the_blocks(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("# Title\n\n<!-- generated: s-codes -->\nstale\n<!-- end -->\n\nText.\n", encoding="utf-8")
    assert registry.main(["--write-readme", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\n<!-- generated: s-codes -->\n| code | severity | problem |")
    assert "stale" not in text and text.endswith("<!-- end -->\n\nText.\n")
