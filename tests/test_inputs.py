import dataclasses
import hashlib
import inspect
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.errors import InputError, KGError
from kg.extract.inputs import Document, Problem, read_documents

PUBLISHED = date(2021, 3, 1)

PIER_TEXT = (
    "The harbour council of Marrowby voted on Tuesday to rebuild the old wooden pier, which storms damaged "
    "two winters ago."
)
PIER_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<title>Harbour council votes to rebuild the old pier | Coastline Gazette</title>
<meta property="og:site_name" content="Coastline Gazette">
<meta property="og:url" content="https://gazette.example.org/2021/03/pier">
<meta property="article:published_time" content="2021-03-04T08:30:00Z">
<script>var trackingSecret = "tracking-code-must-not-leak";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport section</a></li>
<li><a href="/weather">Weather forecast</a></li></ul></nav>
<article><h1>Harbour council votes to rebuild the old pier</h1>
<p>{pier}</p>
<p>Councillor Edda Lindqvist said the new pier would open to fishing boats and walkers by next summer, and that
the cost would be shared with the regional fund.</p>
<p>Opponents on the council argued that the money should go to the flood barrier instead, but the motion passed
by seven votes to four.</p>
<script>document.write("inline-script-payload");</script>
</article>
<footer><p>Copyright 2021 Coastline Gazette. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
""".replace("{pier}", PIER_TEXT)

UNDATED_HTML = """<html><head><title>Ferry timetable changes</title></head><body><article>
<p>The island ferry will leave an hour earlier from next week, the operator announced, because the evening tide
has become too low for the heavier boats to cross the sandbar safely.</p>
<p>Passengers with tickets for the later crossing can exchange them without charge at the harbour office.</p>
</article></body></html>
"""

SCRIPTS_ONLY_HTML = """<html><head><script src="/app.js"></script><script>window.start = function () {
  document.body.innerHTML = "loading the application";
};</script></head><body><script>window.start();</script><noscript></noscript></body></html>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def read(*paths, **options) -> tuple[list[Document], list[Problem]]:
    problems: list[Problem] = []
    documents = list(read_documents([str(p) for p in paths], problems=problems, **options))
    return documents, problems


# Plain text


def test_text_file(tmp_path):
    raw = "The miners' union called a strike at the Holt quarry.\r\nTalks resume on Monday.\n"
    path = write(tmp_path / "strike-2021.txt", raw)
    [doc], problems = read(path)
    assert problems == []
    assert doc == Document(id="strike-2021", text=raw, path=str(path), sha256=hashlib.sha256(raw.encode()).hexdigest(),
                           name="strike-2021.txt")  # a file named alone is known by its name
    assert doc.line is None and doc.published is None and doc.title is None


def test_sha256_of_a_text_file_is_that_of_its_bytes(tmp_path):
    path = write(tmp_path / "a.md", b"# Budget\n\nThe town hall roof will be repaired in spring.\n")
    [doc], _ = read(path)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_bom_is_stripped_but_hashed(tmp_path):
    data = b"\xef\xbb\xbfThe lighthouse keeper retired after forty years."
    path = write(tmp_path / "keeper.text", data)
    [doc], _ = read(path)
    assert doc.text == "The lighthouse keeper retired after forty years."
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_any_suffix_given_explicitly_is_plain_text(tmp_path):
    path = write(tmp_path / "bulletin.news", "The orchard festival was postponed by a week.")
    [doc], problems = read(path)
    assert (doc.id, doc.text, problems) == ("bulletin", "The orchard festival was postponed by a week.", [])


def test_a_single_path_need_not_be_in_a_list(tmp_path):
    path = write(tmp_path / "one.txt", "A new bus line links the two valleys.")
    assert [d.id for d in read_documents(path)] == ["one"]
    assert [d.id for d in read_documents(str(path))] == ["one"]


def test_documents_are_frozen(tmp_path):
    [doc], _ = read(write(tmp_path / "one.txt", "The bakery reopened."))
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n  \n", "empty file"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", "empty file"),
        ("binary.txt", b"GIF89a\x01\x00\x01\x00\x00\xff", "binary file, not text"),
        ("latin1.txt", "The caf\u00e9 closed early.".encode("latin-1"), "not UTF-8 text (byte 7)"),
        ("utf16.txt", "The caf\u00e9 closed.".encode("utf-16"),
         "not UTF-8 text (byte 0): it starts with a UTF-16 byte order mark; save it as UTF-8"),
        ("big.txt", b"The parade was long. " * 10, "too large: 210 bytes, the limit is 200"),
        ("page.html", b"<html><body>" + b"<p>word</p>" * 30 + b"</body></html>",
         "too large: 356 bytes, the limit is 200"),
        ("page.htm", b"<html><body><p>Caf\xe9 opens</p></body></html>", "not UTF-8 text (byte 18)"),
        ("empty.html", b"\n", "empty file"),
    ],
)
def test_unreadable_files(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    documents, problems = read(path, max_bytes=200)
    assert documents == []
    assert problems == [Problem(str(path), None, message)]


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path / "big.txt", "x" * 1000)

    def refuse(self):
        raise AssertionError("a file over the limit was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _, problems = read(path, max_bytes=999)
    assert [p.message for p in problems] == ["too large: 1000 bytes, the limit is 999"]


def test_a_file_at_the_limit_is_read(tmp_path):
    path = write(tmp_path / "exact.txt", "y" * 200)
    documents, problems = read(path, max_bytes=200)
    assert (len(documents), problems) == (1, [])


# Paths and folders


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "b.txt", "The second story.")
    write(corpus / "a.md", "The first story.")
    write(corpus / "z.TXT", "The last story, with an upper-case suffix.")
    write(corpus / "sub" / "c.text", "A story in a subfolder.")
    write(corpus / "sub" / "deeper" / "d.jsonl", jsonl({"id": "d1", "text": "A story from a corpus."}))
    write(corpus / "sub" / "e.html", UNDATED_HTML)
    write(corpus / "notes.csv", "ignored,file\n")
    write(corpus / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(corpus / "README", "no suffix, ignored")
    documents, problems = read(corpus)
    assert problems == []
    assert [(d.id, d.path) for d in documents] == [
        ("a", f"{corpus}/a.md"),
        ("b", f"{corpus}/b.txt"),
        ("c", f"{corpus}/sub/c.text"),
        ("d1", f"{corpus}/sub/deeper/d.jsonl"),
        ("e", f"{corpus}/sub/e.html"),
        ("z", f"{corpus}/z.TXT"),
    ]


def test_folder_path_is_kept_as_given(tmp_path, monkeypatch):
    write(tmp_path / "corpus" / "a.txt", "The well was cleaned.")
    monkeypatch.chdir(tmp_path)
    assert [d.path for d in read_documents(["./corpus"])] == ["./corpus/a.txt"]
    assert [d.path for d in read_documents(["corpus/"])] == ["corpus/a.txt"]


@pytest.mark.parametrize("files", [[], ["notes.csv", "image.png", "sub/data.json"]])
def test_folder_without_documents(tmp_path, files):
    folder = tmp_path / "empty"
    folder.mkdir()
    for name in files:
        write(folder / name, "not a document")
    documents, problems = read(folder)
    assert (documents, problems) == ([], [Problem(str(folder), None, "no documents in this folder")])


def test_missing_path(tmp_path):
    missing = tmp_path / "nowhere" / "story.txt"
    documents, problems = read(missing)
    assert (documents, problems) == ([], [Problem(str(missing), None, "no such file or folder")])


def test_a_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path / "corpus" / "a.txt", "The choir won the regional prize.")
    documents, _ = read(path, tmp_path / "corpus", path)
    assert [d.path for d in documents] == [str(path)]


def test_paths_are_read_in_the_order_given(tmp_path):
    first = write(tmp_path / "z.txt", "Given first.")
    second = write(tmp_path / "a.txt", "Given second.")
    assert [d.id for d in read_documents([first, second])] == ["z", "a"]


# HTML


def test_html_main_text_without_boilerplate(tmp_path):
    path = write(tmp_path / "pier.html", PIER_HTML)
    [doc], problems = read(path, published=PUBLISHED)
    assert problems == []
    assert PIER_TEXT in doc.text
    assert "Councillor Edda Lindqvist said the new pier" in doc.text
    assert "seven votes to four" in doc.text
    for boilerplate in ("tracking-code-must-not-leak", "inline-script-payload", "trackingSecret",
                        "Weather forecast", "Sport section", "All rights reserved", "Privacy policy"):
        assert boilerplate not in doc.text
    assert doc.id == "pier"
    assert doc.path == str(path)
    assert doc.title == "Harbour council votes to rebuild the old pier"
    assert doc.publisher == "Coastline Gazette"
    assert doc.url == "https://gazette.example.org/2021/03/pier"
    assert doc.published == date(2021, 3, 4)                      # the page's own date wins
    assert doc.sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert doc.line is None


def test_html_without_a_date_takes_the_given_one(tmp_path):
    path = write(tmp_path / "ferry.htm", UNDATED_HTML)
    [doc], _ = read(path, published=PUBLISHED)
    assert "exchange them without charge" in doc.text
    assert doc.published == PUBLISHED
    assert doc.title == "Ferry timetable changes"


def test_html_with_only_scripts(tmp_path):
    path = write(tmp_path / "app.html", SCRIPTS_ONLY_HTML)
    documents, problems = read(path)
    assert (documents, problems) == ([], [Problem(str(path), None, "no main text found in the HTML")])


def test_html_needs_trafilatura(tmp_path, monkeypatch):
    path = write(tmp_path / "pier.html", PIER_HTML)
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(KGError, match="reading HTML needs trafilatura"):
        list(read_documents([path]))


# JSONL


def test_jsonl_corpus(tmp_path):
    path = write(tmp_path / "corpus.jsonl", jsonl(
        {"id": "r-1", "text": "The dam inspection found two cracks.", "title": "Dam cracks",
         "url": "https://news.example.org/dam", "publisher": "Valley Courier", "published": "2021-02-11"},
        "",
        "   ",
        {"id": "r-2", "text": "Volunteers planted four hundred oaks.", "published": "2021-02-12T23:15:00-05:00",
         "lang": "en"},
        {"id": 3, "text": "The library extended its opening hours.", "published": None, "title": ""},
    ))
    documents, problems = read(path, published=PUBLISHED)
    assert problems == []
    first, second, third = documents
    assert first == Document(
        id="r-1", text="The dam inspection found two cracks.", title="Dam cracks", url="https://news.example.org/dam",
        publisher="Valley Courier", published=date(2021, 2, 11), path=str(path), line=1,
        sha256=hashlib.sha256(b"The dam inspection found two cracks.").hexdigest(), name="r-1", dated_by="field",
    )
    assert (second.id, second.line, second.published, second.title) == ("r-2", 4, date(2021, 2, 12), None)
    assert (third.id, third.line, third.published, third.title) == ("3", 5, PUBLISHED, None)


def test_jsonl_with_bom_and_crlf(tmp_path):
    data = b'\xef\xbb\xbf{"id": "w1", "text": "Snow closed the pass."}\r\n{"id": "w2", "text": "It reopened."}\r\n'
    path = write(tmp_path / "winter.jsonl", data)
    documents, problems = read(path)
    assert problems == []
    assert [(d.id, d.line, d.text) for d in documents] == [("w1", 1, "Snow closed the pass."), ("w2", 2, "It reopened.")]


def test_every_jsonl_problem_with_its_line(tmp_path):
    path = write(tmp_path / "bad.jsonl", jsonl(
        {"id": "ok-1", "text": "The market moved to the square."},               # 1
        '{"id": "x", "text": ',                                                 # 2
        '["a", "list"]',                                                        # 3
        {"id": "no-text"},                                                      # 4
        {"text": "An article without an id."},                                  # 5
        "",                                                                     # 6
        {"id": "blank", "text": "  \n "},                                       # 7
        {"id": "d", "text": "A date that is not one.", "published": "last Tuesday"},  # 8
        {"id": "ok-1", "text": "The same id again."},                           # 9
        {"id": "ok-2", "text": "The square got new benches."},                  # 10
        '"just a string"',                                                      # 11
        {"id": "", "text": "An empty id."},                                     # 12
        {"id": ["a"], "text": "A list as id."},                                 # 13
        {"id": "n", "text": 42},                                                # 14
        {"id": "t", "text": "A numeric title.", "title": 7},                    # 15
        {"id": "m", "text": "A month is not a day.", "published": "2021-03"},   # 16
        {"id": "e", "text": "An impossible day.", "published": "2021-02-30"},   # 17
        {"id": "y", "text": "A number as date.", "published": 20210304},        # 18
        {"id": None, "text": "A null id."},                                     # 19
        {"id": "ok-3", "text": "The fountain was switched on.", "published": "2021-03-02T10:00:00Z"},  # 20
    ))
    documents, problems = read(path)
    assert [(d.id, d.line) for d in documents] == [("ok-1", 1), ("ok-2", 10), ("ok-3", 20)]
    assert documents[2].published == date(2021, 3, 2)
    assert [(p.line, p.message) for p in problems] == [
        (2, "not JSON: Expecting value at column 21"),
        (3, "not a JSON object"),
        (4, "missing 'text'"),
        (5, "missing 'id'"),
        (7, "'text' is empty"),
        (8, "'published' is not a date: last Tuesday"),
        (9, "duplicate id 'ok-1'"),
        (11, "not a JSON object"),
        (12, "'id' is empty"),
        (13, "'id' is not a string: [\"a\"]"),
        (14, "'text' is not a string: 42"),
        (15, "'title' is not a string: 7"),
        (16, "'published' is not a date: 2021-03"),
        (17, "'published' is not a date: 2021-02-30"),
        (18, "'published' is not a date: 20210304"),
        (19, "missing 'id'"),
    ]
    assert {p.path for p in problems} == {str(path)}


def test_jsonl_ids_are_unique_per_file_only(tmp_path):
    one = write(tmp_path / "one.jsonl", jsonl({"id": "same", "text": "From the first file."}))
    two = write(tmp_path / "two.jsonl", jsonl({"id": "same", "text": "From the second file."}))
    documents, problems = read(one, two)
    assert ([d.path for d in documents], problems) == ([str(one), str(two)], [])


def test_jsonl_line_problems(tmp_path):
    long_text = "A very long article. " * 20
    path = write(tmp_path / "mixed.jsonl", (
        jsonl({"id": "long", "text": long_text}, {"id": "short", "text": "A short one."}).encode()
        + '{"id": "latin", "text": "Caf\u00e9"}\n'.encode("latin-1")
        + b'{"id": "last", "text": "The last one, with no newline."}'
    ))
    documents, problems = read(path, max_bytes=100)
    assert [(d.id, d.line) for d in documents] == [("short", 2), ("last", 4)]
    size = len(json.dumps({"id": "long", "text": long_text}))
    assert [(p.line, p.message) for p in problems] == [
        (1, f"too large: {size} bytes, the limit is 100"),
        (3, "not UTF-8 text (byte 28)"),
    ]


def test_a_jsonl_corpus_has_no_size_limit_as_a_whole(tmp_path):
    path = write(tmp_path / "many.jsonl", jsonl(*({"id": f"n{i}", "text": f"Note {i}."} for i in range(50))))
    documents, problems = read(path, max_bytes=100)
    assert (len(documents), problems) == (50, [])


# Standard input


def test_stdin_text():
    text = "\n  The night train to the coast was cancelled.\nA bus replaces it.\n"
    [doc] = read_documents(["-"], stdin=io.StringIO(text), published=PUBLISHED)
    assert doc == Document(id="stdin", text=text, published=PUBLISHED, path="-",
                           sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), name="stdin", dated_by="given")


def test_stdin_text_with_bom():
    [doc] = read_documents(["-"], stdin=io.StringIO("\ufeffThe pool reopened."))
    assert doc.text == "The pool reopened."


def test_stdin_jsonl():
    corpus = "\ufeff\n" + jsonl(
        {"id": "s1", "text": "The canal froze overnight.", "published": "2021-01-20"},
        {"id": "s2", "text": "Skaters came at dawn."},
        "{broken",
    )
    problems: list[Problem] = []
    documents = list(read_documents(["-"], stdin=io.StringIO(corpus), published=PUBLISHED, problems=problems))
    assert [(d.id, d.line, d.path, d.published) for d in documents] == [
        ("s1", 2, "-", date(2021, 1, 20)), ("s2", 3, "-", PUBLISHED)]
    assert documents[0].sha256 == hashlib.sha256(b"The canal froze overnight.").hexdigest()
    assert [str(p) for p in problems] == ["-:4: not JSON: Expecting property name enclosed in double quotes at column 2"]


def test_stdin_jsonl_starts_with_its_first_non_blank_character():
    corpus = "  \n\t" + jsonl({"id": "t1", "text": "The ice melted."})
    [doc] = read_documents(["-"], stdin=io.StringIO(corpus))
    assert (doc.id, doc.line) == ("t1", 2)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty file"),
        ("\n   \n", "empty file"),
        ("Text\x00with a NUL", "binary file, not text"),
        ("The harvest was early. " * 10, "too large: 230 bytes, the limit is 200"),
    ],
)
def test_stdin_problems(content, message):
    problems: list[Problem] = []
    assert list(read_documents(["-"], stdin=io.StringIO(content), problems=problems, max_bytes=200)) == []
    assert problems == [Problem("-", None, message)]


def test_stdin_defaults_to_sys_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("The harbour lights were replaced."))
    assert [d.text for d in read_documents(["-"])] == ["The harbour lights were replaced."]


def test_stdin_alongside_files(tmp_path):
    path = write(tmp_path / "file.txt", "From a file.")
    documents = list(read_documents([path, "-"], stdin=io.StringIO("From standard input.")))
    assert [(d.id, d.path) for d in documents] == [("file", str(path)), ("stdin", "-")]


# published


def test_published_is_a_fallback_for_undated_documents(tmp_path):
    text = write(tmp_path / "a.txt", "The tram line was extended.")
    corpus = write(tmp_path / "b.jsonl", jsonl(
        {"id": "dated", "text": "Dated article.", "published": "2020-12-24"},
        {"id": "undated", "text": "Undated article."},
    ))
    documents = list(read_documents([text, corpus], published=PUBLISHED))
    assert [(d.id, d.published) for d in documents] == [
        ("a", PUBLISHED), ("dated", date(2020, 12, 24)), ("undated", PUBLISHED)]
    assert [d.published for d in read_documents([text, corpus])] == [None, date(2020, 12, 24), None]


# strict and non-strict


def test_strict_raises_path_line_message(tmp_path):
    path = write(tmp_path / "corpus.jsonl", jsonl(
        {"id": "fine", "text": "The first line is fine."},
        {"id": "broken"},
        {"id": "never", "text": "Never reached."},
    ))
    documents = read_documents([path], strict=True)
    assert next(documents).id == "fine"
    with pytest.raises(InputError) as caught:
        next(documents)
    assert str(caught.value) == f"{path}:2: missing 'text'"
    assert (caught.value.path, caught.value.line, caught.value.message) == (str(path), 2, "missing 'text'")


def test_strict_file_problem_has_no_line(tmp_path):
    path = write(tmp_path / "empty.txt", "")
    with pytest.raises(InputError) as caught:
        list(read_documents([path], strict=True))
    assert str(caught.value) == f"{path}: empty file"


def test_strict_does_not_collect_problems(tmp_path):
    problems: list[Problem] = []
    with pytest.raises(InputError, match="no such file or folder"):
        list(read_documents([tmp_path / "missing.txt"], strict=True, problems=problems))
    assert problems == []


def test_non_strict_continues_after_problems(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "1.txt", "The bridge toll was abolished.")
    write(corpus / "2.txt", b"\xff\xfe\x00")
    write(corpus / "3.html", SCRIPTS_ONLY_HTML)
    write(corpus / "4.jsonl", jsonl("not json", {"id": "j", "text": "The ferry is back."}))
    write(corpus / "5.txt", "The fire station got a new engine.")
    missing = tmp_path / "missing"
    documents, problems = read(missing, corpus)
    assert [d.id for d in documents] == ["1", "j", "5"]
    assert [str(p) for p in problems] == [
        f"{missing}: no such file or folder",
        f"{corpus}/2.txt: not UTF-8 text (byte 0): it starts with a UTF-16 byte order mark; save it as UTF-8",
        f"{corpus}/3.html: no main text found in the HTML",
        f"{corpus}/4.jsonl:1: not JSON: Expecting value at column 1",
    ]


def test_problems_are_optional(tmp_path):
    good = write(tmp_path / "good.txt", "The orchestra toured the islands.")
    assert [d.id for d in read_documents([tmp_path / "missing.txt", good])] == ["good"]


def test_problem_str():
    assert str(Problem("news.jsonl", 12, "'text' is empty")) == "news.jsonl:12: 'text' is empty"
    assert str(Problem("-", None, "empty file")) == "-: empty file"


# Streaming


def test_read_documents_is_a_generator_that_reads_nothing_up_front(tmp_path):
    documents = read_documents([tmp_path / "missing.txt"], strict=True)
    assert inspect.isgenerator(documents)
    with pytest.raises(InputError):
        next(documents)


def test_first_document_of_a_large_corpus_without_reading_the_rest(tmp_path):
    records = [{"id": f"a{i}", "text": f"Article number {i} reports a quiet day in the county."} for i in range(20_000)]
    path = write(tmp_path / "large.jsonl", jsonl(*records, "this last line is not JSON"))
    documents = read_documents([path], strict=True)          # strict: reaching the last line would raise
    first = next(documents)
    assert (first.id, first.line) == ("a0", 1)
    assert next(documents).id == "a1"
    documents.close()


def test_stdin_is_consumed_line_by_line():
    corpus = jsonl(*({"id": f"s{i}", "text": f"Report {i}."} for i in range(1000)))
    stream = io.StringIO(corpus)
    documents = read_documents(["-"], stdin=stream)
    assert next(documents).id == "s0"
    assert stream.tell() < len(corpus) / 10
