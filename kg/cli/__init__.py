"""The ``kg`` command: a thin second face on the library.

Each command parses its options, calls one library function and renders the result. Data goes to
stdout, messages to stderr. Every :class:`kg.errors.KGError` becomes ``Error: <message>`` on stderr
with exit status 1; usage errors exit with 2.
"""

from __future__ import annotations

import os
import sys

import typer

from kg.errors import KGError

__all__ = ["app", "main"]

app = typer.Typer(
    name="kg",
    help="polkg: knowledge graphs of political actors and the relations between them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(f"polkg {version('polkg')}")
        except PackageNotFoundError:
            print("polkg (not installed)")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Show the version and exit.", callback=_version,
                                 is_eager=True),
) -> None:
    """polkg: knowledge graphs of political actors and the relations between them."""


# One module per command group; importing them registers their commands (in this order in --help).
from kg.cli import analyze as _analyze  # noqa: E402,F401
from kg.cli import extract as _extract  # noqa: E402,F401
from kg.cli import graph as _graph  # noqa: E402,F401
from kg.cli import ontology as _ontology  # noqa: E402,F401
from kg.cli import store as _store  # noqa: E402,F401


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; map polkg errors to one line on stderr and exit status 1."""
    try:
        app(args=argv, prog_name="kg")
    except KGError as exc:
        sys.stdout.flush()
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(1)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
