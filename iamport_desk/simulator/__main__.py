"""``python -m iamport_desk.simulator [--port N] [--latency S] [--no-seed]``."""

import sys

from iamport_desk.simulator.cli import main

sys.exit(main())
