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

import contextlib
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from kg.errors import KGError, StoreError

__all__ = ["DEFAULT_LIMIT", "free_port", "limiting_handler", "oxigraph_binary", "run", "served_location",
           "server_command", "wait_listening"]


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
    return target.location()


def server_command(location: str | Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: int = 30,
                   binary: str | None = None, cors: bool = False) -> list[str]:
    """The command line that serves ``location`` read-only on ``host:port`` with a query timeout (and
    cross-origin requests allowed with ``cors``)."""
    return [binary or oxigraph_binary(), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}",
            "--union-default-graph", "--timeout-s", str(timeout), *(["--cors"] if cors else [])]


#: Rows (SELECT) or triples (CONSTRUCT, DESCRIBE) `kg serve` returns at most, like Virtuoso's
#: ResultSetMaxRows; a cut answer carries ``X-SPARQL-MaxRows``.
DEFAULT_LIMIT = 10_000

_UPSTREAM_ACCEPT = "text/tab-separated-values, application/n-triples;q=0.9, */*;q=0.1"
_HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "server", "date"}


def _results_format(accept: str) -> tuple[Any, Any]:
    """The SPARQL results format and the RDF format the client asks for (first known media type wins)."""
    import pyoxigraph as ox

    results, rdf = None, None
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if not media or media == "*/*":
            continue
        results = results or ox.QueryResultsFormat.from_media_type(media)
        rdf = rdf or ox.RdfFormat.from_media_type(media)
    return results or ox.QueryResultsFormat.JSON, rdf or ox.RdfFormat.TURTLE


def _cut(upstream: Any, keep: int) -> tuple[bytes, bool]:
    """The first ``keep`` lines of a line-per-answer body, and whether more followed."""
    lines: list[bytes] = []
    for line in upstream:
        if len(lines) == keep:
            return b"".join(lines), True
        lines.append(line)
    return b"".join(lines), False


def limiting_handler(upstream: str, limit: int, timeout: float) -> type:
    """An HTTP handler that passes requests to the Oxigraph server at ``upstream`` and cuts the answers
    of ``/query`` and ``/sparql`` to ``limit`` rows or triples. It asks the server for TSV results or
    N-Triples (one answer a line), reads no further than the limit (closing the connection ends the query
    there) and rewrites the rest with pyoxigraph in the format the client asked for."""
    import http.server
    import urllib.error
    import urllib.request

    import pyoxigraph as ox

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _relay(self) -> None:
            try:
                self._answer()
            except Exception as exc:  # an answer, never a dropped connection
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self._send(502, "text/plain", f"kg serve could not relay this request: {exc}\n".encode())

        def _answer(self) -> None:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                self.close_connection = True  # the unread chunks must not be taken for the next request
                self._send(411, "text/plain", b"send a Content-Length (chunked requests are not supported)\n")
                return
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                self.close_connection = True
                self._send(400, "text/plain", b"Content-Length is not a number\n")
                return
            body = self.rfile.read(length) if length else None
            is_query = self.path.split("?")[0].rstrip("/") in ("/query", "/sparql")  # /sparql: its YASGUI page
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS | {"host"}}
            if is_query:
                headers["Accept"] = _UPSTREAM_ACCEPT
            request = urllib.request.Request(upstream + self.path, data=body, headers=headers, method=self.command)
            try:
                response = urllib.request.urlopen(request, timeout=timeout)
            except urllib.error.HTTPError as exc:
                response = exc
            except OSError as exc:
                self._send(502, "text/plain", f"the SPARQL server did not answer: {exc}\n".encode())
                return
            with response:
                kind = (response.headers.get("Content-Type") or "").split(";")[0].strip()
                if not is_query or response.status != 200 or kind not in ("text/tab-separated-values",
                                                                          "application/n-triples"):
                    extra = {k: v for k, v in response.headers.items() if k.lower() not in _HOP_HEADERS}
                    self._send(response.status, kind or "application/octet-stream", response.read(), extra)
                    return
                results_format, rdf_format = _results_format(self.headers.get("Accept", ""))
                if kind == "application/n-triples":
                    data, cut = _cut(response, limit)
                    out = ox.serialize(ox.parse(data, ox.RdfFormat.N_TRIPLES), format=rdf_format)
                    assert out is not None
                    media = rdf_format.media_type
                else:
                    data, cut = _cut(response, limit + 1)  # the header line, then the rows
                    if data.strip() in (b"true", b"false"):
                        cut = False
                    answer = ox.parse_query_results(data, ox.QueryResultsFormat.TSV)
                    out = answer.serialize(format=results_format)
                    assert out is not None
                    media = results_format.media_type
                extra = {k: v for k, v in response.headers.items() if k.lower().startswith("access-control-")}
            self._send(200, media, out, extra | ({"X-SPARQL-MaxRows": str(limit)} if cut else {}))

        def _send(self, status: int, media: str, body: bytes, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for key, value in (extra or {}).items():
                if key.lower() != "content-type":
                    self.send_header(key, value)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        do_GET = do_POST = do_HEAD = do_OPTIONS = _relay

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def free_port() -> int:
    """A TCP port nobody listens on, on 127.0.0.1."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_listening(port: int, process: Any, *, what: str = "the Oxigraph server", seconds: float = 30) -> None:
    """Wait until ``process`` listens on 127.0.0.1:``port``.

    Raises
    ------
    KGError
        If the process exits first or takes longer than ``seconds``.
    """
    import socket
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise KGError(f"{what} did not start on port {port}") from None
            time.sleep(0.05)


def run(store: str | Path | None, *, host: str = "127.0.0.1", port: int = 7878, timeout: int = 30,
        limit: int = DEFAULT_LIMIT, cors: bool = False, on_ready: Any = None) -> int:
    """Serve ``store`` until interrupted or terminated; the exit code.

    With a ``limit``, the Oxigraph server listens on a private port of 127.0.0.1 and a small front (see
    :func:`limiting_handler`) answers on ``host:port``; with ``limit=0`` the Oxigraph server answers there
    itself.
    """
    import http.server
    import signal
    import subprocess
    import threading

    location = served_location(store)
    inner_port = free_port() if limit else port
    server = subprocess.Popen(server_command(location, host="127.0.0.1" if limit else host, port=inner_port,
                                             timeout=timeout, cors=cors),
                              stdout=subprocess.DEVNULL if limit else None)  # not its private address
    front: http.server.ThreadingHTTPServer | None = None

    def stop(*_: Any) -> None:
        server.terminate()
        if front is not None:
            threading.Thread(target=front.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    try:
        if limit:
            wait_listening(inner_port, server)
            handler = limiting_handler(f"http://127.0.0.1:{inner_port}", limit, timeout + 5)
            try:
                front = http.server.ThreadingHTTPServer((host, port), handler)
            except OSError as exc:
                raise KGError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
            front.daemon_threads = True
            def stop_with_server() -> None:
                server.wait()
                stop()

            threading.Thread(target=stop_with_server, daemon=True).start()
            if on_ready is not None:
                on_ready()
            front.serve_forever()
        elif on_ready is not None:
            on_ready()
        return server.wait()
    except KeyboardInterrupt:
        stop()
        return server.wait()
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait()
        if front is not None:
            front.server_close()
