"""Command-line interface (Typer). Thin: every command calls the library and formats its answer."""
