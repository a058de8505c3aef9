"""Generate synthetic knowledge graphs of any size, shaped like ours.

The graph is written by the same code that writes real data (:func:`kg.graph.statement_triples` and
friends), so it has the real shape: actors with labels, aliases and search keys, events with several
actors, attestations with qualifiers, evidence offsets and notes, direct edges, the ontology. Actor
activity is skewed (a few actors take part in most events), dates spread over 2015-2024.

    python benchmarks/gen.py --triples 1000000 --out /tmp/kg-1m.nq        # N-Quads, streamed
    python benchmarks/gen.py --statements 20000 --store /tmp/kg-syn       # an Oxigraph store (kg --store)
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.dates import EventDate  # noqa: E402
from kg.graph import actor_triples, source_triples, statement_triples  # noqa: E402
from kg.model import Actor, Evidence, Source, Statement  # noqa: E402
from kg.ontology import ACTOR, GRAPH_IRI, load_ontology, ontology_files  # noqa: E402
from kg.store.rdfio import to_ox  # noqa: E402

__all__ = ["quads", "synthetic", "write_nquads", "write_store"]

TRIPLES_PER_STATEMENT = 23  # measured: an event, its attestation and about one direct edge
_TYPES = ["Person"] * 6 + ["Country", "GovernmentBody", "Ministry", "NGO", "NewsAgency", "Group", "PoliticalParty"]
_WORDS = [
    "minister", "council", "border", "treaty", "protest", "election", "summit", "ceasefire", "sanction",
    "aid", "statement", "delegation", "parliament", "opposition", "talks", "crisis", "agreement", "visit",
    "police", "court",
]


def synthetic(statements: int, *, seed: int = 42) -> tuple[list[Actor], list[Source], Iterator[Statement]]:
    """Return actors, sources and a stream of ``statements`` random statements between them.

    Parameters
    ----------
    statements : int
        How many statements to generate.
    seed : int
        Seed of the random generator: the same seed gives the same graph.
    """
    rng = random.Random(seed)
    n_actors = max(10, statements // 8)
    actors = []
    for i in range(n_actors):
        kind = rng.choice(_TYPES)
        label = f"{rng.choice(_WORDS).title()} {rng.choice(_WORDS).title()} {i}"
        actors.append(Actor(f"syn-{i}", kind, label, aliases=((f"{label} alias", "en"), (f"Имя {i}", "ru")),
                            wikidata=f"Q{1000000 + i}" if i % 3 == 0 else None))
    sources = [Source(f"syn-source-{i}", f"Synthetic article {i}", date(2015, 1, 1) + timedelta(days=i % 3650),
                      publisher=f"Outlet {i % 50}") for i in range(max(1, statements // 20))]
    relations = [name for name, r in load_ontology().relations.items() if r.cameo is not None]
    weights = [1.0 / (1 + i) ** 0.8 for i in range(n_actors)]  # skewed activity

    def stream() -> Iterator[Statement]:
        for _ in range(statements):
            subjects = tuple(sorted({a.id for a in rng.choices(actors, weights, k=rng.choice((1, 1, 1, 2, 3)))}))
            objects = tuple(sorted({a.id for a in rng.choices(actors, weights, k=rng.choice((0, 1, 1, 1, 1)))}))
            status = rng.choices(("asserted", "reported", "alleged"), (80, 12, 8))[0]
            start = rng.randrange(0, 8000)
            yield Statement(
                subjects=subjects,
                relation=rng.choice(relations),
                objects=objects,
                source=rng.choice(sources).id,
                date=EventDate(date(2015, 1, 1) + timedelta(days=rng.randrange(3650))),
                evidence=Evidence(start, start + rng.randrange(60, 300)),
                status=status,
                claimant=rng.choice(actors).id if status == "reported" else None,
                polarity=rng.choices(("positive", "negated", "denied"), (94, 4, 2))[0],
                modality=rng.choices(("actual", "intended", "proposed", "hypothetical"), (90, 4, 4, 2))[0],
                method=rng.choice(("curated", "rule/synthetic/1")),
                confidence=round(rng.uniform(0.5, 1.0), 3),
                note=" ".join(rng.choices(_WORDS, k=8)),
            )

    return actors, sources, stream()


def quads(statements: int, *, seed: int = 42, ontology: bool = True) -> Iterator[ox.Quad]:
    """Stream the quads of a synthetic graph in the named graph ``urn:polkg:graph``."""
    graph = ox.NamedNode(str(GRAPH_IRI))
    if ontology:
        for path in ontology_files():
            for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
                yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)
    actors, sources, stream = synthetic(statements, seed=seed)
    iris = {a.id: ACTOR[a.id] for a in actors}
    for item in (*actors, *sources):
        for s, p, o in (actor_triples(item) if isinstance(item, Actor) else source_triples(item)):
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph)
    for statement in stream:
        for s, p, o in statement_triples(statement, iri_of=iris.get):
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph)


def write_nquads(path: Path, statements: int, *, seed: int = 42) -> int:
    """Write a synthetic graph as N-Quads, streaming; return the number of quads written."""
    count = 0
    with path.open("wb") as handle:
        batch: list[ox.Quad] = []
        for quad in quads(statements, seed=seed):
            batch.append(quad)
            if len(batch) == 50_000:
                ox.serialize(batch, handle, format=ox.RdfFormat.N_QUADS)
                count += len(batch)
                batch.clear()
        ox.serialize(batch, handle, format=ox.RdfFormat.N_QUADS)
        count += len(batch)
    return count


def write_store(spec: str, statements: int, *, seed: int = 42) -> int:
    """Write a synthetic graph into a store (see kg.store); return its number of triples."""
    import tempfile

    from kg.store import open_store

    with tempfile.TemporaryDirectory(prefix="kg-gen-") as folder, \
            open_store(spec).transaction(replace=True) as txn:
        data = Path(folder) / "graph.nq"
        write_nquads(data, statements, seed=seed)
        txn.handle.load(data, "nquads")
        return txn.handle.count()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--statements", type=int, help="number of statements")
    size.add_argument("--triples", type=int, help="approximate number of triples")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="N-Quads file to write")
    target.add_argument("--store", help="store spec to write (a directory, memory:FILE.trig)")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    statements = args.statements or max(1, args.triples // TRIPLES_PER_STATEMENT)
    started = time.perf_counter()
    if args.out:
        count = write_nquads(args.out, statements, seed=args.seed)
        where = str(args.out)
    else:
        count = write_store(args.store, statements, seed=args.seed)
        where = args.store
    print(f"wrote {count:,} quads ({statements:,} statements) to {where} in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
