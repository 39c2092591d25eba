"""iamport-desk: cancel PortOne externally issued cash receipts from the desktop."""

__version__ = "0.1.0"
