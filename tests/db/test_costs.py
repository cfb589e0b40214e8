"""An activity's costs add up per currency, exactly, never converted."""

from __future__ import annotations

from decimal import Decimal

from db.records.costs import sums_by_currency


def test_costs_add_up_per_currency_exactly_in_the_order_currencies_appear():
    costs = [
        {"amount": 0.1, "currency": "USD"},
        {"amount": "0.2", "currency": "usd"},
        {"amount": 12000, "currency": "EUR"},
        {"amount": 18450.5, "currency": "USD"},
        {"amount": None, "currency": "KES"},  # an amount not known yet
        {"amount": "lots", "currency": "EUR"},  # not a number: the rules name it
        {"amount": 5, "currency": None},  # no currency: the rules name it
    ]
    assert sums_by_currency(costs) == {"USD": Decimal("18450.8"), "EUR": Decimal("12000")}
    assert list(sums_by_currency(costs)) == ["USD", "EUR"]
    assert sums_by_currency([]) == {}
