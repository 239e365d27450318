from odoo import api, fields, models
from odoo.tools import SQL


class HrAiInterviewDelivery(models.Model):
    """Inbox of the ``webhook-id`` values seen per vendor.

    Delivery is at-least-once: a vendor may send the same event twice, even
    concurrently.  Claiming the id with ``INSERT ... ON CONFLICT DO NOTHING``
    makes the second delivery wait for the first; in Odoo's REPEATABLE READ
    transactions it then fails with a serialization error, which Odoo's
    request loop retries, and the retry sees the id as a duplicate.
    """

    _name = "hr.ai.interview.delivery"
    _description = "AI Interview Delivery"
    _order = "id desc"
    _log_access = False

    vendor_id = fields.Many2one(
        "hr.ai.interview.vendor", required=True, ondelete="cascade", index=True
    )
    webhook_id = fields.Char(required=True)
    result_id = fields.Many2one("hr.ai.interview.result", ondelete="set null")
    received_at = fields.Datetime(required=True, default=fields.Datetime.now)

    _sql_constraints = [
        (
            "vendor_webhook_unique",
            "unique(vendor_id, webhook_id)",
            "This delivery was already received.",
        ),
    ]

    @api.model
    def _claim(self, vendor, webhook_id):
        """Record ``webhook_id`` for ``vendor``.

        :return: the new delivery, or an empty recordset when the id was
            already received (the caller answers ``duplicate``).
        """
        self.check_access("create")
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO hr_ai_interview_delivery
                       (vendor_id, webhook_id, received_at)
                VALUES (%s, %s, NOW() AT TIME ZONE 'UTC')
                ON CONFLICT (vendor_id, webhook_id) DO NOTHING
                RETURNING id
                """,
                vendor.id,
                webhook_id,
            )
        )
        row = self.env.cr.fetchone()
        return self.browse(row[0]) if row else self.browse()

    @api.model
    def _find(self, vendor, webhook_id):
        return self.search(
            [("vendor_id", "=", vendor.id), ("webhook_id", "=", webhook_id)], limit=1
        )
