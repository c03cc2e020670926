from pathlib import Path

import pytest

from lint.config import ConfigError, find_config, load_config, matches_any, preset_names


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value)


def test_presets_ship_with_the_package() -> None:
    assert {"default", "us-wire", "uk", "example-outlet"} <= set(preset_names())
    config = load_config(None)
    assert config.house.language == ""  # no language: spelling follows each article
    assert config.house.spelling == "us"


def test_extends_preset_and_overrides_house_style(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".newslint.yaml", "extends: uk\noutlet:\n  name: The Courier\n  domains: [Courier.co.uk]\n")
    config = load_config(cfg)
    assert config.house.spelling == "gb"
    assert config.house.headline_case == "sentence"
    assert config.house.outlet_name == "The Courier"
    assert config.house.domains == ("courier.co.uk",)


def test_unknown_check_names_file_line_and_choices(tmp_path: Path) -> None:
    cfg = write(tmp_path / "c.yaml", "outlet:\n  name: X\nchecks:\n  placeholder-txt: true\n")
    message = error_of(cfg)
    assert message.startswith(f"{cfg}:4: unknown check 'placeholder-txt'")
    assert "did you mean 'placeholder-text'" in message
    assert "valid: " in message and "\n" not in message


def test_unknown_option_and_wrong_type(tmp_path: Path) -> None:
    cfg = write(tmp_path / "c.yaml", "checks:\n  placeholder-text:\n    extra_paterns: [x]\n")
    assert error_of(cfg) == (
        f"{cfg}:3: check 'placeholder-text' has no option 'extra_paterns' (valid: enabled, severity, extra_patterns)"
    )
    cfg = write(tmp_path / "d.yaml", "checks:\n  placeholder-text:\n    severity: fatal\n")
    assert error_of(cfg) == (
        f"{cfg}:3: 'placeholder-text.severity' must be one of 'error', 'warning', 'info', not 'fatal'"
    )
    cfg = write(tmp_path / "e.yaml", "style:\n  headline_case: 3\n")
    assert error_of(cfg).startswith(f"{cfg}:2: 'style.headline_case' must be one of 'sentence', 'title', 'any'")


def test_unknown_top_level_key_and_bad_yaml(tmp_path: Path) -> None:
    cfg = write(tmp_path / "c.yaml", "outlet: {}\nchekcs: {}\n")
    assert error_of(cfg).startswith(f"{cfg}:2: unknown setting 'chekcs' (valid: extends, outlet")
    cfg = write(tmp_path / "d.yaml", "checks: [unclosed\n")
    assert error_of(cfg).startswith(f"{cfg}:2: config is not valid YAML")


def test_extends_cycle_and_missing_preset(tmp_path: Path) -> None:
    a = write(tmp_path / "a.yaml", "extends: b.yaml\n")
    write(tmp_path / "b.yaml", "extends: a.yaml\n")
    assert "config extends itself (a.yaml -> b.yaml -> a.yaml)" in error_of(a)
    c = write(tmp_path / "c.yaml", "extends: nonesuch\n")
    assert error_of(c).startswith(f"{c}:1: extends unknown preset 'nonesuch' (presets: default")


def test_check_settings_severity_and_disable(tmp_path: Path) -> None:
    cfg = write(tmp_path / "c.yaml", "checks:\n  placeholder-text: {severity: warning}\n  parse-error: false\n")
    config = load_config(cfg)
    resolved = {rc.check.id: rc for rc in config.for_file(tmp_path / "x.md").checks}
    assert resolved["placeholder-text"].severity is not None
    assert resolved["placeholder-text"].severity.value == "warning"
    assert "parse-error" not in resolved


def test_overrides_apply_by_path(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / ".newslint.yaml",
        "overrides:\n  - files: ['opinion/**']\n    checks:\n      placeholder-text: false\n",
    )
    config = load_config(cfg)
    ids = lambda p: {rc.check.id for rc in config.for_file(p).checks}  # noqa: E731
    assert "placeholder-text" in ids(tmp_path / "news" / "a.md")
    assert "placeholder-text" not in ids(tmp_path / "opinion" / "2026" / "a.md")


def test_config_is_found_upward(tmp_path: Path) -> None:
    cfg = write(tmp_path / "newslint.yaml", "outlet: {name: X}\n")
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()  # up to the repository root (tests/test_trust.py: never above it)
    assert find_config(tmp_path / "a" / "b") == cfg


@pytest.mark.parametrize(
    ("path", "globs", "expected"),
    [
        ("drafts/a.md", ("drafts/",), True),
        ("news/drafts/a.md", ("drafts/",), True),
        ("news/a.md", ("drafts/",), False),
        ("news/a.md", ("*.md",), True),
        ("news/2026/a.md", ("news/**/*.md",), True),
        ("news/a.md", ("news/**/*.md",), True),
        ("sport/a.md", ("news/**/*.md",), False),
    ],
)
def test_globs(path: str, globs: tuple[str, ...], expected: bool) -> None:
    assert matches_any(path, globs) is expected


@pytest.mark.parametrize("name", ["default", "us-wire", "uk", "example-outlet"])
def test_every_preset_is_valid(name: str) -> None:
    from lint.config import presets_dir

    config = load_config(presets_dir() / f"{name}.yaml")
    assert config.for_file(Path("story.md")).checks


def test_the_readme_config_example_is_valid(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Configuration", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "house_checks.py").write_text(
        "from lint.checks.base import Check\n\n\nclass Nothing(Check):\n    id = 'house-nothing'\n"
        "    category = 'structure'\n\n    def run(self, doc, options, house):\n        return []\n",
        encoding="utf-8",
    )
    config = load_config(write(tmp_path / ".newslint.yaml", block))
    assert config.house.outlet_name == "Harbor News"
    assert "house-nothing" in config.registry.ids()
