"""``python -m iamport_desk.simulator_v2``."""

import sys

from iamport_desk.simulator_v2.main import main

sys.exit(main())
