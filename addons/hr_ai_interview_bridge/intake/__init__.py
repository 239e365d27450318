"""Pure-Python intake core: webhook signatures, payload schema, score maths.

Nothing in this package imports Odoo, so it can be unit-tested on its own and
reused by the controller and the models.  Import the submodules explicitly
(``from .intake import signature``); they are not loaded eagerly here.
"""
