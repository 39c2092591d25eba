"""The demo's practice stores: "데모 상점" on the V1 simulator, "데모 하위상점" (the demo's Tier,
for its Tier practice order) on it too, and "데모 상점 (V2)" on the V2 one.

Their secrets are the simulators' public practice values, kept for the session only (the
app gives the demo a SecretStore that never touches the real keychain). Each kind of store
is sent to its own simulator through ``ProfileStore(session_hosts=...)``, and the practice
profiles name that simulator as their host too (the credentials dialog's "Test connection"
reads the host from the form). No Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from iamport_desk.credentials import ProfileStore
from iamport_desk.models import Profile, StoreApi

__all__ = [
    "DEMO_PROFILE",
    "DEMO_TIER_PROFILE",
    "DEMO_V2_PROFILE",
    "ensure_demo_profiles",
    "practice_orders",
    "practice_store",
]

DEMO_PROFILE = "데모 상점"
DEMO_TIER_PROFILE = "데모 하위상점"
DEMO_V2_PROFILE = "데모 상점 (V2)"


def practice_store(order: str) -> str:
    """The practice store whose simulator and Tier find the practice ``order``."""
    from iamport_desk.simulator import DEMO_TIER_ORDERS
    from iamport_desk.simulator_v2 import DEMO_PAYMENTS

    if order in DEMO_TIER_ORDERS:
        return DEMO_TIER_PROFILE
    if order in DEMO_PAYMENTS:
        return DEMO_V2_PROFILE
    return DEMO_PROFILE


def practice_orders(api: StoreApi | None = None) -> dict[str, str]:
    """The practice order numbers and what each does, of one kind of store or of both.

    Both (``api`` None): V1's, then V2's with the V2 practice store's name before each
    description, so one list tells which store an order number belongs to.
    """
    from iamport_desk.simulator import DEMO_ORDERS
    from iamport_desk.simulator_v2 import DEMO_PAYMENTS

    if api is StoreApi.V1:
        return dict(DEMO_ORDERS)
    if api is StoreApi.V2:
        return dict(DEMO_PAYMENTS)
    named = {pid: f"[{DEMO_V2_PROFILE}] {text}" for pid, text in DEMO_PAYMENTS.items()}
    return {**DEMO_ORDERS, **named}


def ensure_demo_profiles(store: ProfileStore) -> None:
    """Add (or repair) the practice profiles with their practice secrets; V1's is the default.

    A practice profile the clerk edited keeps its edits unless it lost its secret or its kind,
    which the demo cannot work without; its host becomes this session's simulator for its kind
    (``store.session_host``), whose port changes with every start.
    """
    from iamport_desk.simulator import DEMO_IMP_KEY, DEMO_IMP_SECRET, DEMO_TIER
    from iamport_desk.simulator.demo import DEMO_CHANNEL_KEY
    from iamport_desk.simulator_v2 import DEMO_API_SECRET, DEMO_STORE_ID
    from iamport_desk.simulator_v2 import DEMO_CHANNEL_KEY as V2_CHANNEL_KEY

    wanted: Mapping[str, tuple[Profile, str]] = {
        DEMO_PROFILE: (
            Profile(DEMO_PROFILE, DEMO_IMP_KEY, channel_key=DEMO_CHANNEL_KEY),
            DEMO_IMP_SECRET,
        ),
        DEMO_TIER_PROFILE: (
            Profile(DEMO_TIER_PROFILE, DEMO_IMP_KEY, DEMO_TIER, channel_key=DEMO_CHANNEL_KEY),
            DEMO_IMP_SECRET,
        ),
        DEMO_V2_PROFILE: (
            Profile(
                DEMO_V2_PROFILE, api=StoreApi.V2, store_id=DEMO_STORE_ID, channel_key=V2_CHANNEL_KEY
            ),
            DEMO_API_SECRET,
        ),
    }
    for name, (profile, secret) in wanted.items():
        existing = store.get(name)
        keep: str | None = secret
        if existing is not None and existing.api is profile.api:
            # Kept as edited; a practice store without a channel key gets the demo's (issue 15).
            profile = replace(existing, channel_key=existing.channel_key or profile.channel_key)
            if store.credentials(name) is not None:
                keep = None  # the secret saved this session stays
        host = store.session_host(profile.api) or profile.api.default_base
        if existing == replace(profile, api_base=host) and keep is None:
            continue
        profile = replace(profile, api_base=host)
        store.save_profile(profile, keep, previous_name=name if existing else None)
    if store.active() is None:
        store.set_active(DEMO_PROFILE)
