"""Meta-tests: every CLI command and option, every setting and every exit code is documented."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer

from exportguard.cli import exit_codes
from exportguard.cli.main import app

ROOT = Path(__file__).parent.parent.parent
CLI_DOC = ROOT / "docs" / "cli.md"
README = ROOT / "README.md"


def _is_group(cmd: Any) -> bool:
    # typer may bring click or its own copy of it: recognise groups and parameters by shape
    return hasattr(cmd, "commands")


def _commands(cmd: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    out = [(path, cmd)] if path and not _is_group(cmd) else []
    if _is_group(cmd):
        for name, sub in cmd.commands.items():
            out.extend(_commands(sub, (*path, name)))
    return out


def _sections() -> dict[str, str]:
    text = CLI_DOC.read_text("utf-8")
    parts = re.split(r"^## `?exportguard ([^`\n]+?)`?\s*$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def test_every_command_and_option_is_documented() -> None:
    sections = _sections()
    missing = []
    commands = _commands(typer.main.get_command(app))
    names = {" ".join(path) for path, _ in commands}
    assert {"lists load", "screen", "screen-file", "assess", "serve", "entity"} <= names, names
    for path, cmd in commands:
        name = " ".join(path)
        if name not in sections:
            missing.append(f"command `exportguard {name}`")
            continue
        for param in cmd.params:
            if param.param_type_name == "option":
                longs = [o for o in param.opts if o.startswith("--")]
                if longs and longs[0] != "--help" and longs[0] not in sections[name]:
                    missing.append(f"option {longs[0]} of `exportguard {name}`")
            elif param.param_type_name == "argument":
                if param.name and param.name.upper() not in sections[name]:
                    missing.append(f"argument {param.name.upper()} of `exportguard {name}`")
    assert not missing, "undocumented in docs/cli.md: " + "; ".join(missing)


def test_every_exit_code_is_in_readme() -> None:
    readme = README.read_text("utf-8")
    for code in exit_codes.EXIT_CODES:
        assert re.search(rf"^\| {code} \|", readme, flags=re.M), f"exit code {code} missing from README"


def test_every_setting_is_documented() -> None:
    docs = README.read_text("utf-8") + "".join(p.read_text("utf-8") for p in (ROOT / "docs").glob("*.md"))
    src = "".join(p.read_text("utf-8") for p in (ROOT / "src" / "exportguard").rglob("*.py"))
    names = set(re.findall(r"EXPORTGUARD_[A-Z_]+", src))
    undocumented = sorted(n for n in names if n not in docs)
    assert not undocumented, f"settings not documented: {undocumented}"
