"""Marking text for translation where it is defined, translating it where it is shown."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks text for lupdate and returns it unchanged (PySide's own is typed ``object``)."""
    return text
