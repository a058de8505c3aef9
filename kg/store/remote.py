"""A SPARQL 1.1 server as a store: ``--store http://HOST:PORT[/PATH]``.

Reads go through rdflib's ``SPARQLStore`` with ``urn:polkg:graph`` as the default graph
(``default-graph-uri``), so every command that reads (query, analyze, viz, export, validate, stats,
explain) works unchanged. A transaction that replaces the graph (a build) is written into a local
Oxigraph graph, then uploaded with the Graph Store Protocol in streamed N-Triples batches into a
temporary named graph and moved over ``urn:polkg:graph`` with one SPARQL Update (``MOVE``): readers see
the old graph or the new one, never half of it. A transaction that adds (``kg load``, ``kg import``)
streams what it bulk-loads to the server as it goes and sends what it adds at the end, applied with
``ADD`` instead of ``MOVE``, or, on an Oxigraph server, with one streamed POST that it applies in one
transaction (:meth:`RemoteStore.appending`); its reads see the server's graph as it was.

Endpoint layouts by URL shape (override any with ``$KG_QUERY_URL``, ``$KG_UPDATE_URL``, ``$KG_GSP_URL``):

- ``http://host:7878`` (no path): Oxigraph server, ``/query``, ``/update``, ``/store``;
- ``http://host:8890/sparql``: Virtuoso, ``/sparql`` for both, ``/sparql-graph-crud-auth`` (or
  ``-crud`` without credentials);
- ``http://host:3030/DATASET``: Jena Fuseki, ``/DATASET/query``, ``/DATASET/update``, ``/DATASET/data``.

Credentials come from ``$KG_STORE_USER`` and ``$KG_STORE_PASSWORD`` (HTTP basic), never from the URL
or the command line, and never appear in messages. Requests time out (``$KG_HTTP_TIMEOUT``, 30 s) and
are retried with back-off (3 attempts) when the server is unreachable or answers 5xx.
"""

from __future__ import annotations

import base64
import contextlib
import io
import itertools
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from kg.errors import StoreError
from kg.ontology.iris import GRAPH_IRI, PREFIXES
from kg.store.base import QueryResult, Transaction, Triple, bind_prefixes
from kg.store.memory import RdflibHandle
from kg.store.oxigraph import OxigraphDirStore, OxigraphHandle
from kg.store.rdfio import parse_error, parse_graph, rdf_format
from kg.store.sparql import inline_values, parse_query

__all__ = ["AppendingHandle", "RemoteHandle", "RemoteStore", "endpoints", "post_triples"]

ATTEMPTS = 3
BATCH = 50_000


def endpoints(url: str) -> dict[str, str]:
    """The query, update and Graph Store Protocol URLs of a server, by the shape of its URL.

    Examples
    --------
    >>> endpoints("http://127.0.0.1:7878")["query"]
    'http://127.0.0.1:7878/query'
    >>> endpoints("http://127.0.0.1:8890/sparql")["update"]
    'http://127.0.0.1:8890/sparql'
    >>> endpoints("http://127.0.0.1:3030/kg")["gsp"]
    'http://127.0.0.1:3030/kg/data'
    """
    parsed = urllib.parse.urlsplit(url)
    if parsed.username or parsed.password:
        raise StoreError("put credentials in $KG_STORE_USER and $KG_STORE_PASSWORD, not in the store URL")
    base = url.rstrip("/")
    path = parsed.path.rstrip("/")
    if not path:
        found = {"query": f"{base}/query", "update": f"{base}/update", "gsp": f"{base}/store", "layout": "oxigraph"}
    elif path.endswith("/sparql"):
        crud = "sparql-graph-crud-auth" if os.environ.get("KG_STORE_USER") else "sparql-graph-crud"
        found = {"query": base, "update": base, "gsp": base[: -len("sparql")] + crud, "layout": "virtuoso"}
    else:
        found = {"query": f"{base}/query", "update": f"{base}/update", "gsp": f"{base}/data", "layout": "fuseki"}
    for key in ("query", "update", "gsp"):
        found[key] = os.environ.get(f"KG_{key.upper()}_URL") or found[key]
    return found


def _auth() -> tuple[str, str] | None:
    user = os.environ.get("KG_STORE_USER")
    return (user, os.environ.get("KG_STORE_PASSWORD", "")) if user else None


class RemoteStore:
    """A store on a SPARQL 1.1 server (see the module docs)."""

    def __init__(self, url: str):
        self.url = url.rstrip("/")
        self.spec = self.url
        self.urls = endpoints(url)
        self.timeout = float(os.environ.get("KG_HTTP_TIMEOUT", "30"))

    # -- HTTP ---------------------------------------------------------------------------------------

    def _request(self, url: str, *, data: bytes | Iterable[bytes] | None = None,
                 headers: dict[str, str] | None = None, method: str | None = None, attempts: int = ATTEMPTS,
                 timeout: float | None = None) -> bytes:
        """One HTTP request with bounded retries; a clear StoreError naming the URL (never credentials).
        A body given as an iterable of chunks is streamed (chunked) and never retried."""
        headers = dict(headers or {})
        auth = _auth()
        if auth:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        problem = ""
        if data is not None and not isinstance(data, bytes):
            attempts = 1
        for attempt in range(attempts):
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            try:
                with urllib.request.urlopen(request, timeout=timeout or self.timeout) as response:
                    return response.read()  # type: ignore[no-any-return]
            except urllib.error.HTTPError as exc:
                body = exc.read()[:300].decode("utf-8", "replace").strip().splitlines()
                problem = f"HTTP {exc.code} {exc.reason}" + (f": {body[0]}" if body else "")
                if exc.code in (401, 403):
                    raise StoreError(f"{url}: {problem} (check $KG_STORE_USER and $KG_STORE_PASSWORD)") from None
                if exc.code < 500:
                    raise StoreError(f"{url}: {problem}") from None
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
                problem = str(getattr(exc, "reason", exc))
            if attempt + 1 < attempts:
                time.sleep(0.5 * 2**attempt)
        raise StoreError(f"{url}: {problem}" + (f" (after {attempts} attempts)" if attempts > 1 else ""))

    def update(self, sparql: str, *, once: bool = False) -> None:
        """Run a SPARQL Update on the server; ``once``: never repeat it (a repeat of a MOVE or ADD whose
        answer was lost could undo it) and wait long for the answer."""
        self._request(self.urls["update"], data=urllib.parse.urlencode({"update": sparql}).encode(),
                      headers={"Content-Type": "application/x-www-form-urlencoded"},
                      attempts=1 if once else ATTEMPTS, timeout=max(self.timeout, 600) if once else None)

    def _answer(self, sparql: str, read: Callable[[Any], Any]) -> Any:
        """Run a query for SPARQL JSON results and ``read`` them; a clear error when they are not that."""
        answer = self._request(self.urls["query"], data=urllib.parse.urlencode({"query": sparql}).encode(),
                               headers={"Content-Type": "application/x-www-form-urlencoded",
                                        "Accept": "application/sparql-results+json"})
        try:
            return read(json.loads(answer))
        except (ValueError, KeyError, IndexError, TypeError):
            raise StoreError(f"{self.urls['query']}: the answer is not SPARQL JSON results") from None

    def ask(self, sparql: str) -> bool:
        """The answer of an ASK query."""
        return bool(self._answer(sparql, lambda results: results["boolean"]))

    # -- the Store protocol -------------------------------------------------------------------------

    def exists(self) -> bool:
        return self.ask(f"ASK {{ GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }} }}")

    def open(self) -> RemoteHandle:
        if not self.exists():
            raise StoreError(f"no graph in store {self.spec}: run `kg build --store {self.spec}` first")
        return RemoteHandle(self)

    def manifest(self) -> dict[str, Any]:
        return {}

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""

    def count(self) -> int:
        """The number of triples in our graph on the server."""
        return int(self._answer(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }} }}",
                                lambda results: results["results"]["bindings"][0]["n"]["value"]))

    @contextlib.contextmanager
    def transaction(self, *, replace: bool) -> Iterator[Transaction]:
        """Replacing: write into a local Oxigraph graph, then upload it and move it over ours in one
        update. Adding: stream bulk loads to the server as they come, send added triples at the end."""
        self.exists()  # fail early, before any work, when the server is down
        if replace:
            local = OxigraphHandle(spec=self.spec)
            txn = Transaction(local)
            yield txn
            with self.appending(replace=True) as post:
                post_triples(post, local.quads())
            return
        with self.appending() as post:
            handle = AppendingHandle(self, post)
            yield Transaction(handle)
            post_triples(post, handle.buffer.quads())

    def backup(self, target: str | Path) -> OxigraphDirStore:
        """A copy of the server's graph in a new store directory at ``target``."""
        copy = OxigraphDirStore(target)
        if copy.exists():
            raise StoreError(f"cannot back up {self.spec} to {target}: a store is there already")
        data = self.open().dump("nt")
        with copy.transaction(replace=True) as txn:
            txn.handle.load(io.BytesIO(data), "nt", name=self.spec)
        return copy

    # -- writing ------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def appending(self, *, replace: bool = False) -> Iterator[Callable[[bytes], None]]:
        """Write N-Triples batches: yields ``post(data)``, which sends one batch by the Graph Store Protocol
        into a staging graph; on success one SPARQL Update adds the staging graph to ours (or, with
        ``replace``, moves it over ours) and drops it; on failure the staging graph is dropped and our
        graph is as it was."""
        self.exists()  # fail early, before any work, when the server is down
        if self.urls["layout"] == "oxigraph" and not replace:
            # the Oxigraph server applies one POST in one transaction: stream every batch in a single
            # request straight into our graph (four times faster than a staging graph, ADD and DROP)
            with self._streaming(self.urls["gsp"] + "?" + urllib.parse.urlencode({"graph": str(GRAPH_IRI)})) as post:
                yield post
            return
        staging = f"urn:polkg:staging:{uuid.uuid4().hex}"
        url = self.urls["gsp"] + "?" + urllib.parse.urlencode({"graph": staging})
        posted = []

        def post_batch(data: bytes) -> None:
            self._request(url, data=data, headers={"Content-Type": "application/n-triples"}, method="POST")
            posted.append(len(data))

        try:
            yield post_batch
        except BaseException:
            with contextlib.suppress(StoreError):
                self.update(f"DROP SILENT GRAPH <{staging}>")
            raise
        if not posted:
            if replace:
                self.update(f"DROP SILENT GRAPH <{GRAPH_IRI}>", once=True)
            return
        final = f"MOVE <{staging}> TO <{GRAPH_IRI}>" if replace else \
            f"ADD <{staging}> TO <{GRAPH_IRI}> ; DROP SILENT GRAPH <{staging}>"
        try:
            self.update(final, once=True)
        except StoreError as exc:
            raise StoreError(f"{exc} (the server may or may not have applied the last step, {final.split()[0]}; "
                             f"check with kg stats; staging graph <{staging}>)") from None

    @contextlib.contextmanager
    def _streaming(self, url: str) -> Iterator[Callable[[bytes], None]]:
        """One chunked POST of N-Triples to ``url``, fed by ``post(data)`` from this thread while another
        thread sends; on failure the body is cut short, so the server applies nothing."""
        import queue
        import threading

        chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=4)
        failure: list[BaseException] = []

        def body() -> Iterator[bytes]:
            while (item := chunks.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                yield item

        def send() -> None:
            try:
                self._request(url, data=body(), headers={"Content-Type": "application/n-triples"}, method="POST",
                              timeout=max(self.timeout, 600))
            except BaseException as exc:  # handed to the writing thread
                failure.append(exc)

        sender = threading.Thread(target=send, name="kg-upload", daemon=True)
        sender.start()

        def put(item: bytes | BaseException | None) -> None:
            if failure:
                raise failure[0]
            while True:
                try:
                    chunks.put(item, timeout=0.2)
                    return
                except queue.Full:
                    if not sender.is_alive():
                        raise failure[0] if failure else StoreError(f"{url}: the upload stopped") from None

        try:
            yield put
            put(None)
            sender.join()
        except BaseException:
            with contextlib.suppress(queue.Empty):  # make room, then cut the body short
                while True:
                    chunks.get_nowait()
            with contextlib.suppress(queue.Full):
                chunks.put_nowait(StoreError("upload abandoned"))
            sender.join(timeout=30)
            raise
        if failure:
            raise failure[0]



class RemoteHandle(RdflibHandle):
    """The server's graph, read through rdflib's SPARQLStore (queries run on the server, bindings as
    VALUES inside the WHERE group)."""

    def __init__(self, store: RemoteStore):
        from rdflib.plugins.stores.sparqlstore import SPARQLStore

        sparql = SPARQLStore(store.urls["query"], auth=_auth(), returnFormat="json", method="POST_FORM",
                             timeout=store.timeout)
        super().__init__(bind_prefixes(Graph(store=sparql, identifier=GRAPH_IRI)), spec=store.spec, remote=True)
        self.server = store

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None, *,
              origin: str = "<query>") -> QueryResult:
        parsed = parse_query(sparql, origin)
        if parsed.algebra.name not in ("ConstructQuery", "DescribeQuery"):
            return super().query(sparql, bindings, origin=origin)
        # rdflib's SPARQLStore asks for JSON, which graphs do not come in: ask the server for N-Triples
        text = inline_values(sparql, bindings) if bindings else sparql
        prologue = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
        answer = self.server._request(self.server.urls["query"],
                                      data=urllib.parse.urlencode({"query": prologue + text,
                                                                   "default-graph-uri": str(GRAPH_IRI)}).encode(),
                                      headers={"Content-Type": "application/x-www-form-urlencoded",
                                               "Accept": "application/n-triples"})
        try:
            graph = parse_graph(answer, "nt")
        except SyntaxError:
            raise StoreError(f"{self.server.urls['query']}: the answer is not N-Triples") from None
        return QueryResult(parsed.algebra.name.removesuffix("Query").lower(), graph=graph)

    def update(self, sparql: str) -> None:
        raise StoreError(f"store {self.spec}: SPARQL Update runs on the server itself, not through kg "
                         "(kg build replaces the graph there; kg load and kg import add to it)")

    def add(self, triples: Iterable[Triple]) -> None:
        raise StoreError(f"store {self.spec} is open for reading; write in a transaction")

    def load(self, source: Path | IO[bytes], fmt: str, *, name: str | Path | None = None,
             parse: bool = True) -> None:
        raise StoreError(f"store {self.spec} is open for reading; write in a transaction")


class AppendingHandle(RemoteHandle):
    """A transaction adding to the server's graph: bulk loads stream to the server as they come (parsed here,
    so errors name file and line), added triples are kept locally and sent at the end; reads see the
    server's graph as it was."""

    def __init__(self, store: RemoteStore, post: Callable[[bytes], None]):
        super().__init__(store)
        self.post = post
        self.buffer = OxigraphHandle(spec=store.spec)

    def add(self, triples: Iterable[Triple]) -> None:
        self.buffer.add(triples)

    def load(self, source: Path | IO[bytes], fmt: str, *, name: str | Path | None = None,
             parse: bool = True) -> None:
        where = name if name is not None else (source if isinstance(source, Path) else None)
        if not parse and fmt == "nt":  # N-Triples polkg wrote, without blank nodes: sent as they are
            with (source.open("rb") if isinstance(source, Path) else contextlib.nullcontext(source)) as lines:
                while chunk := b"".join(itertools.islice(lines, BATCH)):
                    self.post(chunk)
            return
        try:
            quads = ox.parse(path=str(source), format=rdf_format(fmt)) if isinstance(source, Path) else \
                ox.parse(source, format=rdf_format(fmt))
            post_triples(self.post, quads)
        except SyntaxError as exc:
            raise parse_error(exc, fmt, path=where) from None


def post_triples(post: Callable[[bytes], None], triples: Iterable[Any]) -> int:
    """Send pyoxigraph triples (or quads, graph dropped) through ``post`` in N-Triples batches; their number.

    Blank nodes get fresh labels (one document's ``_:a`` is not another's), and every triple with a blank
    node goes in the last batch: a server gives the blank nodes of each request new identities, so a
    blank node split across two requests would become two.
    """
    fresh: dict[str, ox.BlankNode] = {}

    def node(term: Any) -> Any:
        if isinstance(term, ox.BlankNode):
            found = fresh.get(term.value)
            if found is None:
                found = fresh[term.value] = ox.BlankNode()
            return found
        return term

    batch: list[ox.Triple] = []
    blank: list[ox.Triple] = []
    sent = 0
    for item in triples:
        subject, predicate, obj = item.subject, item.predicate, item.object
        if isinstance(subject, ox.BlankNode) or isinstance(obj, ox.BlankNode):
            blank.append(ox.Triple(node(subject), predicate, node(obj)))
            continue
        batch.append(item if isinstance(item, ox.Triple) else ox.Triple(subject, predicate, obj))
        if len(batch) >= BATCH:
            post(_ntriples(batch))
            sent += len(batch)
            batch = []
    for last in (batch, blank):
        if last:
            post(_ntriples(last))
            sent += len(last)
    return sent


def _ntriples(triples: list[ox.Triple]) -> bytes:
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    assert data is not None  # serialize returns the bytes when given no output
    return data
