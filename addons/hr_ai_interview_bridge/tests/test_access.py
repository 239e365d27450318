"""Who sees what of the AI results, per role."""

from odoo.exceptions import AccessError

from .common import AiInterviewCase, make_payload


class TestAiAccess(AiInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._ingest_as_intake(make_payload())
        other_applicant = cls._make_applicant("Other", "other@example.com", cls.job)
        cls.other = cls._ingest_as_intake(
            make_payload(interview_id="iv-other", applicant={"id": other_applicant.id})
        )
        cls.unmatched = cls._ingest_as_intake(
            make_payload(interview_id="iv-x", applicant={"email": "x@example.com"})
        )
        cls.all_results = cls.mine | cls.other | cls.unmatched

    def visible(self, user):
        return (
            self.env["hr.ai.interview.result"]
            .with_user(user)
            .search([("id", "in", self.all_results.ids)])
        )

    def test_manager_sees_and_manages_everything(self):
        self.assertEqual(self.visible(self.manager), self.all_results)
        vendor = self.vendor.with_user(self.manager)
        self.assertTrue(vendor.secret.startswith("whsec_"))
        old = vendor.secret
        vendor.action_regenerate_secret()
        self.assertNotEqual(vendor.secret, old)
        self.unmatched.with_user(self.manager).unlink()

    def test_officer_sees_all_results_but_no_secret(self):
        self.assertEqual(self.visible(self.officer), self.all_results)
        vendor = self.vendor.with_user(self.officer)
        self.assertEqual(vendor.name, "Test Vendor")
        self.assertTrue(vendor.secret_masked.endswith(self.vendor.secret[-4:]))
        with self.assertRaises(AccessError):
            vendor.read(["secret"])
        with self.assertRaises(AccessError):
            vendor.action_regenerate_secret()
        with self.assertRaises(AccessError):
            self.env["hr.ai.interview.vendor"].with_user(self.officer).create(
                {"name": "Rogue", "code": "rogue"}
            )
        with self.assertRaises(AccessError):
            self.mine.with_user(self.officer).unlink()

    def test_interviewer_reads_only_assigned_applicants(self):
        self.assertEqual(self.visible(self.interviewer), self.mine)
        result = self.mine.with_user(self.interviewer)
        self.assertEqual(result.overall_score, 78)
        self.assertEqual(
            result.score_ids.mapped("dimension_id.code"), ["logic", "teamwork"]
        )
        with self.assertRaises(AccessError):
            result.write({"overall_score": 100})
        with self.assertRaises(AccessError):
            self.other.with_user(self.interviewer).read(["overall_score"])
        with self.assertRaises(AccessError):
            self.unmatched.with_user(self.interviewer).read(["candidate_email"])
        scores = (
            self.env["hr.ai.interview.score"]
            .with_user(self.interviewer)
            .search([("result_id", "in", self.all_results.ids)])
        )
        self.assertEqual(scores, self.mine.score_ids)

    def test_job_interviewer_sees_the_jobs_applicants(self):
        self.assertFalse(self.visible(self.other_interviewer))
        self.job.interviewer_ids = self.other_interviewer
        self.assertEqual(self.visible(self.other_interviewer), self.mine | self.other)

    def test_interviewer_cannot_read_secret(self):
        with self.assertRaises(AccessError):
            self.vendor.with_user(self.interviewer).read(["secret"])

    def test_plain_employee_sees_nothing(self):
        for model in ("hr.ai.interview.result", "hr.ai.interview.score"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.employee).search([])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.employee).read(["overall_score"])

    def test_intake_user_is_least_privilege(self):
        intake = self.env.ref("hr_ai_interview_bridge.user_ai_intake")
        self.assertFalse(intake.active, "the technical user cannot log in")
        self.assertFalse(intake.has_group("base.group_system"))
        self.assertFalse(intake.has_group("hr_recruitment.group_hr_recruitment_user"))
        with self.assertRaises(AccessError):
            self.vendor.with_user(intake).read(["secret"])
        with self.assertRaises(AccessError):
            self.mine.with_user(intake).unlink()
        with self.assertRaises(AccessError):
            self.vendor.with_user(intake).write({"name": "changed"})


class TestMultiCompany(AiInterviewCase):
    def test_vendor_of_another_company_reaches_its_applicants(self):
        company = self.env["res.company"].create({"name": "Branch (test)"})
        vendor = self.env["hr.ai.interview.vendor"].create(
            {"name": "Branch vendor", "code": "branchvendor", "company_id": company.id}
        )
        intake = self.env.ref("hr_ai_interview_bridge.user_ai_intake")
        self.assertIn(company, intake.company_ids)
        self.assertEqual(
            self.env["hr.ai.interview.vendor"]
            .with_user(intake)
            .search([("code", "=", "branchvendor")]),
            vendor,
        )
