"""Every word and colour the clerk reads, in one package: sentences, labels, colours.

Every failure becomes a plain sentence for the clerk: what happened, and what to do next.
Server messages are passed through as they came (PortOne's Korean text, often from the
PG); they are shown as plain text by the caller, never parsed.

The words live in submodules by topic: message (UserMessage), errors (describe_error, which
dispatches to the others), orders, network, files, keychain, history (history_problem,
note_text), labels (outcomes, receipt types, colours, won, export headers), records (reasons,
actions), stores (the profile form), identifiers and issue (issuing a receipt, issue 15),
confirmation (the cancellation confirmation) and reissue (the correction dialog), the last
two imported as modules. This package re-exports the public names of all but those two; the
submodules import each other, never the package.
"""

from __future__ import annotations

from iamport_desk.ui.words.errors import (
    describe_error,
)
from iamport_desk.ui.words.files import (
    describe_file_error,
)
from iamport_desk.ui.words.history import (
    history_problem,
    note_text,
)
from iamport_desk.ui.words.identifiers import (
    identifier_kind_label,
    identifier_problem,
)
from iamport_desk.ui.words.issue import (
    IssueSaid,
    derived_order_sentence,
    describe_issue_error,
    history_reference,
    issue_said,
)
from iamport_desk.ui.words.keychain import (
    keychain_reason_text,
)
from iamport_desk.ui.words.labels import (
    DEMO_BANNER_STYLE,
    NEUTRAL_COLOUR,
    SUCCESS_COLOUR,
    WARNING_COLOUR,
    export_headers,
    label_style,
    outcome_label,
    outcome_labels,
    receipt_type_label,
    receipt_type_labels,
    reconcile_summary,
    sentence_colour,
    won,
)
from iamport_desk.ui.words.message import (
    UserMessage,
    status_detail,
)
from iamport_desk.ui.words.network import (
    NEW_NETWORK_KINDS,
    describe_network,
    describe_unknown,
)
from iamport_desk.ui.words.orders import (
    describe_invalid_merchant_uid,
)
from iamport_desk.ui.words.records import (
    action_text,
    export_words,
    outcome_text,
    reason_choice_text,
    reason_note_problem,
    reason_said,
    reason_text,
    receipt_source_text,
    record_words,
)
from iamport_desk.ui.words.stores import (
    profile_field_name,
    profile_form_error,
    profile_form_text,
    store_api_choice,
    store_api_name,
    store_choice_text,
)

__all__ = [
    "DEMO_BANNER_STYLE",
    "NEUTRAL_COLOUR",
    "NEW_NETWORK_KINDS",
    "SUCCESS_COLOUR",
    "WARNING_COLOUR",
    "IssueSaid",
    "UserMessage",
    "action_text",
    "derived_order_sentence",
    "describe_error",
    "describe_file_error",
    "describe_invalid_merchant_uid",
    "describe_issue_error",
    "describe_network",
    "describe_unknown",
    "export_headers",
    "export_words",
    "history_problem",
    "history_reference",
    "identifier_kind_label",
    "identifier_problem",
    "issue_said",
    "keychain_reason_text",
    "label_style",
    "note_text",
    "outcome_label",
    "outcome_labels",
    "outcome_text",
    "profile_field_name",
    "profile_form_error",
    "profile_form_text",
    "reason_choice_text",
    "reason_note_problem",
    "reason_said",
    "reason_text",
    "receipt_source_text",
    "receipt_type_label",
    "receipt_type_labels",
    "reconcile_summary",
    "record_words",
    "sentence_colour",
    "status_detail",
    "store_api_choice",
    "store_api_name",
    "store_choice_text",
    "won",
]
