"""Progress on stderr for long runs: a rich bar on a terminal, nothing in a pipe or a log."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["DocumentProgress", "document_progress", "row_progress"]


class DocumentProgress:
    """Counts documents, words and statements; draws them when a rich progress bar is attached."""

    def __init__(self, progress: Any = None, task: Any = None):
        self._progress = progress
        self._task = task
        self.documents = 0
        self.statements = 0
        self.words = 0

    def __call__(self, document: Any, statements: int) -> None:
        self.documents += 1
        self.statements += statements
        self.words += len(document.text.split())
        if self._progress is not None:
            self._progress.update(self._task, advance=1,
                                  description=f"{self.documents:,} documents, {self.statements:,} statements")


@contextmanager
def document_progress(label: str = "Extracting", *, enabled: bool | None = None) -> Iterator[DocumentProgress]:
    """A :class:`DocumentProgress` drawn on stderr when it is a terminal (or ``enabled``)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield DocumentProgress()
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn(f"{label}: {{task.description}}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("starting", total=None)
        yield DocumentProgress(progress, task)


@contextmanager
def row_progress(label: str = "Importing", *, enabled: bool | None = None) -> Iterator[Any]:
    """A callable ``(path, rows in it)``, called once a file is done, that draws a rich status line (files and
    rows so far) on stderr when it is a terminal."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield lambda path, rows: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn(f"{label}: {{task.description}}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("starting", total=None)
        done = {"files": 0, "rows": 0}

        def update(path: Any, rows: int) -> None:
            done["files"] += 1
            done["rows"] += rows
            progress.update(task, description=f"{done['files']:,} files, {done['rows']:,} rows (last {path.name})")

        yield update
