"""Percentiles of a list of latencies, as the tables show them."""


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return None
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def summary(values):
    """``{"n", "p50", "p95", "p99", "max"}`` in the values' unit, rounded to 0.1."""
    if not values:
        return {"n": 0}
    return {"n": len(values), **{f"p{p}": round(percentile(values, p), 1) for p in (50, 95, 99)},
            "max": round(max(values), 1)}
