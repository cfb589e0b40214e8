"""What an activity's costs add up to: per currency, never converted (rates change, and an
officer reports what each side paid in its own currency)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any


def sums_by_currency(costs: list[dict[str, Any]]) -> dict[str, Decimal]:
    """Currency -> the sum of the amounts in it, in the order the currencies first appear.
    Amounts may be numbers or decimal text (as typed); what is not a number, or has no currency,
    is left out (the rules name it)."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for cost in costs:
        currency, amount = cost.get("currency"), cost.get("amount")
        if not currency or amount in (None, "") or isinstance(amount, bool):
            continue
        try:
            value = Decimal(repr(amount) if isinstance(amount, float) else str(amount).strip())
        except ArithmeticError:
            continue
        if value.is_finite():
            sums[str(currency).upper()] += value
    return dict(sums)
