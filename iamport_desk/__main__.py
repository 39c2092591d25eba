"""Allow ``python -m iamport_desk``."""

import sys

from iamport_desk.app import main

sys.exit(main())
