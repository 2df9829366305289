"""``statistics.median``, the same values for the same data, without importing statistics (it pulls in
fractions and decimal, at every start of ``pdfplans extract``; issue 12) and its checks for types
that the reader never measures (its sizes and gaps are floats)."""
from __future__ import annotations

from collections.abc import Iterable


def median(data: Iterable[float]) -> float:
    """The middle value of ``data``, or the mean of the two middle ones (as ``statistics.median``)."""
    values = sorted(data)
    n = len(values)
    if n == 0:
        raise ValueError("no median for empty data")  # statistics.StatisticsError is a ValueError too
    if n % 2 == 1:
        return values[n // 2]
    i = n // 2
    return (values[i - 1] + values[i]) / 2
