"""The ``exportguard`` command: sub-commands registered here, errors mapped to exit codes here."""

from __future__ import annotations

import os
import sys
from typing import Any, Protocol, cast

import typer
from rich.markup import escape

from exportguard import __version__
from exportguard.cli import assess, exit_codes, screen, serve
from exportguard.cli.common import err_console
from exportguard.cli.entity import entity
from exportguard.cli.lists import app as lists_app
from exportguard.errors import ExportguardError

app = typer.Typer(
    name="exportguard",
    help="Restricted-party screening and human-rights due diligence for surveillance technology exports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(lists_app, name="lists")
app.command("entity")(entity)

screen.register(app)  # screen, screen-file
assess.register(app)
serve.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"exportguard {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Restricted-party screening and human-rights due diligence for surveillance technology exports.

    Exit codes: 0 success/no match, 1 other error, 2 usage, 3 input file, 4 invalid input,
    5 store, 6 not found, 7 download, 10 screening match, 70 internal error, 130 interrupted.
    """


def _is_click_error(exc: BaseException, name: str) -> bool:
    # typer may bring click or its own copy of it: recognise its exceptions by class name
    return any(cls.__name__ == name for cls in type(exc).__mro__)


class _ClickError(Protocol):
    """What exportguard reads of click's (or typer's copy of click's) usage errors."""

    exit_code: int
    ctx: Any

    def format_message(self) -> str: ...


def _usage_error(exc: Exception) -> int:
    """A bad command line: help when nothing was asked, else one line naming the problem."""
    err = cast(_ClickError, exc)
    ctx = getattr(err, "ctx", None)
    if _is_click_error(exc, "NoArgsIsHelpError") and ctx is not None:
        typer.echo(ctx.get_help())
        return exit_codes.USAGE
    hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    err_console.print(f"[red]error:[/] {escape(err.format_message())}{escape(hint)}", highlight=False)
    return int(err.exit_code)


def main() -> None:
    try:
        code = app(standalone_mode=False)
    except ExportguardError as exc:
        err_console.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(exit_codes.INTERRUPTED)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
        if _is_click_error(exc, "ClickException"):
            sys.exit(_usage_error(exc))
        if _is_click_error(exc, "Abort"):
            err_console.print("aborted")
            sys.exit(exit_codes.ERROR)
        if os.environ.get("EXPORTGUARD_DEBUG"):
            raise
        err_console.print(
            f"[red]internal error:[/] {type(exc).__name__}: {escape(str(exc))} (set EXPORTGUARD_DEBUG=1 for the traceback)",
            highlight=False,
        )
        sys.exit(exit_codes.INTERNAL)
    sys.exit(code if isinstance(code, int) else exit_codes.OK)

if __name__ == "__main__":
    main()
