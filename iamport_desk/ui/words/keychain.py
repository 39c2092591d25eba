"""The keychain's reasons (absent, locked, refused, ...) as sentences (platform)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def keychain_reason_text(code: str | None) -> str:
    """One sentence for a ``keychain.KeychainReason`` code: what happened, what to do."""
    texts = {
        "absent": QCoreApplication.translate(
            "Keychain", "No secret is saved for this store on this PC. Enter it again."
        ),
        "no_keychain": QCoreApplication.translate(
            "Keychain",
            "No system keychain is available: a secret entered here is kept only until the app "
            "closes, and never written to a file.",
        ),
        "disabled": QCoreApplication.translate(
            "Keychain",
            "The keychain is turned off in the keyring configuration: a secret entered here is "
            "kept only until the app closes.",
        ),
        "unsafe": QCoreApplication.translate(
            "Keychain",
            "Only a file-based keyring is installed, which is not a safe keychain: a secret "
            "entered here is kept only until the app closes.",
        ),
        "locked": QCoreApplication.translate(
            "Keychain",
            "The system keychain is locked, so the saved secret could not be used. Unlock the "
            "keychain (sign in to it), then try again: the secret does not need to be entered "
            "again.",
        ),
        "denied": QCoreApplication.translate(
            "Keychain",
            "Access to the system keychain was denied, so the saved secret could not be used. "
            "Restart the app and choose \u201cAllow\u201d when the system asks, or enter the "
            "secret again.",
        ),
        "no_session": QCoreApplication.translate(
            "Keychain",
            "Windows has no credential store in this session (for example when the app runs as "
            "administrator or in a remote session), so the secret is kept only until the app "
            "closes. Start the app normally to save it.",
        ),
        "refused": QCoreApplication.translate(
            "Keychain",
            "The system keychain refused to read or save the secret (the log file has the "
            "details), so it is kept only until the app closes.",
        ),
        "write_failed": QCoreApplication.translate(
            "Keychain",
            "The system keychain accepted the secret but did not keep it, so it is kept only "
            "until the app closes.",
        ),
    }
    return texts.get(code or "absent", texts["absent"])
