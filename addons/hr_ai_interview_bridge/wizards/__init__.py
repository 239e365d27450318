from . import hr_ai_interview_import
from . import hr_ai_interview_import_line
