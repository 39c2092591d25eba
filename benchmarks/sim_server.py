"""The PortOne simulator in a process of its own, driven through stdin/stdout.

The window benchmarks run the simulator here rather than in their own process, so its
threads do not compete with the GUI thread for the GIL (a real PortOne is elsewhere too).

Protocol: the first line written is the base URL. Then one command per line on stdin,
one answer line on stdout:

    count [METHOD]       -> number of requests recorded (all, or of METHOD)
    reset                -> "ok" (forget recorded requests)
    add UID AMOUNT       -> "ok" (a new, uncancelled receipt)
    latency SECONDS      -> "ok"
    quit                 -> "ok", then exit
"""

from __future__ import annotations

import argparse
import sys

from iamport_desk.simulator import Simulator


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()
    with Simulator(latency=args.latency) as sim:
        print(sim.base_url, flush=True)
        for line in sys.stdin:
            words = line.split()
            if not words:
                continue
            command, rest = words[0], words[1:]
            if command == "count":
                answer = str(sim.count(rest[0] if rest else None))
            elif command == "reset":
                sim.reset_requests()
                answer = "ok"
            elif command == "add":
                sim.add_receipt(rest[0], amount=int(rest[1]))
                answer = "ok"
            elif command == "latency":
                sim.latency = float(rest[0])
                answer = "ok"
            elif command == "quit":
                print("ok", flush=True)
                break
            else:
                answer = f"error unknown command {command!r}"
            print(answer, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
