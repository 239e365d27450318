"""Score maths: normalisation to 0-100, aggregates, percentiles, rankings.

Vendors score on their own scales (0-5, 0-10, 0-100 ...).  Everything stored
and compared in Odoo is first brought to a 0-100 scale, rounded to two
decimals so that values read back from a ``Float(digits=(5, 2))`` field equal
the ones computed here.
"""

import math
from collections.abc import Iterable, Mapping


def normalize_score(score: float, max_score: float) -> float:
    """Return ``score`` on a 0-100 scale (``score / max_score * 100``), 2 decimals.

    Raise ``ValueError`` if ``max_score`` is not positive.
    """
    if max_score <= 0:
        raise ValueError("max_score must be greater than 0")
    return round(score / max_score * 100, 2)


def overall_from_dimensions(normalized: list[float]) -> float | None:
    """Return the mean of already-normalised dimension scores, 2 decimals.

    Return None for an empty list: "no dimensions" is not a score of 0.
    """
    values = list(normalized)
    if not values:
        return None
    # fsum avoids the drift of naive summation over many dimensions.
    return round(math.fsum(values) / len(values), 2)


def percentile_rank(value: float, population: Iterable[float]) -> float:
    """Return the percentage (0-100, 2 decimals) of ``population`` below ``value``.

    Only values *strictly* lower than ``value`` count, so the best score of a
    population that includes it gets ``100 * (n - 1) / n`` and a tie shares the
    same rank.  Nothing is excluded here: whether ``value`` itself belongs to
    ``population`` is the caller's decision.  An empty population gives 0.0.
    """
    values = list(population)
    if not values:
        return 0.0
    below = sum(1 for other in values if other < value)
    return round(below * 100 / len(values), 2)


def strengths_weaknesses(
    scores: Mapping[str, float], n: int = 2
) -> tuple[list[str], list[str]]:
    """Return ``(strengths, weaknesses)``: the ``n`` best and ``n`` worst codes.

    Strengths are ordered by score descending, weaknesses by score ascending;
    ties are broken by code ascending so the result is deterministic.  A code
    never appears in both lists: with fewer than ``2 * n`` scores, weaknesses
    are taken only from the codes that are not strengths.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    strengths = [
        code for code, _score in sorted(scores.items(), key=lambda i: (-i[1], i[0]))
    ][:n]
    taken = set(strengths)
    rest = [(code, score) for code, score in scores.items() if code not in taken]
    weaknesses = [code for code, _score in sorted(rest, key=lambda i: (i[1], i[0]))]
    return strengths, weaknesses[:n]


def format_score(value):
    """Score as people write it: ``86``, ``86.5``, never ``86.0``.

    Used instead of f-strings inside ``_()`` calls: Odoo's term extractor
    (babel) evaluates the call arguments and drops the whole file's terms on
    an f-string.
    """
    return f"{value:g}"
