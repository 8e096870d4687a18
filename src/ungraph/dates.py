"""Dates as UN texts print them: "13 October 1993".

>>> to_date("13", "October", "1993"), to_date("31", "February", "2020")
(datetime.date(1993, 10, 13), None)
>>> MONTH.split("|")[8]
'September'
"""
from __future__ import annotations

from datetime import date

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
# the month names as a regular-expression alternative ("January|February|...")
MONTH = "|".join(MONTH_NAMES)
_NUMBER = {m.lower(): n for n, m in enumerate(MONTH_NAMES, start=1)}


def to_date(day: str, month: str, year: str) -> date | None:
    """``date`` from printed parts, or None when they do not make a date (any case of month)."""
    try:
        return date(int(year), _NUMBER[month.lower()], int(day))
    except (KeyError, ValueError):
        return None
