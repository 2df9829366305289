"""Every printed value form of the spec, and Italian numbers read back from a generator."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pdfplans.errors import ValueParseError
from pdfplans.normalize import numbers as n


@pytest.mark.parametrize("text,value", [
    ("1.595.127,10 €", 1595127.10), ("€ 856.581,99", 856581.99), ("4.400,00 €", 4400.0),
    ("- €", 0.0), ("-", 0.0), ("171.084,43 €", 171084.43), ("€ 188.331,50", 188331.50),
    ("545.224,00 €", 545224.0),
])
def test_euro(text: str, value: float) -> None:
    assert n.parse_euro(text) == value


@pytest.mark.parametrize("text,value", [("3.692", 3692), ("4045", 4045), ("2.437", 2437), ("0", 0),
                                        ("156.113", 156113), ("71.223", 71223)])
def test_int(text: str, value: int) -> None:
    assert n.parse_int(text) == value


@pytest.mark.parametrize("text,value", [("10%", 10.0), ("24,52%", 24.52), ("5", 5.0), ("50%", 50.0),
                                        ("vittime di violenza domestica 5%", 5.0), ("62,7%", 62.7)])
def test_percent(text: str, value: float) -> None:
    assert n.parse_percent(text) == value


@pytest.mark.parametrize("text", ["", "   ", None, "non comunicato", "NON COMUNICATO", "n.d."])
def test_blank_and_not_communicated_are_null(text: str | None) -> None:
    assert n.parse_int(text) is None and n.parse_euro(text) is None and n.parse_code(text) is None


def test_di_cui_and_turnover() -> None:
    assert n.parse_with_part("29 di cui 7 per altri usi abitativi") == (29, 7)
    assert n.parse_with_part("1028 di cui 4 per altri usi abitativi") == (1028, 4)
    assert n.parse_with_part("10 (di cui 4 per mobilità d'ufficio)") == (10, 4)
    assert n.parse_with_part("14") == (14, None)
    assert n.parse_liberi("1 + 5da turn over") == (6, 5)
    assert n.parse_liberi("3") == (3, 0)


def test_codes_dates_times_flags() -> None:
    assert n.parse_code("'BS151846") == "BS151846"
    assert n.parse_code("23861431") == "23861431"
    assert n.parse_date("21-09-2022") == "2022-09-21"
    assert n.parse_date("02/11/22") == "2022-11-02"
    assert n.parse_time("13:51:24") == "13:51:24"
    assert n.parse_time("9.42") == "09:42:00"
    assert n.parse_si_no("SI") is True and n.parse_si_no("NO") is False and n.parse_si_no("") is None
    assert n.parse_number_word("tre") == 3


@pytest.mark.parametrize("call,text", [
    (n.parse_int, "vedi allegato"), (n.parse_int, "2,5"), (n.parse_euro, "euro"),
    (n.parse_date, "31-02-2022"), (n.parse_time, "25:00"), (n.parse_si_no, "forse"),
    (n.parse_strict_int, "12 alloggi"),
])
def test_unreadable_values_raise_clear_errors(call, text: str) -> None:
    with pytest.raises(ValueParseError) as err:
        call(text)
    assert repr(text.strip()) in str(err.value)


@settings(max_examples=500, deadline=None)
@given(
    cents=st.integers(min_value=-10**12, max_value=10**12),
    decimals=st.sampled_from([0, 1, 2]),
    thousands=st.booleans(),
    suffix=st.sampled_from(["", " €", "€", "%", " %"]),
    prefix=st.sampled_from(["", "€ ", "€"]),
)
def test_italian_numbers_read_back(cents: int, decimals: int, thousands: bool, suffix: str, prefix: str) -> None:
    value = cents / 100
    printed = prefix + n.format_italian(value, decimals, thousands) + suffix
    expected = float(f"{value:.{decimals}f}")
    assert n.parse_number(printed) == pytest.approx(expected, abs=1e-9), printed


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_counts_read_back_with_or_without_thousands_dots(count: int) -> None:
    assert n.parse_int(n.format_italian(count)) == count
    assert n.parse_int(n.format_italian(count, thousands=False)) == count
    assert n.parse_strict_int(n.format_italian(count)) == count
