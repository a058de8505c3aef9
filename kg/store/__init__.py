"""Where graphs live: one :class:`Store` protocol, one :class:`Handle` protocol, three backends.

A store is named by a *spec*:

``PATH`` (default ``./.kg``, or ``$KG_STORE``)
    An Oxigraph (RocksDB) store on disk in generations switched atomically (:mod:`kg.store.oxigraph`).
``memory:FILE``
    rdflib's Memory store, loaded from and saved to one RDF file (TriG, N-Quads, Turtle, N-Triples),
    written to a temporary file and renamed (:mod:`kg.store.memory`).
``memory``
    rdflib's Memory store in this process only.
``http(s)://HOST:PORT[/PATH]``
    A SPARQL 1.1 server: Oxigraph, Virtuoso, Fuseki (:mod:`kg.store.remote`).

Every store keeps data and ontology in the named graph ``urn:polkg:graph``; queries use it as their
default graph. :mod:`kg.store.base` defines the protocols, :mod:`kg.store.load` bulk-loads RDF files and
:mod:`kg.store.serve` serves a store over HTTP. Nothing outside this package touches pyoxigraph or
oxrdflib.

Examples
--------
>>> handle = new_handle()
>>> from rdflib import URIRef, Literal
>>> handle.add([(URIRef("urn:x"), URIRef("urn:p"), Literal("y"))])
>>> handle.count(), handle.query("SELECT ?o WHERE { <urn:x> ?p ?o }").rows
(1, [{'o': 'y'}])
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import StoreError
from kg.store.base import Handle, QueryResult, Store, Transaction, Triple, bind_prefixes
from kg.store.memory import MemoryStore, RdflibHandle
from kg.store.oxigraph import OxigraphDirStore, OxigraphHandle
from kg.store.remote import RemoteStore

__all__ = ["DEFAULT_STORE", "Handle", "MemoryStore", "OxigraphDirStore", "QueryResult", "RemoteStore", "Store",
           "Transaction", "Triple", "bind_prefixes", "new_handle", "open_store"]

DEFAULT_STORE = ".kg"


def new_handle(backend: str = "oxigraph") -> Handle:
    """An empty graph in this process: Oxigraph in memory (fast), or rdflib's pure-Python Memory store.

    Raises
    ------
    StoreError
        If ``backend`` is neither ``oxigraph`` nor ``memory``.
    """
    if backend == "oxigraph":
        return OxigraphHandle()
    if backend == "memory":
        return RdflibHandle()
    raise StoreError(f"unknown graph backend {backend!r}: use oxigraph or memory")


def open_store(spec: str | Path | None = None) -> Store:
    """Return the store named by ``spec`` (see the module docs); ``None`` means ``$KG_STORE`` or ``.kg``.

    Examples
    --------
    >>> open_store("memory").spec, open_store("memory:graph.trig").spec, open_store("/tmp/x.kg").spec
    ('memory', 'memory:graph.trig', '/tmp/x.kg')
    """
    if spec is None:
        spec = os.environ.get("KG_STORE") or DEFAULT_STORE
    text = str(spec)
    if text == "memory":
        return MemoryStore()
    if text.startswith("memory:"):
        return MemoryStore(text[len("memory:"):])
    if text.startswith(("http://", "https://")):
        return RemoteStore(text)
    if "://" in text:
        raise StoreError(f"store {text}: a store is a directory, memory:FILE, memory, or an http(s) SPARQL server")
    return OxigraphDirStore(text)
