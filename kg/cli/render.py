"""One way to print listings: ``render(rows, columns, fmt)`` for every listing command."""

from __future__ import annotations

import csv
import enum
import io
import json
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


#: Table cells longer than this are cut with an ellipsis (csv, tsv, json and jsonl keep them whole).
TABLE_CELL_WIDTH = 80


def _table(rows: list[dict[str, Any]], columns: list[str], stream: Any) -> None:
    """Aligned columns, fast for any number of rows."""
    cells = []
    for row in rows:
        line = []
        for column in columns:
            text = " ".join(cell(row.get(column)).split())
            line.append(text if len(text) <= TABLE_CELL_WIDTH else text[:TABLE_CELL_WIDTH - 1] + "\u2026")
        cells.append(line)
    widths = [max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(columns)]

    def join(values: list[str]) -> str:
        return "   ".join(value.ljust(width) for value, width in zip(values, widths, strict=True)).rstrip() + "\n"

    stream.write(join(columns))
    stream.write(join(["\u2500" * width for width in widths]))
    stream.writelines(join(line) for line in cells)
    if not rows:
        stream.write("(no rows)\n")
