"""SecretMask: every form a server may echo a secret in, whatever bytes come before it."""

from __future__ import annotations

import base64
import binascii
import re
import urllib.parse

import pytest

from iamport_desk.secret_mask import MASK, SecretMask

# "/" and "+" make the percent-encoded form differ from the raw one.
SECRET = "s3cr/et+Value_4711"


def _recoverable(text: str) -> bool:
    """Whether any run of base64 letters in ``text``, read from any of its first four
    letters, decodes to bytes holding the secret."""
    for run in re.findall(r"[A-Za-z0-9+/_-]+", text):
        standard = run.replace("-", "+").replace("_", "/")
        for start in range(4):
            chunk = standard[start:]
            chunk += "=" * (-len(chunk) % 4)
            try:
                if SECRET.encode() in base64.b64decode(chunk):
                    return True
            except (binascii.Error, ValueError):
                continue
    return False


@pytest.mark.parametrize("prefix", ["", "k", "ke", "key:", "imp_live_key_4711:"])
def test_base64_of_the_secret_is_masked_at_every_alignment(prefix: str) -> None:
    mask = SecretMask(SECRET)
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        echoed = encode((prefix + SECRET).encode()).decode()
        assert _recoverable(echoed)  # the check below can see a secret where there is one
        assert not _recoverable(mask.mask(f"server said: {echoed} (end)"))


@pytest.mark.parametrize(
    "form",
    [
        SECRET,
        SECRET.upper(),
        urllib.parse.quote(SECRET, safe=""),
        urllib.parse.quote(SECRET, safe="").lower(),
        urllib.parse.quote_plus(SECRET),
    ],
)
def test_raw_and_percent_encoded_forms_are_masked(form: str) -> None:
    assert form not in SecretMask(SECRET).mask(f"echo {form} echo")


def test_text_without_the_secret_is_kept_as_it_is() -> None:
    text = "이미 취소된 현금영수증입니다 (code -1)"
    assert SecretMask(SECRET).mask(text) == text


@pytest.mark.parametrize(
    "echo",
    ["010-1234-5678", "010 1234 5678", "010.1234.5678", "01012345678", "tel:010-12345678"],
)
def test_a_customers_number_is_masked_however_it_is_written(echo: str) -> None:
    """A server echoing the re-issue's phone number as people write it (issue 15)."""
    masked = SecretMask("01012345678").mask(f"식별번호 {echo} 이(가) 올바르지 않습니다")
    assert masked is not None and "5678" not in masked and MASK in masked


def test_only_the_same_digits_are_masked() -> None:
    assert SecretMask("01012345678").mask("주문 0101234567 / 01012345679") == (
        "주문 0101234567 / 01012345679"
    )
