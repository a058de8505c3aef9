from datetime import date

import pytest

from kg.dates import DateError, EventDate, parse_date

SATURDAY = date(2020, 8, 15)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("on Wednesday", date(2020, 8, 12), None, "day"),
        ("on Monday", date(2020, 8, 10), None, "day"),
        ("on Friday", date(2020, 8, 14), None, "day"),
        ("on Saturday", date(2020, 8, 15), None, "day"),
        ("last Saturday", date(2020, 8, 8), None, "day"),
        ("Sunday", date(2020, 8, 9), None, "day"),
        ("next Monday", date(2020, 8, 17), None, "day"),
        ("yesterday", date(2020, 8, 14), None, "day"),
        ("today", date(2020, 8, 15), None, "day"),
        ("last week", date(2020, 8, 3), date(2020, 8, 9), "interval"),
        ("this week", date(2020, 8, 10), date(2020, 8, 16), "interval"),
        ("last month", date(2020, 7, 1), date(2020, 7, 31), "month"),
        ("last year", date(2019, 1, 1), date(2019, 12, 31), "year"),
        ("2020-08-09", date(2020, 8, 9), None, "day"),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month"),
        ("1994", date(1994, 1, 1), date(1994, 12, 31), "year"),
        ("2020-05/2020-08", date(2020, 5, 1), date(2020, 8, 31), "interval"),
        ("2020-08-09/on Wednesday", date(2020, 8, 9), date(2020, 8, 12), "interval"),
        ("on 9 August 2020", date(2020, 8, 9), None, "day"),
        ("August 9, 2020", date(2020, 8, 9), None, "day"),
        ("9th of August", date(2020, 8, 9), None, "day"),
        ("on Aug. 9", date(2020, 8, 9), None, "day"),
        ("20 August", date(2019, 8, 20), None, "day"),  # no year: the nearest such day before publication
        ("in December", date(2019, 12, 1), date(2019, 12, 31), "month"),
        ("in May 2020", date(2020, 5, 1), date(2020, 5, 31), "month"),
    ],
)
def test_parse_date(text, start, end, precision):
    parsed = parse_date(text, anchor=SATURDAY)
    assert (parsed.start, parsed.end, parsed.precision) == (start, end, precision)


def test_weekday_forwards_for_future_tense():
    assert parse_date("on Monday", anchor=SATURDAY, future=True).start == date(2020, 8, 17)
    assert parse_date("on 20 August", anchor=SATURDAY, future=True).start == date(2020, 8, 20)
    assert parse_date("on Saturday", anchor=SATURDAY, future=True).start == SATURDAY


@pytest.mark.parametrize("text", ["2020-13-01", "2020-02-30", "soon", "on Funday", "20-08-15", "2020-08-15x",
                                  "31 February 2020", "Augusts 9"])
def test_bad_dates(text):
    with pytest.raises(DateError, match="bad date"):
        parse_date(text, anchor=SATURDAY)


def test_relative_date_needs_anchor():
    with pytest.raises(DateError, match="publication date"):
        parse_date("on Wednesday")


def test_interval_must_not_run_backwards():
    with pytest.raises(DateError, match="before it starts"):
        parse_date("2020-08-15/2020-08-01")


def test_str_round_trips():
    for text in ("2020-08-15", "2020-08", "2020", "2020-08-09/2020-08-15"):
        assert str(parse_date(text)) == text
    assert str(EventDate(date(2020, 1, 1), None, "interval")) == "2020-01-01/.."
