from . import hr_ai_interview_dimension
from . import hr_ai_interview_dimension_alias
from . import hr_ai_interview_vendor
from . import hr_ai_interview_delivery
from . import hr_ai_interview_result
from . import hr_ai_interview_score
from . import hr_applicant
