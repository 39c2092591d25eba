"""Any order number reaches the server as exactly one encoded path segment, or not at all.

A "/" that is not encoded would address another resource; "?" or "#" would cut the id
short. The simulator records the raw request target, so the wire is checked, not our
own helper.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from iamport_desk.api import IamportClient
from iamport_desk.errors import InvalidMerchantUid, ReceiptNotFound
from iamport_desk.rules import MAX_MERCHANT_UID_LENGTH
from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, Simulator

HOSTILE = [
    "/",
    "..",
    ".",
    "...",
    "./a",
    "../receipts",
    "?",
    "#",
    "%2F",
    "%",
    "%zz",
    "+",
    "a b",
    "주문-한글-0005",
    "🧾💸",
    "\u200fRTL",
    "\u202etxet",
    "ORDER\u200b-1",
    "\ufeffBOM",
    "ㅐㄱㅇㄷㄱ-1001",
    "\u1112\u1161\u11ab-NFD",
    "A/B 2026#7?x",
    "x" * 10_000,
    "x" * MAX_MERCHANT_UID_LENGTH,
    "한" * MAX_MERCHANT_UID_LENGTH,
    " \t padded \n",
    "tab\tinside",
    "\x00",
    "\u2028line-sep",
    "back\\slash",
    ";param=1",
    "&amp;",
    "'\"<>`{}|^",
]


@pytest.fixture(scope="module")
def live() -> Iterator[tuple[Simulator, IamportClient]]:
    with (
        Simulator(seed=False) as sim,
        IamportClient(DEMO_IMP_KEY, DEMO_IMP_SECRET, base_url=sim.base_url) as client,
    ):
        client.get_token()  # cached for the whole module: one request per example
        yield sim, client


def must_refuse(stripped: str) -> bool:
    """An oracle written independently of normalize_merchant_uid.

    Controls, separators, invisible format characters (zero-width, BOM, bidi controls) and
    surrogates are refused, and so is a standalone Hangul jamo (typed in 한글 mode) in an id
    whose letters are all Hangul.
    """
    letters = [ch for ch in stripped if ch.isalpha()]
    return (
        not stripped
        or stripped in (".", "..")
        or len(stripped) > MAX_MERCHANT_UID_LENGTH
        or any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in stripped)
        or (
            any("\u3131" <= ch <= "\u318e" for ch in stripped)
            and all("HANGUL" in unicodedata.name(ch, "") for ch in letters)
        )
    )


@pytest.mark.timeout(120)
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    uid=st.one_of(
        st.text(),
        st.sampled_from(HOSTILE),
        st.builds(lambda a, b: f"{a}{b}", st.sampled_from(HOSTILE), st.text(max_size=20)),
    ),
    exists=st.booleans(),
)
@example(uid="/", exists=True)
@example(uid="..", exists=True)
@example(uid="%2F", exists=True)
@example(uid="x" * 10_000, exists=True)
@example(uid="\u200f", exists=True)
@example(uid="\u1112\u1161\u11ab-NFD", exists=True)
def test_id_is_sent_as_one_segment_or_not_at_all(
    live: tuple[Simulator, IamportClient], uid: str, exists: bool
) -> None:
    sim, client = live
    stripped = uid.strip()
    if exists and not must_refuse(stripped):
        sim.add_receipt(stripped, amount=1100)
    # The module's simulator keeps receipts of earlier examples: ask it for the truth.
    exists = not must_refuse(stripped) and sim.receipt(stripped) is not None
    sim.reset_requests()
    try:
        receipt = client.lookup_external_receipt(uid)
    except InvalidMerchantUid:
        assert must_refuse(stripped), f"refused a sendable id {uid!r}"
        assert sim.count() == 0
        return
    except ReceiptNotFound:
        assert not exists
    else:
        assert exists
        assert receipt.merchant_uid == stripped
    assert not must_refuse(stripped)
    assert len(sim.requests) == 1
    request = sim.requests[0]
    assert request.method == "GET"
    assert request.raw_path == "/receipts/external/" + quote(stripped, safe="")
    assert request.path == "/receipts/external/" + stripped
