from . import intake
from . import portal
