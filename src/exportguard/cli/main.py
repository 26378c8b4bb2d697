"""The ``exportguard`` command: sub-commands registered here, errors mapped to exit codes here."""

from __future__ import annotations

import os
import sys

import typer

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


def main() -> None:
    try:
        app(standalone_mode=True)
    except ExportguardError as exc:
        err_console.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(exit_codes.INTERRUPTED)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
        if os.environ.get("EXPORTGUARD_DEBUG"):
            raise
        err_console.print(
            f"[red]internal error:[/] {type(exc).__name__}: {exc} (set EXPORTGUARD_DEBUG=1 for the traceback)",
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(exit_codes.INTERNAL)


if __name__ == "__main__":
    main()
