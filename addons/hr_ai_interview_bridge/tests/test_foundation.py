"""Wiring tests: one of each kind (ORM round trip, HTTP, phone-size tour)."""

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


class TestFoundationOrm(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))

    def test_applicant_round_trip(self):
        """An applicant written through the ORM reads back from the database."""
        job = self.env["hr.job"].create({"name": "Data Analyst (wiring)"})
        candidate = self.env["hr.candidate"].create(
            {"partner_name": "Han Meimei", "email_from": "han.meimei@example.com"}
        )
        applicant = self.env["hr.applicant"].create(
            {"candidate_id": candidate.id, "job_id": job.id}
        )
        applicant.invalidate_recordset()
        self.env.cr.execute(
            "SELECT job_id FROM hr_applicant WHERE id = %s", [applicant.id]
        )
        self.assertEqual(self.env.cr.fetchone()[0], job.id)
        self.assertEqual(applicant.partner_name, "Han Meimei")
        self.assertTrue(applicant.stage_id, "a new applicant lands in a first stage")

    def test_both_addons_installed(self):
        installed = (
            self.env["ir.module.module"]
            .search(
                [
                    ("name", "in", ["hr_ai_interview_bridge", "hr_training_loop"]),
                    ("state", "=", "installed"),
                ]
            )
            .mapped("name")
        )
        self.assertCountEqual(installed, ["hr_ai_interview_bridge", "hr_training_loop"])


@tagged("post_install", "-at_install")
class TestFoundationHttp(HttpCase):
    def test_login_page_over_http(self):
        """A real HTTP request reaches the test server and gets Odoo's login page."""
        response = self.url_open("/web/login")
        self.assertEqual(response.status_code, 200)
        self.assertIn('name="login"', response.text)

    def test_recruitment_json_rpc_as_hr_manager(self):
        """An authenticated JSON-RPC call reads applicants through HTTP."""
        new_test_user(
            self.env,
            login="wiring_hr",
            groups="base.group_user,hr_recruitment.group_hr_recruitment_manager",
        )
        self.authenticate("wiring_hr", "wiring_hr")
        response = self.make_jsonrpc_request(
            "/web/dataset/call_kw/hr.applicant/search_count",
            {
                "model": "hr.applicant",
                "method": "search_count",
                "args": [[]],
                "kwargs": {},
            },
        )
        self.assertIsInstance(response, int)


@tagged("post_install", "-at_install")
class TestFoundationMobileTour(HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_mobile_open_recruitment(self):
        """Chromium at phone size: an HR manager opens Recruitment."""
        new_test_user(
            self.env,
            login="hr_manager_tour",
            groups="base.group_user,hr_recruitment.group_hr_recruitment_manager",
        )
        self.start_tour("/odoo", "hr_ai_mobile_recruitment", login="hr_manager_tour")
