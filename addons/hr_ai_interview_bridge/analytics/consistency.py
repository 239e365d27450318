"""Scorecard maths and inter-rater consistency of interview panels.

Ratings are integers 1-5; 0 (or ``None``) means "no decision" and is left out
of every statistic except the no-decision rate.

* ``weighted_score``: the mechanical combination of one scorecard.
* ``icc_2_1``: Shrout & Fleiss (1979) ICC(2,1), two-way random effects,
  absolute agreement, single rater, of a complete targets x raters matrix.
* ``krippendorff_alpha``: Krippendorff's alpha with the coincidence-matrix
  method (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"),
  any number of coders per unit, missing values allowed.
* ``consistency_stats``: everything above for a panel's rated lines, in one
  pass over ``(scorecard, applicant, criterion, interviewer, rating)`` rows.
"""

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

RATINGS = (1, 2, 3, 4, 5)
# A pair whose ratings differ by this much is a disagreement.
DISAGREEMENT_SPREAD = 2
# Below this, a denominator counts as zero (no variance: not computable).
EPSILON = 1e-12


def is_rated(rating) -> bool:
    """Whether ``rating`` is a decision (1-5), not "no decision" (0/None)."""
    return bool(rating) and rating > 0


def weighted_score(lines: Iterable[tuple[float, int]]) -> float | None:
    """Return the weighted score (0-100, 2 decimals) of ``(weight, rating)`` lines.

    ``100 * sum(w * (rating - 1) / 4) / sum(w)`` over the rated lines: a 1 is
    worth 0, a 5 is worth 100.  No-decision lines are left out of both sums,
    so they neither raise nor lower the score.  Return None when no line is
    rated: "nothing rated" is not a score of 0.
    """
    total_weight = 0.0
    total = 0.0
    for weight, rating in lines:
        if not is_rated(rating):
            continue
        if weight <= 0:
            raise ValueError("criterion weights must be greater than 0")
        total_weight += weight
        total += weight * (rating - 1) / 4
    if not total_weight:
        return None
    return round(100 * total / total_weight, 2)


def spread(ratings: Iterable[int]) -> int | None:
    """Return max - min of the rated values, None when none is rated."""
    values = [r for r in ratings if is_rated(r)]
    return max(values) - min(values) if values else None


def mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean, None for no values."""
    return math.fsum(values) / len(values) if values else None


# ----------------------------------------------------------------------
# ICC(2,1)
# ----------------------------------------------------------------------
def icc_2_1(matrix: Sequence[Sequence[float]]) -> float | None:
    """Return ICC(2,1) of a complete ``n`` targets x ``k`` raters matrix.

    Shrout & Fleiss (1979), case 2, single rater, absolute agreement::

        ICC(2,1) = (MSR - MSE) / (MSR + (k - 1) MSE + k (MSC - MSE) / n)

    with MSR the between-targets, MSC the between-raters and MSE the residual
    mean squares of the two-way ANOVA without replication.  Return None when
    it is not computable: fewer than 2 targets or 2 raters, a ragged matrix,
    or a zero denominator (no variance at all).
    """
    n = len(matrix)
    if n < 2:
        return None
    k = len(matrix[0])
    if k < 2 or any(len(row) != k for row in matrix):
        return None
    grand = math.fsum(x for row in matrix for x in row) / (n * k)
    row_means = [math.fsum(row) / k for row in matrix]
    col_means = [math.fsum(row[j] for row in matrix) / n for j in range(k)]
    ss_rows = k * math.fsum((m - grand) ** 2 for m in row_means)
    ss_cols = n * math.fsum((m - grand) ** 2 for m in col_means)
    ss_total = math.fsum((x - grand) ** 2 for row in matrix for x in row)
    ss_error = ss_total - ss_rows - ss_cols
    ms_rows = ss_rows / (n - 1)
    ms_cols = ss_cols / (k - 1)
    ms_error = ss_error / ((n - 1) * (k - 1))
    denominator = ms_rows + (k - 1) * ms_error + k * (ms_cols - ms_error) / n
    if abs(denominator) < EPSILON:
        return None
    return (ms_rows - ms_error) / denominator


def largest_complete_matrix(
    targets: Iterable[dict],
) -> tuple[list[list[float]], tuple]:
    """Pick the largest complete block of a sparse targets x raters design.

    :param targets: one ``{rater: rating}`` dict per target (an
        applicant-criterion pair), ratings already rated (1-5)
    :return: ``(matrix, raters)``: the rows of the targets rated by exactly
        the most common rater set of at least 2 raters, columns in ``raters``
        order (sorted).  Ties prefer more raters, then the smallest rater ids.
        ``([], ())`` when no target has 2 raters.

    Panels differ between applicants, so the ratings form no single complete
    matrix.  ICC(2,1) needs one: we take the rater set shared by the most
    targets and stack its targets across criteria (pooled over criteria, the
    same raters in every column, so the rater effect stays meaningful).
    """
    by_raters = defaultdict(list)
    for ratings in targets:
        if len(ratings) >= 2:
            by_raters[tuple(sorted(ratings))].append(ratings)
    if not by_raters:
        return [], ()
    raters = min(by_raters, key=lambda key: (-len(by_raters[key]), -len(key), key))
    matrix = [[ratings[rater] for rater in raters] for ratings in by_raters[raters]]
    return matrix, raters


# ----------------------------------------------------------------------
# Krippendorff's alpha
# ----------------------------------------------------------------------
def _nominal(c, k, _counts, _values):
    return 0.0 if c == k else 1.0


def _interval(c, k, _counts, _values):
    return float(c - k) ** 2


def _ordinal(c, k, counts, values):
    """(sum of n_g for g from c to k, minus (n_c + n_k) / 2) squared."""
    low, high = (c, k) if c <= k else (k, c)
    between = math.fsum(counts[g] for g in values if low <= g <= high)
    return (between - (counts[c] + counts[k]) / 2) ** 2


METRICS: dict[str, Callable] = {
    "nominal": _nominal,
    "interval": _interval,
    "ordinal": _ordinal,
}


def coincidences(units: Iterable[Sequence]) -> dict[tuple, float]:
    """Return the coincidence matrix ``o[(c, k)]`` of pairable values.

    Each unit contributes every ordered pair of its values from different
    coders, weighted ``1 / (m_u - 1)``; units with fewer than 2 values are not
    pairable and contribute nothing.
    """
    matrix = defaultdict(float)
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    matrix[(c, k)] += 1.0 / (m - 1)
    return dict(matrix)


def krippendorff_alpha(
    units: Iterable[Sequence], metric: str = "ordinal"
) -> float | None:
    """Return Krippendorff's alpha of ``units`` (lists of values, any length).

    ``alpha = 1 - (n - 1) * sum(o_ck d_ck) / sum(n_c n_k d_ck)`` where ``o``
    is the coincidence matrix, ``n_c`` its marginals, ``n`` the number of
    pairable values and ``d`` the squared difference of the ``metric``
    (``nominal``, ``interval`` or ``ordinal``; ordinal ranks by the marginal
    frequencies, so only the order of the values matters).  Return None when
    not computable: fewer than 2 pairable values or no expected disagreement
    (every value the same).
    """
    delta = METRICS[metric]
    matrix = coincidences(units)
    counts = defaultdict(float)
    for (c, _k), weight in matrix.items():
        counts[c] += weight
    n = math.fsum(counts.values())
    if n < 2:
        return None
    values = sorted(counts)
    observed = math.fsum(
        weight * delta(c, k, counts, values) for (c, k), weight in matrix.items()
    )
    expected = math.fsum(
        counts[c] * counts[k] * delta(c, k, counts, values)
        for c in values
        for k in values
    )
    if expected < EPSILON:
        return None
    return 1.0 - (n - 1) * observed / expected


# ----------------------------------------------------------------------
# Panel statistics
# ----------------------------------------------------------------------
def consistency_stats(rows: Iterable[Sequence]) -> dict:
    """Return the consistency statistics of submitted scorecard lines.

    :param rows: ``(scorecard_id, applicant_id, criterion_id, interviewer_id,
        rating)`` tuples, one per scorecard line (``rating`` 0 = no
        decision); a scorecard without lines may appear once with
        ``criterion_id`` and ``rating`` None, so that it is still counted.
    :return: dict with

        * ``pairs``: (applicant, criterion) pairs rated (1-5) by at least 2
          scorecards;
        * ``disagreement_rate``: share (0-1) of those pairs whose
          max - min >= 2, None without pairs;
        * ``icc_2_1``: ICC(2,1) of ``largest_complete_matrix`` (a rater who
          rated a pair on two scorecards counts with the mean), or None;
        * ``krippendorff_alpha``: ordinal alpha over all rated values, each
          pair a unit, or None;
        * ``interviewers``: one dict per interviewer, sorted by
          ``user_id``: ``scorecards`` (count), ``distribution`` (``"1"`` ..
          ``"5"`` -> count), ``mean_deviation`` (mean of own rating minus the
          mean of the other scorecards on the same pair: > 0 lenient, < 0
          severe; None without shared pairs), ``no_decision_rate`` (share of
          lines rated 0; None without lines).
    """
    scorecards = defaultdict(set)
    line_count = Counter()
    no_decision = Counter()
    distribution = defaultdict(Counter)
    by_pair = defaultdict(list)  # (applicant, criterion) -> [(interviewer, rating)]
    for scorecard_id, applicant_id, criterion_id, interviewer_id, rating in rows:
        scorecards[interviewer_id].add(scorecard_id)
        if criterion_id is None:
            continue
        line_count[interviewer_id] += 1
        if not is_rated(rating):
            no_decision[interviewer_id] += 1
            continue
        distribution[interviewer_id][rating] += 1
        by_pair[(applicant_id, criterion_id)].append((interviewer_id, rating))

    shared = [ratings for ratings in by_pair.values() if len(ratings) >= 2]
    disagreements = sum(
        1 for ratings in shared if spread(r for _i, r in ratings) >= DISAGREEMENT_SPREAD
    )
    deviations = defaultdict(list)
    targets = []
    for ratings in shared:
        total = math.fsum(r for _i, r in ratings)
        others = len(ratings) - 1
        per_rater = defaultdict(list)
        for interviewer_id, rating in ratings:
            deviations[interviewer_id].append(rating - (total - rating) / others)
            per_rater[interviewer_id].append(rating)
        targets.append({rater: mean(values) for rater, values in per_rater.items()})
    matrix, _raters = largest_complete_matrix(targets)

    interviewers = []
    for interviewer_id in sorted(scorecards):
        lines = line_count[interviewer_id]
        interviewers.append(
            {
                "user_id": interviewer_id,
                "scorecards": len(scorecards[interviewer_id]),
                "distribution": {
                    str(r): distribution[interviewer_id][r] for r in RATINGS
                },
                "mean_deviation": mean(deviations[interviewer_id]),
                "no_decision_rate": no_decision[interviewer_id] / lines
                if lines
                else None,
            }
        )
    return {
        "pairs": len(shared),
        "disagreement_rate": disagreements / len(shared) if shared else None,
        "icc_2_1": icc_2_1(matrix) if matrix else None,
        "krippendorff_alpha": krippendorff_alpha(
            [[r for _i, r in ratings] for ratings in shared], "ordinal"
        ),
        "interviewers": interviewers,
    }
