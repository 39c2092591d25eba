"""Print one command that README.md marks for CI, so that CI runs exactly what a reader copies.

README.md marks a command with an HTML comment right before its fenced block::

    <!-- ci: test -->
    ```sh
    python3 -m venv .venv && ...
    ```

``python .ci/readme_commands.py test`` prints that one line. A missing or repeated marker, or a
block that is not exactly one line, is an error (exit 1): the README and CI must not drift apart.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
_MARKER = re.compile(r"^<!-- ci: ([a-z0-9-]+) -->$")


class ReadmeCommandError(ValueError):
    """The README has no such marked command, or more than one, or not exactly one line."""


def marked_commands(text: str) -> dict[str, str]:
    """Every marked command of a README text, by marker name."""
    lines = text.splitlines()
    found: dict[str, str] = {}
    for index, line in enumerate(lines):
        match = _MARKER.match(line.strip())
        if not match:
            continue
        name = match.group(1)
        if name in found:
            raise ReadmeCommandError(f"the marker <!-- ci: {name} --> appears twice")
        fence = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if not fence.startswith("```"):
            raise ReadmeCommandError(f"<!-- ci: {name} --> is not followed by a fenced block")
        try:
            end = next(i for i in range(index + 2, len(lines)) if lines[i].strip() == "```")
        except StopIteration:
            raise ReadmeCommandError(f"the block after <!-- ci: {name} --> never ends") from None
        body = [line for line in lines[index + 2 : end] if line.strip()]
        if len(body) != 1:
            raise ReadmeCommandError(
                f"the block after <!-- ci: {name} --> has {len(body)} lines, not one"
            )
        found[name] = body[0].strip()
    return found


def readme_command(name: str, readme: Path = README) -> str:
    """The one line marked ``<!-- ci: name -->`` in *readme*."""
    commands = marked_commands(readme.read_text(encoding="utf-8"))
    if name not in commands:
        raise ReadmeCommandError(f"{readme.name} has no command marked <!-- ci: {name} -->")
    return commands[name]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: readme_commands.py NAME", file=sys.stderr)
        return 2
    try:
        print(readme_command(argv[0]))
    except ReadmeCommandError as error:
        print(f"README.md: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
