"""Amounts: parsing as printed, units, rounding half up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import GovBudgetError, Unit, parse_amount
from govbudget.amounts import convert, decimal_places, format_amount, round_half_up, to_unit
from govbudget.errors import AmountError, AmountTypeError


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("283.61", Decimal("283.61")),
        ("1,234.56", Decimal("1234.56")),
        ("47,483,458", Decimal("47483458")),
        ("１２.３", Decimal("12.3")),
        ("１，２３４．５０", Decimal("1234.50")),
        (" 12.48 ", Decimal("12.48")),
        ("\u300012.48\u3000", Decimal("12.48")),
        ("-3.00", Decimal("-3.00")),
        ("－3.00", Decimal("-3.00")),
        ("\u22123.00", Decimal("-3.00")),
        ("+5", Decimal("5")),
        ("0.00", Decimal("0.00")),
        ("0", Decimal("0")),
    ],
)
def test_reads_what_tables_print(printed: str, value: Decimal) -> None:
    parsed = parse_amount(printed)
    assert parsed == value
    assert parsed is not None
    assert parsed.as_tuple().exponent == value.as_tuple().exponent


@pytest.mark.parametrize("blank", ["", "   ", "-", "—", "——", "–", "--", "\u3000"])
def test_blank_marks_are_blank(blank: str) -> None:
    assert parse_amount(blank) is None


def test_blank_and_printed_zero_stay_different() -> None:
    assert parse_amount("") is None
    assert decimal_places(parse_amount("0.00")) == 2
    assert format_amount(parse_amount("0.00")) == "0.00"
    assert format_amount(parse_amount("")) == ""


@pytest.mark.parametrize(
    "garbage",
    ["12.3.4", "1,23", "12,34.5", "abc", "12元", "25%", "1e5", "NaN", "inf", ".5", "5.", "1 000"],
)
def test_refuses_garbage_naming_the_value(garbage: str) -> None:
    with pytest.raises(AmountError, match=repr(garbage).replace(".", r"\.")):
        parse_amount(garbage)


@pytest.mark.parametrize("value", [0.1, 1.0, True, False, None, [1], object()])
def test_refuses_types_that_must_not_hold_money(value: object) -> None:
    with pytest.raises(AmountTypeError) as raised:
        parse_amount(value)  # type: ignore[arg-type]
    assert isinstance(raised.value, GovBudgetError)
    assert isinstance(raised.value, TypeError)


@pytest.mark.parametrize(
    "value", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")]
)
def test_refuses_nan_and_infinities(value: Decimal) -> None:
    with pytest.raises(AmountError, match="NaN and infinities"):
        parse_amount(value)


def test_refuses_absurd_lengths() -> None:
    with pytest.raises(AmountError, match="digits"):
        parse_amount("9" * 40)
    with pytest.raises(AmountError, match="digits"):
        parse_amount(Decimal("1E+50"))


def test_int_and_decimal_pass_through() -> None:
    assert parse_amount(12) == Decimal(12)
    assert parse_amount(Decimal("11.39")) == Decimal("11.39")


@pytest.mark.parametrize(
    ("exact", "places", "rounded"),
    [
        (Decimal("182.215"), 2, Decimal("182.22")),
        (Decimal("182.2149"), 2, Decimal("182.21")),
        (Decimal("-0.005"), 2, Decimal("-0.01")),
        (Decimal("0.5"), 0, Decimal("1")),
        (Decimal("2.5"), 0, Decimal("3")),
    ],
)
def test_round_half_up(exact: Decimal, places: int, rounded: Decimal) -> None:
    assert round_half_up(exact, places) == rounded


def test_units_convert_exactly() -> None:
    assert convert(Decimal("1822100"), Unit.YUAN, Unit.WAN_YUAN) == Decimal("182.21")
    assert convert(Decimal("1.5"), Unit.YI_YUAN, Unit.WAN_YUAN) == Decimal("15000")
    assert to_unit(Decimal("1822150.00"), Unit.YUAN, Unit.WAN_YUAN) == Decimal("182.22")
    assert to_unit(Decimal("47483458"), Unit.YUAN, Unit.WAN_YUAN) == Decimal("4748.35")


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("元", Unit.YUAN),
        ("单位：万元", Unit.WAN_YUAN),
        ("单位:元", Unit.YUAN),
        ("亿元", Unit.YI_YUAN),
    ],
)
def test_unit_labels(label: str, unit: Unit) -> None:
    assert Unit.from_label(label) is unit


def test_unknown_unit_label() -> None:
    with pytest.raises(AmountError, match="千元"):
        Unit.from_label("千元")


yuan_amounts = st.decimals(
    min_value=Decimal("-1e14"), max_value=Decimal("1e14"), places=2, allow_nan=False
)


@given(yuan_amounts)
def test_yuan_to_wan_yuan_and_back_is_exact(value: Decimal) -> None:
    there = convert(value, Unit.YUAN, Unit.WAN_YUAN)
    assert convert(there, Unit.WAN_YUAN, Unit.YUAN) == value
    assert convert(convert(value, Unit.YUAN, Unit.YI_YUAN), Unit.YI_YUAN, Unit.YUAN) == value


@given(yuan_amounts)
def test_parse_reads_back_what_format_prints(value: Decimal) -> None:
    assert parse_amount(format_amount(value, thousands=True)) == value
    assert parse_amount(format_amount(value)) == value


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=6))
def test_rounding_moves_at_most_half_a_unit(value: Decimal) -> None:
    assert abs(round_half_up(value, 2) - value) <= Decimal("0.005")
