"""Competency-gap rules (pure Python, no Odoo import).

Evidence per skill is normalized to 0-100:

* ``ai_level``: mean of the latest AI result's scores on dimensions mapped to
  the skill;
* ``interview_level``: mean of ``100 * (rating - 1) / 4`` over the non-zero
  ratings of submitted scorecards, on criteria mapped to the skill.

``measured = ai_weight * ai + (1 - ai_weight) * interview`` when both exist,
else the one that exists.  ``gap = required - measured``; a required skill
without evidence is the largest gap (``gap = required``).  Status: ``below``
(gap > 0), ``met`` (gap <= 0 and measured < required + exceeds_margin),
``exceeds``.  A core gap: gap >= core_gap_min on a core competency, or gap >=
any_gap_min on any.
"""

from dataclasses import dataclass

DEFAULTS = {
    "ai_weight": 0.4,
    "exceeds_margin": 10.0,
    "core_gap_min": 10.0,
    "any_gap_min": 20.0,
}


@dataclass(frozen=True)
class GapResult:
    measured: float | None
    gap: float
    status: str
    is_core_gap: bool
    has_evidence: bool


def rating_to_level(rating):
    """A 1-5 rating as a 0-100 level; 0 (no decision) has no level."""
    if not rating:
        return None
    return 100.0 * (rating - 1) / 4


def measure(ai_level, interview_level, ai_weight=DEFAULTS["ai_weight"]):
    """Blend the two kinds of evidence; None when there is none."""
    if ai_level is not None and interview_level is not None:
        return round(ai_weight * ai_level + (1 - ai_weight) * interview_level, 2)
    if ai_level is not None:
        return round(ai_level, 2)
    if interview_level is not None:
        return round(interview_level, 2)
    return None


def classify(required, measured, is_core, settings=None):
    """Gap, status and core flag of one skill (see the module docstring)."""
    settings = dict(DEFAULTS, **(settings or {}))
    has_evidence = measured is not None
    gap = round(required - (measured if has_evidence else 0.0), 2)
    if gap > 0:
        status = "below"
    elif measured < required + settings["exceeds_margin"]:
        status = "met"
    else:
        status = "exceeds"
    is_core_gap = (is_core and gap >= settings["core_gap_min"]) or (
        gap >= settings["any_gap_min"]
    )
    return GapResult(measured, gap, status, bool(is_core_gap), has_evidence)
