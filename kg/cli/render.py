"""One way to print listings: ``render(rows, columns, fmt)`` for every listing command."""

from __future__ import annotations

import csv
import enum
import io
import json
import os
import sys
from datetime import date
from typing import Annotated, Any

import typer

__all__ = ["Format", "FormatOpt", "cell", "render"]


class Format(str, enum.Enum):
    """Output formats of listing commands."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]


def cell(value: Any) -> str:
    """Render one value as text: dates in ISO form, booleans lower case, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def render(rows: list[dict[str, Any]], columns: list[str], fmt: Format, *, out: Any = None) -> None:
    """Write ``rows`` to stdout (or ``out``) in ``fmt``; data only, never messages."""
    stream = out or sys.stdout
    if fmt is Format.json:
        stream.write(json.dumps([{c: _json_value(r.get(c)) for c in columns} for r in rows], indent=2,
                                ensure_ascii=False) + "\n")
    elif fmt is Format.jsonl:
        for row in rows:
            stream.write(json.dumps({c: _json_value(row.get(c)) for c in columns}, ensure_ascii=False) + "\n")
    elif fmt in (Format.csv, Format.tsv):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt is Format.csv else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[cell(r.get(c)) for c in columns] for r in rows])
        stream.write(buffer.getvalue())
    else:
        _table(rows, columns, stream)


def _table(rows: list[dict[str, Any]], columns: list[str], stream: Any) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    width = None if stream.isatty() else int(os.environ.get("COLUMNS", "250"))
    console = Console(file=stream, width=width, soft_wrap=False,
                      highlight=False, emoji=False, markup=False)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(cell(row.get(c)) for c in columns))
    console.print(table)
    if not rows:
        console.print("(no rows)")
