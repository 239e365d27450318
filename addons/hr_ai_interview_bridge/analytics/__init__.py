"""Pure-Python interview analytics: scorecard maths and inter-rater statistics.

Nothing in this package imports Odoo, so it can be unit-tested on its own and
reused by the models.  Import the submodules explicitly
(``from .analytics import consistency``); they are not loaded eagerly here.
"""
