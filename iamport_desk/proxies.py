"""Which proxy a request goes through: the one set by hand, else the environment's or the OS's.

``urllib.request.getproxies()`` reads HTTPS_PROXY / HTTP_PROXY / ALL_PROXY (any case) and, on
Windows and macOS, the system's proxy settings (registry / System Configuration); NO_PROXY and the
OS's bypass list are honoured through ``proxy_bypass``. No Qt, no httpx, no I/O beyond those reads.
"""

from __future__ import annotations

import urllib.request
from urllib.parse import urlsplit

__all__ = ["proxy_for", "without_credentials"]


def proxy_for(url: str, manual: str | None = None) -> str | None:
    """The proxy URL that a request to ``url`` goes through, or None for a direct connection."""
    if manual:
        return _with_scheme(manual.strip())
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host or urllib.request.proxy_bypass(host):
        return None
    proxies = urllib.request.getproxies()
    found = proxies.get(parts.scheme) or proxies.get("all") or None
    return _with_scheme(found) if found else None


def _with_scheme(proxy: str) -> str:
    # "proxy.office:3128" (no scheme) is common in the environment; it means http.
    return proxy if "://" in proxy else "http://" + proxy


def without_credentials(proxy: str) -> str:
    """The proxy URL as it may be shown or logged: any ``user:password@`` replaced by ``***@``."""
    parts = urlsplit(proxy)
    if "@" not in parts.netloc:
        return proxy
    return parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]).geturl()
