"""A sentence for the clerk (UserMessage), and the HTTP status detail added to some."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class UserMessage:
    """A sentence for the clerk. ``server`` is the server's own text, shown apart.

    ``final``: trying again through the app cannot help (e.g. the PG does not support
    cancelling through PortOne), so the window leaves nothing to press.
    """

    text: str
    server: str | None = None
    reenter_credentials: bool = False
    final: bool = False

    def full_text(self) -> str:
        if self.server:
            return (
                self.text
                + "\n"
                + QCoreApplication.translate("Messages", "Message from PortOne: {0}").format(
                    self.server
                )
            )
        return self.text


def status_detail(status: int | None, code: int | None) -> str:
    """The detail to append to a sentence, like " (HTTP 400, code -1)"; "" when none."""
    parts = []
    if status is not None:
        parts.append(f"HTTP {status}")
    if code not in (None, 0):
        parts.append(QCoreApplication.translate("Messages", "code {0}").format(code))
    return f" ({', '.join(parts)})" if parts else ""
