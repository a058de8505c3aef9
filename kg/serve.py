"""Serve a store over the SPARQL 1.1 Protocol with the Oxigraph server, read-only.

We do not write a server: the ``oxigraph`` package (the ``serve`` extra) ships Oxigraph's own HTTP server,
which opens the store's current generation read-only, on 127.0.0.1 by default, with the union of its
graphs as the default graph (so our queries, which read ``urn:polkg:graph``, need no ``FROM``) and a
query timeout. YASGUI, rdflib's ``SPARQLStore`` and any SPARQL client can then query
``http://HOST:PORT/query``.

Examples
--------
>>> command = server_command("/data/kg/gen-1/oxigraph", host="127.0.0.1", port=7878, timeout=30,
...                          binary="oxigraph")
>>> command[:2], command[-3:]
(['oxigraph', 'serve-read-only'], ['--union-default-graph', '--timeout-s', '30'])
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from kg.errors import KGError, StoreError

__all__ = ["oxigraph_binary", "served_location", "server_command"]


def oxigraph_binary() -> str:
    """The Oxigraph server executable: ``$POLKG_OXIGRAPH``, beside this Python, or on the PATH.

    Raises
    ------
    KGError
        If it is not installed.
    """
    candidates = [os.environ.get("POLKG_OXIGRAPH"), str(Path(sys.executable).parent / "oxigraph"),
                  shutil.which("oxigraph")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise KGError("the Oxigraph server is not installed: pip install 'polkg[serve]' (the oxigraph package)")


def served_location(store: str | Path | None) -> Path:
    """The RocksDB directory of the store's current generation, which the server opens read-only.

    Raises
    ------
    StoreError
        If the store is not an Oxigraph store on disk or holds no graph.
    """
    from kg.store import OxigraphDirStore, open_store

    target = open_store(store)
    if not isinstance(target, OxigraphDirStore):
        raise StoreError(f"kg serve serves Oxigraph stores on disk; {target.spec} is not one")
    target._check()
    return (target.root / "current").resolve() / "oxigraph"


def server_command(location: str | Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: int = 30,
                   binary: str | None = None) -> list[str]:
    """The command line that serves ``location`` read-only on ``host:port`` with a query timeout."""
    return [binary or oxigraph_binary(), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}",
            "--union-default-graph", "--timeout-s", str(timeout)]
