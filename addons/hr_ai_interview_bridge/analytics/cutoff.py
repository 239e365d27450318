"""AI cut-off advice: score bands, pass rates and the Youden threshold.

Pure Python, no Odoo import: ``hr.ai.cutoff.advisor`` fetches the rows in SQL
and hands them to these functions.

An *outcome row* is ``(score, reached_later, successful, decided)`` for one
applicant and one AI dimension:

* ``score``: the AI score of the dimension, 0-100;
* ``reached_later``: the applicant went past the AI interview stage;
* ``successful``: the applicant turned out well later (hired, or passed the
  structured interview); the caller decides what counts;
* ``decided``: the outcome is known (hired, refused, or a structured score
  exists); undecided applicants count in the band sizes and pass rates but
  not in the threshold.

The advised threshold is the cut ``t`` ("keep applicants scoring >= t") that
maximises Youden's J (Youden 1950, "Index for rating diagnostic tests")::

    J(t) = share of successful applicants kept - share of unsuccessful kept
         = sensitivity + specificity - 1

i.e. the cut that keeps most later-successful applicants while cutting the
most others.  Only observed scores (and 0, "keep everyone") are tried: J only
changes at an observed score.  Ties go to the lower cut, which keeps more
successful applicants.
"""

import math
from collections.abc import Iterable, Sequence

# Half-open score bands [low, high): the last one includes 100.
BANDS = (
    ("0-59", 0.0, 60.0),
    ("60-79", 60.0, 80.0),
    ("80-100", 80.0, math.inf),
)
# Below this many applicants in either outcome class, the advice is shown as
# indicative only.
MIN_CLASS_SIZE = 5


def band_of(score: float, bands: Sequence = BANDS) -> str | None:
    """Return the label of the band holding ``score`` (None when outside)."""
    if score is None:
        return None
    for label, low, high in bands:
        if low <= score < high:
            return label
    return None


def _ratio(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def band_rates(rows: Iterable[Sequence], bands: Sequence = BANDS) -> list[dict]:
    """Pass and success rates per score band.

    :param rows: outcome rows ``(score, reached_later, successful, decided)``
    :return: one dict per band, in band order: ``band``, ``count``,
        ``reached_later``, ``pass_rate`` (% of the band that went past the AI
        stage, None for an empty band), ``successful``, ``decided``,
        ``success_rate`` (% of the band's decided applicants who were
        successful, None without any decided)
    """
    stats = {
        label: {"count": 0, "reached_later": 0, "successful": 0, "decided": 0}
        for label, _low, _high in bands
    }
    for score, reached_later, successful, decided in rows:
        label = band_of(score, bands)
        if label is None:
            continue
        band = stats[label]
        band["count"] += 1
        band["reached_later"] += bool(reached_later)
        if decided:
            band["decided"] += 1
            band["successful"] += bool(successful)
    result = []
    for label, _low, _high in bands:
        band = stats[label]
        result.append(
            dict(
                band,
                band=label,
                pass_rate=_ratio(band["reached_later"], band["count"]),
                success_rate=_ratio(band["successful"], band["decided"]),
            )
        )
    return result


def youden_threshold(rows: Iterable[Sequence]) -> dict | None:
    """The cut-off score maximising Youden's J over the decided rows.

    :param rows: outcome rows ``(score, reached_later, successful, decided)``
    :return: None when one outcome class is empty (nothing to separate),
        else a dict: ``threshold`` (keep scores >= it), ``j`` (0-1),
        ``kept_successful`` and ``cut_unsuccessful`` (% of each class),
        ``successful`` and ``unsuccessful`` (class sizes) and ``reliable``
        (both classes have at least ``MIN_CLASS_SIZE`` applicants)
    """
    good, bad = [], []
    for score, _reached, successful, decided in rows:
        if not decided or score is None:
            continue
        (good if successful else bad).append(float(score))
    if not good or not bad:
        return None
    best = None
    for cut in sorted({0.0, *good, *bad}):
        kept_good = sum(1 for score in good if score >= cut)
        kept_bad = sum(1 for score in bad if score >= cut)
        j = kept_good / len(good) - kept_bad / len(bad)
        # Strictly greater: on a tie the lower cut (seen first) wins.
        if best is None or j > best[0] + 1e-12:
            best = (j, cut, kept_good, kept_bad)
    j, cut, kept_good, kept_bad = best
    return {
        "threshold": cut,
        "j": round(j, 4),
        "kept_successful": _ratio(kept_good, len(good)),
        "cut_unsuccessful": _ratio(len(bad) - kept_bad, len(bad)),
        "successful": len(good),
        "unsuccessful": len(bad),
        "reliable": min(len(good), len(bad)) >= MIN_CLASS_SIZE,
    }


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r of two equally long series, as PostgreSQL's ``corr()``:
    None with fewer than 2 pairs or when a series has no variance.

    The advisor computes correlations in SQL; this reference implementation
    lets the tests check the SQL against known values.
    """
    if len(xs) != len(ys):
        raise ValueError("both series need the same length")
    n = len(xs)
    if n < 2:
        return None
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)
