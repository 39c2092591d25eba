<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About iamport-desk</source>
        <translation>About iamport-desk</translation>
    </message>
    <message>
        <source>Cancels cash receipts issued through PortOne for cash sales made outside PortOne. Licence: {0}.</source>
        <translation>Cancels cash receipts issued through PortOne for cash sales made outside PortOne. Licence: {0}.</translation>
    </message>
    <message>
        <source>Data and history:</source>
        <translation>Data and history:</translation>
    </message>
    <message>
        <source>Log files:</source>
        <translation>Log files:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Settings:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Open folder {0}</source>
        <translation>Open folder {0}</translation>
    </message>
</context>
<context>
    <name>Confirmation</name>
    <message>
        <source>Cash receipt cancellation confirmation</source>
        <translation>Cash receipt cancellation confirmation</translation>
    </message>
    <message>
        <source>Cash receipt cancellations</source>
        <translation>Cash receipt cancellations</translation>
    </message>
    <message>
        <source>Made with iamport-desk {0} on {1} (KST).</source>
        <translation>Made with iamport-desk {0} on {1} (KST).</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Tier code (sub-merchant)</source>
        <translation>Tier code (sub-merchant)</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>Original approval number</source>
        <translation>Original approval number</translation>
    </message>
    <message>
        <source>Issued at (KST)</source>
        <translation>Issued at (KST)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Cancelled at (PortOne, KST)</source>
        <translation>Cancelled at (PortOne, KST)</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Receipt on PortOne</source>
        <translation>Receipt on PortOne</translation>
    </message>
    <message>
        <source>History row</source>
        <translation>History row</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>(corrected by re-issue, row #{0})</source>
        <translation>(corrected by re-issue, row #{0})</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Sa&amp;ve confirmation as PDF...</source>
        <translation>Sa&amp;ve confirmation as PDF...</translation>
    </message>
    <message>
        <source>Print confir&amp;mation...</source>
        <translation>Print confir&amp;mation...</translation>
    </message>
    <message>
        <source>Save the cancellation confirmation</source>
        <translation>Save the cancellation confirmation</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>cancellation-confirmation-{0}.pdf</source>
        <translation>cancellation-confirmation-{0}.pdf</translation>
    </message>
    <message>
        <source>The confirmation was saved to {0}.</source>
        <translation>The confirmation was saved to {0}.</translation>
    </message>
    <message>
        <source>The confirmation was sent to the printer ({0} page(s)).</source>
        <translation>The confirmation was sent to the printer ({0} page(s)).</translation>
    </message>
    <message>
        <source>The confirmation could not be made. Nothing was saved; the details were written to the log file. Try again, or print it instead.</source>
        <translation>The confirmation could not be made. Nothing was saved; the details were written to the log file. Try again, or print it instead.</translation>
    </message>
    <message>
        <source>The confirmation could not be printed. Check the printer, or save it as PDF and print that file.</source>
        <translation>The confirmation could not be printed. Check the printer, or save it as PDF and print that file.</translation>
    </message>
    <message>
        <source>Order {0} cancelled. {1}</source>
        <translation>Order {0} cancelled. {1}</translation>
    </message>
    <message>
        <source>code {0}</source>
        <translation>code {0}</translation>
    </message>
    <message>
        <source>Scan to open the receipt on PortOne.</source>
        <translation>Scan to open the receipt on PortOne.</translation>
    </message>
    <message>
        <source>No QR code: the address is not a web address that can be opened.</source>
        <translation>No QR code: the address is not a web address that can be opened.</translation>
    </message>
    <message>
        <source>{0}. Order number {1}</source>
        <translation>{0}. Order number {1}</translation>
    </message>
    <message>
        <source>Covers: {0}</source>
        <translation>Covers: {0}</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totals</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Cancellations</translation>
    </message>
    <message>
        <source>Total amount</source>
        <translation>Total amount</translation>
    </message>
    <message>
        <source>Total VAT</source>
        <translation>Total VAT</translation>
    </message>
    <message>
        <source>{0} receipts</source>
        <translation>{0} receipts</translation>
    </message>
    <message>
        <source>({0} without a recorded amount, not included)</source>
        <translation>({0} without a recorded amount, not included)</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>Page {0} of {1}</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Store profiles and API keys</source>
        <translation>Store profiles and API keys</translation>
    </message>
    <message>
        <source>&amp;Profiles:</source>
        <translation>&amp;Profiles:</translation>
    </message>
    <message>
        <source>Store profiles</source>
        <translation>Store profiles</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>(saved - leave empty to keep it)</source>
        <translation>(saved - leave empty to keep it)</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Delete profile</translation>
    </message>
    <message>
        <source>Delete the profile “{0}” and its saved secret?</source>
        <translation>Delete the profile “{0}” and its saved secret?</translation>
    </message>
    <message>
        <source>Secrets are kept in the system keychain ({0}).</source>
        <translation>Secrets are kept in the system keychain ({0}).</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Sho&amp;w</translation>
    </message>
    <message>
        <source>For this session every request goes to {0} instead.</source>
        <translation>For this session every request goes to {0} instead.</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>Test co&amp;nnection</translation>
    </message>
    <message>
        <source>H&amp;ide</source>
        <translation>H&amp;ide</translation>
    </message>
    <message>
        <source>Connected: PortOne accepted the V2 API secret.</source>
        <translation>Connected: PortOne accepted the V2 API secret.</translation>
    </message>
    <message>
        <source>Secret kept for this session only</source>
        <translation>Secret kept for this session only</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Connecting...</translation>
    </message>
    <message>
        <source>Connected: PortOne accepted the key and secret.</source>
        <translation>Connected: PortOne accepted the key and secret.</translation>
    </message>
    <message>
        <source>Tier: {0}</source>
        <translation>Tier: {0}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Sorry, iamport-desk hit an unexpected problem. You can keep working; nothing already recorded was lost. The details were written to the log file:
{0}</source>
        <translation>Sorry, iamport-desk hit an unexpected problem. You can keep working; nothing already recorded was lost. The details were written to the log file:
{0}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Started (KST)</source>
        <translation>Started (KST)</translation>
    </message>
    <message>
        <source>Ended (KST)</source>
        <translation>Ended (KST)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Tier code</source>
        <translation>Tier code</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP status</translation>
    </message>
    <message>
        <source>Response code</source>
        <translation>Response code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Amount (won)</source>
        <translation>Amount (won)</translation>
    </message>
    <message>
        <source>VAT (won)</source>
        <translation>VAT (won)</translation>
    </message>
    <message>
        <source>Receipt type</source>
        <translation>Receipt type</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>Approval number</translation>
    </message>
    <message>
        <source>PG receipt ID</source>
        <translation>PG receipt ID</translation>
    </message>
    <message>
        <source>Receipt URL</source>
        <translation>Receipt URL</translation>
    </message>
    <message>
        <source>Cancelled at (KST)</source>
        <translation>Cancelled at (KST)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Settings not saved</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <source>The file {0} is in use by another program (for example an antivirus, a backup or OneDrive), so it could not be saved. Close the program that has it open, or wait a moment, then try again.</source>
        <translation>The file {0} is in use by another program (for example an antivirus, a backup or OneDrive), so it could not be saved. Close the program that has it open, or wait a moment, then try again.</translation>
    </message>
    <message>
        <source>Another copy of iamport-desk kept the settings busy, so nothing was changed. Try again.</source>
        <translation>Another copy of iamport-desk kept the settings busy, so nothing was changed. Try again.</translation>
    </message>
    <message>
        <source>The file {0} could not be saved ({1}), so nothing was changed. Check that the disk is not full and that the folder can be written, then try again.</source>
        <translation>The file {0} could not be saved ({1}), so nothing was changed. Check that the disk is not full and that the folder can be written, then try again.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>{0} won</source>
        <translation>{0} won</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>← #{0} cancellation</source>
        <translation>← #{0} cancellation</translation>
    </message>
    <message>
        <source>→ #{0} re-issue</source>
        <translation>→ #{0} re-issue</translation>
    </message>
    <message>
        <source>(at lookup)</source>
        <translation>(at lookup)</translation>
    </message>
</context>
<context>
    <name>HistoryFilterBar</name>
    <message>
        <source>Order &amp;number:</source>
        <translation>Order &amp;number:</translation>
    </message>
    <message>
        <source>Part of an order number</source>
        <translation>Part of an order number</translation>
    </message>
    <message>
        <source>Search by order number</source>
        <translation>Search by order number</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation>Filter by outcome</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profile:</translation>
    </message>
    <message>
        <source>Filter by store profile</source>
        <translation>Filter by store profile</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>All profiles</translation>
    </message>
    <message>
        <source>&amp;Any date</source>
        <translation>&amp;Any date</translation>
    </message>
    <message>
        <source>Show attempts of any date</source>
        <translation>Show attempts of any date</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>First day (Korean time)</source>
        <translation>First day (Korean time)</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Last day (Korean time)</source>
        <translation>Last day (Korean time)</translation>
    </message>
    <message>
        <source>order numbers containing “{0}”</source>
        <translation>order numbers containing “{0}”</translation>
    </message>
    <message>
        <source>store {0}</source>
        <translation>store {0}</translation>
    </message>
    <message>
        <source>started {0} to {1} (KST)</source>
        <translation>started {0} to {1} (KST)</translation>
    </message>
    <message>
        <source>Cancellations in the whole history</source>
        <translation>Cancellations in the whole history</translation>
    </message>
    <message>
        <source>Cancellations with {0}</source>
        <translation>Cancellations with {0}</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Started (KST)</source>
        <translation>Started (KST)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP status</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>Approval number</translation>
    </message>
    <message>
        <source>Receipt link</source>
        <translation>Receipt link</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>This column cannot be sorted.</translation>
    </message>
</context>
<context>
    <name>HistoryTableView</name>
    <message>
        <source>Cancellation attempts</source>
        <translation>Cancellation attempts</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Audit history</source>
        <translation>Audit history</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Copy row</source>
        <translation>&amp;Copy row</translation>
    </message>
    <message>
        <source>Copy the selected rows as text (Ctrl+C in the table)</source>
        <translation>Copy the selected rows as text (Ctrl+C in the table)</translation>
    </message>
    <message>
        <source>Open &amp;receipt</source>
        <translation>Open &amp;receipt</translation>
    </message>
    <message>
        <source>Open the receipt of the selected attempt in the browser</source>
        <translation>Open the receipt of the selected attempt in the browser</translation>
    </message>
    <message>
        <source>&amp;Go to the linked row</source>
        <translation>&amp;Go to the linked row</translation>
    </message>
    <message>
        <source>Select the other row of a correction: the re-issue of a cancellation, or the cancellation a re-issue corrects (or double-click the Correction cell)</source>
        <translation>Select the other row of a correction: the re-issue of a cancellation, or the cancellation a re-issue corrects (or double-click the Correction cell)</translation>
    </message>
    <message>
        <source>Check &amp;unknown outcomes</source>
        <translation>Check &amp;unknown outcomes</translation>
    </message>
    <message>
        <source>Look up the receipts of attempts whose outcome is unknown, for the active store profile. Nothing is cancelled again.</source>
        <translation>Look up the receipts of attempts whose outcome is unknown, for the active store profile. Nothing is cancelled again.</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel...</source>
        <translation>E&amp;xport to Excel...</translation>
    </message>
    <message>
        <source>Save the attempts shown (with the current filter and order) as an Excel workbook that keeps every digit of the order and approval numbers</source>
        <translation>Save the attempts shown (with the current filter and order) as an Excel workbook that keeps every digit of the order and approval numbers</translation>
    </message>
    <message>
        <source>Export to CS&amp;V...</source>
        <translation>Export to CS&amp;V...</translation>
    </message>
    <message>
        <source>Save the attempts shown as a CSV file, for programs other than Excel</source>
        <translation>Save the attempts shown as a CSV file, for programs other than Excel</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>Copy row</translation>
    </message>
    <message>
        <source>Open receipt</source>
        <translation>Open receipt</translation>
    </message>
    <message>
        <source>Go to the linked row</source>
        <translation>Go to the linked row</translation>
    </message>
    <message>
        <source>Columns...</source>
        <translation>Columns...</translation>
    </message>
    <message>
        <source>All attempts shown: {0}</source>
        <translation>All attempts shown: {0}</translation>
    </message>
    <message>
        <source>{0} of {1} attempts shown</source>
        <translation>{0} of {1} attempts shown</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>This column cannot be sorted.</translation>
    </message>
    <message>
        <source>No store profile with a saved API secret is selected. Choose or enter one in the main window, then try again.</source>
        <translation>No store profile with a saved API secret is selected. Choose or enter one in the main window, then try again.</translation>
    </message>
    <message>
        <source>The app is closing; nothing was checked.</source>
        <translation>The app is closing; nothing was checked.</translation>
    </message>
    <message>
        <source>Checking attempts with an unknown outcome...</source>
        <translation>Checking attempts with an unknown outcome...</translation>
    </message>
    <message>
        <source>Some could not be checked yet: {0}</source>
        <translation>Some could not be checked yet: {0}</translation>
    </message>
    <message>
        <source>Unknown outcomes could not be checked: {0}</source>
        <translation>Unknown outcomes could not be checked: {0}</translation>
    </message>
    <message>
        <source>No attempt of the active store profile has an unknown outcome.</source>
        <translation>No attempt of the active store profile has an unknown outcome.</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>Export the history</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>Exporting...</translation>
    </message>
    <message>
        <source>No records to export: no file was written. No attempt matches the search and the filters; change them, then try again.</source>
        <translation>No records to export: no file was written. No attempt matches the search and the filters; change them, then try again.</translation>
    </message>
    <message>
        <source>Exported {0} attempt(s) to {1}.</source>
        <translation>Exported {0} attempt(s) to {1}.</translation>
    </message>
    <message>
        <source>The export failed: {0}</source>
        <translation>The export failed: {0}</translation>
    </message>
    <message>
        <source>The file could not be saved ({0}). If it is open in Excel, close it; or choose another folder.</source>
        <translation>The file could not be saved ({0}). If it is open in Excel, close it; or choose another folder.</translation>
    </message>
    <message>
        <source>The export failed unexpectedly. The details were written to the log file.</source>
        <translation>The export failed unexpectedly. The details were written to the log file.</translation>
    </message>
    <message>
        <source>Columns for the books (default)</source>
        <translation>Columns for the books (default)</translation>
    </message>
    <message>
        <source>Save the cancellation confirmation of the selected rows as a PDF: one confirmation, or one report with totals for several rows</source>
        <translation>Save the cancellation confirmation of the selected rows as a PDF: one confirmation, or one report with totals for several rows</translation>
    </message>
    <message>
        <source>Print the confirmation of the selected rows</source>
        <translation>Print the confirmation of the selected rows</translation>
    </message>
    <message>
        <source>Confirmation as P&amp;DF...</source>
        <translation>Confirmation as P&amp;DF...</translation>
    </message>
    <message>
        <source>Pr&amp;int...</source>
        <translation>Pr&amp;int...</translation>
    </message>
    <message>
        <source>Report of the cancellations &amp;shown...</source>
        <translation>Report of the cancellations &amp;shown...</translation>
    </message>
    <message>
        <source>Save every cancellation that the search and the filters select (for example today&apos;s) as one PDF report with totals</source>
        <translation>Save every cancellation that the search and the filters select (for example today&apos;s) as one PDF report with totals</translation>
    </message>
    <message>
        <source>No confirmation was made: none of the selected rows is a cancellation that happened. Select a row whose outcome is Cancelled.</source>
        <translation>No confirmation was made: none of the selected rows is a cancellation that happened. Select a row whose outcome is Cancelled.</translation>
    </message>
    <message>
        <source>{0} selected row(s) are not cancellations and were left out.</source>
        <translation>{0} selected row(s) are not cancellations and were left out.</translation>
    </message>
    <message>
        <source>Nothing was printed: the printer could not be opened. Check that it is on and connected, then try again.</source>
        <translation>Nothing was printed: the printer could not be opened. Check that it is on and connected, then try again.</translation>
    </message>
    <message>
        <source>Sent {0} page(s) to the printer.</source>
        <translation>Sent {0} page(s) to the printer.</translation>
    </message>
    <message>
        <source>No report was made: more than {0} cancellations match, and a report&apos;s totals must hold them all. Choose a shorter period or a store profile, then try again.</source>
        <translation>No report was made: more than {0} cancellations match, and a report&apos;s totals must hold them all. Choose a shorter period or a store profile, then try again.</translation>
    </message>
    <message>
        <source>No report was made: no cancellation that happened matches the search and the filters. Change them, then try again.</source>
        <translation>No report was made: no cancellation that happened matches the search and the filters. Change them, then try again.</translation>
    </message>
    <message>
        <source>Saving the PDF...</source>
        <translation>Saving the PDF...</translation>
    </message>
    <message>
        <source>Saved {0} cancellation(s) on {1} page(s) to {2}.</source>
        <translation>Saved {0} cancellation(s) on {1} page(s) to {2}.</translation>
    </message>
    <message>
        <source>The PDF was not saved: something unexpected went wrong. The details were written to the log file.</source>
        <translation>The PDF was not saved: something unexpected went wrong. The details were written to the log file.</translation>
    </message>
    <message>
        <source>Save the confirmation</source>
        <translation>Save the confirmation</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Copied {0} row(s).</source>
        <translation>Copied {0} row(s).</translation>
    </message>
    <message>
        <source>This attempt has no receipt link that can be opened (only http and https links are opened).</source>
        <translation>This attempt has no receipt link that can be opened (only http and https links are opened).</translation>
    </message>
    <message>
        <source>The browser could not be started to open the receipt.</source>
        <translation>The browser could not be started to open the receipt.</translation>
    </message>
    <message>
        <source>Row #{0} is not among the rows shown. Clear the search and the filters to see it.</source>
        <translation>Row #{0} is not among the rows shown. Clear the search and the filters to see it.</translation>
    </message>
    <message>
        <source>Row #{0} selected.</source>
        <translation>Row #{0} selected.</translation>
    </message>
</context>
<context>
    <name>Issue</name>
    <message>
        <source>mobile number</source>
        <translation>mobile number</translation>
    </message>
    <message>
        <source>business registration number</source>
        <translation>business registration number</translation>
    </message>
    <message>
        <source>cash receipt card number</source>
        <translation>cash receipt card number</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s {0}.</source>
        <translation>Enter the customer&apos;s {0}.</translation>
    </message>
    <message>
        <source>Type the {0} with digits only. Hyphens and spaces are left out of what is sent; other characters cannot be used.</source>
        <translation>Type the {0} with digits only. Hyphens and spaces are left out of what is sent; other characters cannot be used.</translation>
    </message>
    <message>
        <source>A mobile number starts with 010, 011, 016, 017, 018 or 019. Check the number.</source>
        <translation>A mobile number starts with 010, 011, 016, 017, 018 or 019. Check the number.</translation>
    </message>
    <message>
        <source>This business registration number is not valid (its last digit does not match the others). Check it against the business registration certificate.</source>
        <translation>This business registration number is not valid (its last digit does not match the others). Check it against the business registration certificate.</translation>
    </message>
    <message>
        <source>A mobile number has 10 or 11 digits. Check the number.</source>
        <translation>A mobile number has 10 or 11 digits. Check the number.</translation>
    </message>
    <message>
        <source>A business registration number has 10 digits. Check the number.</source>
        <translation>A business registration number has 10 digits. Check the number.</translation>
    </message>
    <message>
        <source>A cash receipt card number has 13 to 19 digits. Check the number.</source>
        <translation>A cash receipt card number has 13 to 19 digits. Check the number.</translation>
    </message>
    <message>
        <source>The {0} is not valid. Check it.</source>
        <translation>The {0} is not valid. Check it.</translation>
    </message>
    <message>
        <source>the answer could not be read</source>
        <translation>the answer could not be read</translation>
    </message>
    <message>
        <source>the answer named another order number than the one sent</source>
        <translation>the answer named another order number than the one sent</translation>
    </message>
    <message>
        <source>the request was answered with a redirect to another address, which the app never follows</source>
        <translation>the request was answered with a redirect to another address, which the app never follows</translation>
    </message>
    <message>
        <source>the request was sent, but its answer did not arrive within the time limit</source>
        <translation>the request was sent, but its answer did not arrive within the time limit</translation>
    </message>
    <message>
        <source>the request was sent, then stopped before its answer arrived</source>
        <translation>the request was sent, then stopped before its answer arrived</translation>
    </message>
    <message>
        <source>the request was sent, but no answer came back</source>
        <translation>the request was sent, but no answer came back</translation>
    </message>
    <message>
        <source>It is not known whether the receipt was issued: {0}. Do not issue it again: look the order number up to see whether it now has a receipt.</source>
        <translation>It is not known whether the receipt was issued: {0}. Do not issue it again: look the order number up to see whether it now has a receipt.</translation>
    </message>
    <message>
        <source>Nothing was issued: PortOne knows no channel under this store&apos;s channel key. Check the key in the store&apos;s settings ({0}, Channel key) against the PortOne console ([결제 연동] &gt; [채널 관리]), then try again.</source>
        <translation>Nothing was issued: PortOne knows no channel under this store&apos;s channel key. Check the key in the store&apos;s settings ({0}, Channel key) against the PortOne console ([결제 연동] &gt; [채널 관리]), then try again.</translation>
    </message>
    <message>
        <source>Nothing was issued: this PG cannot issue cash receipts through PortOne. Issue it in the PG&apos;s merchant site or on 홈택스; trying again here will not help.</source>
        <translation>Nothing was issued: this PG cannot issue cash receipts through PortOne. Issue it in the PG&apos;s merchant site or on 홈택스; trying again here will not help.</translation>
    </message>
    <message>
        <source>PortOne refused to issue the receipt.</source>
        <translation>PortOne refused to issue the receipt.</translation>
    </message>
    <message>
        <source>The payment gateway refused or failed to issue the receipt.</source>
        <translation>The payment gateway refused or failed to issue the receipt.</translation>
    </message>
    <message>
        <source>Nothing was issued. Read PortOne&apos;s message, correct what it names and try again.</source>
        <translation>Nothing was issued. Read PortOne&apos;s message, correct what it names and try again.</translation>
    </message>
    <message>
        <source>PortOne says this order number already has a receipt, even after its cancellation. The receipt can be issued under the order number {0} instead. The books then find it by this new number, not by the cash sale&apos;s own: note it on the sale.</source>
        <translation>PortOne says this order number already has a receipt, even after its cancellation. The receipt can be issued under the order number {0} instead. The books then find it by this new number, not by the cash sale&apos;s own: note it on the sale.</translation>
    </message>
    <message>
        <source>History: row {0}.</source>
        <translation>History: row {0}.</translation>
    </message>
    <message>
        <source>History: the cancellation (row {0}) and this issue (row {1}) are linked.</source>
        <translation>History: the cancellation (row {0}) and this issue (row {1}) are linked.</translation>
    </message>
    <message>
        <source>Nothing was issued: this store has no channel key, which PortOne needs to issue a receipt. Set it in the store&apos;s settings ({0}, Channel key), then try again.</source>
        <translation>Nothing was issued: this store has no channel key, which PortOne needs to issue a receipt. Set it in the store&apos;s settings ({0}, Channel key), then try again.</translation>
    </message>
    <message>
        <source>Nothing was issued: the secret of this store is not available on this PC. Enter it again in the store&apos;s settings ({0}).</source>
        <translation>Nothing was issued: the secret of this store is not available on this PC. Enter it again in the store&apos;s settings ({0}).</translation>
    </message>
    <message>
        <source>Nothing was issued: this cancellation was already corrected by the receipt of {0} (approval number {1}).</source>
        <translation>Nothing was issued: this cancellation was already corrected by the receipt of {0} (approval number {1}).</translation>
    </message>
    <message>
        <source>Nothing was sent again: the earlier attempt whose answer was lost did issue the receipt of {0}, as a lookup shows (approval number {1}).</source>
        <translation>Nothing was sent again: the earlier attempt whose answer was lost did issue the receipt of {0}, as a lookup shows (approval number {1}).</translation>
    </message>
    <message>
        <source>Nothing was issued: a cash receipt of {0} is already issued and in effect (approval number {1}), so no other order number is offered - one sale keeps one receipt. Look it up to check it; cancel it first if it is wrong.</source>
        <translation>Nothing was issued: a cash receipt of {0} is already issued and in effect (approval number {1}), so no other order number is offered - one sale keeps one receipt. Look it up to check it; cancel it first if it is wrong.</translation>
    </message>
    <message>
        <source>It is not known whether the receipt of {0} was issued again: PortOne&apos;s answer did not show a new receipt. Do not issue it again; look the order number up, or check unknown outcomes in the history.</source>
        <translation>It is not known whether the receipt of {0} was issued again: PortOne&apos;s answer did not show a new receipt. Do not issue it again; look the order number up, or check unknown outcomes in the history.</translation>
    </message>
    <message>
        <source>The cash receipt of {0} was issued again (approval number {1}).</source>
        <translation>The cash receipt of {0} was issued again (approval number {1}).</translation>
    </message>
    <message>
        <source>The books find it under this new order number, not the sale&apos;s own: note it on the cash sale.</source>
        <translation>The books find it under this new order number, not the sale&apos;s own: note it on the cash sale.</translation>
    </message>
    <message>
        <source>The history could not record it: write the order number and approval number down by hand.</source>
        <translation>The history could not record it: write the order number and approval number down by hand.</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>No secret is saved for this store on this PC. Enter it again.</source>
        <translation>No secret is saved for this store on this PC. Enter it again.</translation>
    </message>
    <message>
        <source>No system keychain is available: a secret entered here is kept only until the app closes, and never written to a file.</source>
        <translation>No system keychain is available: a secret entered here is kept only until the app closes, and never written to a file.</translation>
    </message>
    <message>
        <source>The keychain is turned off in the keyring configuration: a secret entered here is kept only until the app closes.</source>
        <translation>The keychain is turned off in the keyring configuration: a secret entered here is kept only until the app closes.</translation>
    </message>
    <message>
        <source>Only a file-based keyring is installed, which is not a safe keychain: a secret entered here is kept only until the app closes.</source>
        <translation>Only a file-based keyring is installed, which is not a safe keychain: a secret entered here is kept only until the app closes.</translation>
    </message>
    <message>
        <source>The system keychain is locked, so the saved secret could not be used. Unlock the keychain (sign in to it), then try again: the secret does not need to be entered again.</source>
        <translation>The system keychain is locked, so the saved secret could not be used. Unlock the keychain (sign in to it), then try again: the secret does not need to be entered again.</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied, so the saved secret could not be used. Restart the app and choose “Allow” when the system asks, or enter the secret again.</source>
        <translation>Access to the system keychain was denied, so the saved secret could not be used. Restart the app and choose “Allow” when the system asks, or enter the secret again.</translation>
    </message>
    <message>
        <source>Windows has no credential store in this session (for example when the app runs as administrator or in a remote session), so the secret is kept only until the app closes. Start the app normally to save it.</source>
        <translation>Windows has no credential store in this session (for example when the app runs as administrator or in a remote session), so the secret is kept only until the app closes. Start the app normally to save it.</translation>
    </message>
    <message>
        <source>The system keychain refused to read or save the secret (the log file has the details), so it is kept only until the app closes.</source>
        <translation>The system keychain refused to read or save the secret (the log file has the details), so it is kept only until the app closes.</translation>
    </message>
    <message>
        <source>The system keychain accepted the secret but did not keep it, so it is kept only until the app closes.</source>
        <translation>The system keychain accepted the secret but did not keep it, so it is kept only until the app closes.</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>The new language applies the next time iamport-desk starts.</source>
        <translation>The new language applies the next time iamport-desk starts.</translation>
    </message>
    <message>
        <source>The language was saved but not changed yet: a lookup, cancellation or export is still running. Choose the language again once it has finished, or it applies the next time iamport-desk starts.</source>
        <translation>The language was saved but not changed yet: a lookup, cancellation or export is still running. Choose the language again once it has finished, or it applies the next time iamport-desk starts.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Look up</source>
        <translation>&amp;Look up</translation>
    </message>
    <message>
        <source>iamport-desk - cash receipt cancellation</source>
        <translation>iamport-desk - cash receipt cancellation</translation>
    </message>
    <message>
        <source>[DEMO] {0}</source>
        <translation>[DEMO] {0}</translation>
    </message>
    <message>
        <source>Store profile</source>
        <translation>Store profile</translation>
    </message>
    <message>
        <source>&amp;Order number (merchant_uid):</source>
        <translation>&amp;Order number (merchant_uid):</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>The merchant_uid the cash receipt was issued with. Press Enter to look it up.</source>
        <translation>The merchant_uid the cash receipt was issued with. Press Enter to look it up.</translation>
    </message>
    <message>
        <source>e.g. ORDER-20261125-0001</source>
        <translation>e.g. ORDER-20261125-0001</translation>
    </message>
    <message>
        <source>&amp;Cancel this receipt...</source>
        <translation>&amp;Cancel this receipt...</translation>
    </message>
    <message>
        <source>Asks for confirmation, then cancels the cash receipt shown above.</source>
        <translation>Asks for confirmation, then cancels the cash receipt shown above.</translation>
    </message>
    <message>
        <source>Check &amp;unknown outcomes</source>
        <translation>Check &amp;unknown outcomes</translation>
    </message>
    <message>
        <source>S&amp;tore:</source>
        <translation>S&amp;tore:</translation>
    </message>
    <message>
        <source>Cre&amp;dentials...</source>
        <translation>Cre&amp;dentials...</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Receipt</source>
        <translation>&amp;Receipt</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Audit &amp;history...</source>
        <translation>Audit &amp;history...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Go to &amp;order number</source>
        <translation>Go to &amp;order number</translation>
    </message>
    <message>
        <source>Copy receipt &amp;link</source>
        <translation>Copy receipt &amp;link</translation>
    </message>
    <message>
        <source>Store profiles and &amp;keys...</source>
        <translation>Store profiles and &amp;keys...</translation>
    </message>
    <message>
        <source>&amp;Language...</source>
        <translation>&amp;Language...</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About iamport-desk</source>
        <translation>&amp;About iamport-desk</translation>
    </message>
    <message>
        <source>The settings file could not be read and was set aside; defaults are in use. Details: {0}</source>
        <translation>The settings file could not be read and was set aside; defaults are in use. Details: {0}</translation>
    </message>
    <message>
        <source>Store switched to {0}.</source>
        <translation>Store switched to {0}.</translation>
    </message>
    <message>
        <source>Enter the REST API key and secret of your PortOne store.</source>
        <translation>Enter the REST API key and secret of your PortOne store.</translation>
    </message>
    <message>
        <source>The secret of this store is not available on this PC. Enter it again.</source>
        <translation>The secret of this store is not available on this PC. Enter it again.</translation>
    </message>
    <message>
        <source>Looking up {0}...</source>
        <translation>Looking up {0}...</translation>
    </message>
    <message>
        <source>Nothing was cancelled.</source>
        <translation>Nothing was cancelled.</translation>
    </message>
    <message>
        <source>Cancelling the cash receipt of {0}...</source>
        <translation>Cancelling the cash receipt of {0}...</translation>
    </message>
    <message>
        <source>Checking attempts with an unknown outcome...</source>
        <translation>Checking attempts with an unknown outcome...</translation>
    </message>
    <message>
        <source>Enter the store&apos;s PortOne keys again.</source>
        <translation>Enter the store&apos;s PortOne keys again.</translation>
    </message>
    <message>
        <source>Nothing was looked up: no store&apos;s PortOne keys are saved. Enter them with {0} (Settings &gt; Store profiles and keys).</source>
        <translation>Nothing was looked up: no store&apos;s PortOne keys are saved. Enter them with {0} (Settings &gt; Store profiles and keys).</translation>
    </message>
    <message>
        <source>No store is set up yet. Add your PortOne store with {0} (Settings &gt; Store profiles and keys), or try the app first with the practice stores: start it with --demo.</source>
        <translation>No store is set up yet. Add your PortOne store with {0} (Settings &gt; Store profiles and keys), or try the app first with the practice stores: start it with --demo.</translation>
    </message>
    <message>
        <source>{0} cancellation attempt(s) were interrupted last time (the app closed or crashed). Their outcome is being checked.</source>
        <translation>{0} cancellation attempt(s) were interrupted last time (the app closed or crashed). Their outcome is being checked.</translation>
    </message>
    <message>
        <source>This cash receipt was already cancelled on {0}. There is nothing to cancel.</source>
        <translation>This cash receipt was already cancelled on {0}. There is nothing to cancel.</translation>
    </message>
    <message>
        <source>Check the receipt below. To cancel it, press “Cancel this receipt”.</source>
        <translation>Check the receipt below. To cancel it, press “Cancel this receipt”.</translation>
    </message>
    <message>
        <source>The history shows this receipt was already cancelled on {0}. No request was sent.</source>
        <translation>The history shows this receipt was already cancelled on {0}. No request was sent.</translation>
    </message>
    <message>
        <source>Nothing more to do: this receipt is already cancelled. PortOne refused this request because its records show the cancellation at {0} (made on another PC or in PortOne&apos;s console). The receipt above is as PortOne has it now.</source>
        <translation>Nothing more to do: this receipt is already cancelled. PortOne refused this request because its records show the cancellation at {0} (made on another PC or in PortOne&apos;s console). The receipt above is as PortOne has it now.</translation>
    </message>
    <message>
        <source>The cash receipt was cancelled at {0}.</source>
        <translation>The cash receipt was cancelled at {0}.</translation>
    </message>
    <message>
        <source>Warning: the audit history could not record it: {0}</source>
        <translation>Warning: the audit history could not record it: {0}</translation>
    </message>
    <message>
        <source>Unknown outcomes could not be checked yet: {0}</source>
        <translation>Unknown outcomes could not be checked yet: {0}</translation>
    </message>
    <message>
        <source>Cancellation in progress</source>
        <translation>Cancellation in progress</translation>
    </message>
    <message>
        <source>A cancellation is being sent to PortOne. The window will close as soon as its outcome is known and recorded.</source>
        <translation>A cancellation is being sent to PortOne. The window will close as soon as its outcome is known and recorded.</translation>
    </message>
    <message>
        <source>Waiting for the cancellation&apos;s outcome before closing...</source>
        <translation>Waiting for the cancellation&apos;s outcome before closing...</translation>
    </message>
    <message>
        <source>Cancel the cash receipt?</source>
        <translation>Cancel the cash receipt?</translation>
    </message>
    <message>
        <source>Cancel the cash receipt of order {0} for {1}?
This cannot be undone.</source>
        <translation>Cancel the cash receipt of order {0} for {1}?
This cannot be undone.</translation>
    </message>
    <message>
        <source>Approval number: {0}   Issued: {1}</source>
        <translation>Approval number: {0}   Issued: {1}</translation>
    </message>
    <message>
        <source>&amp;Cancel the receipt</source>
        <translation>&amp;Cancel the receipt</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Keep it</translation>
    </message>
    <message>
        <source>&amp;Network...</source>
        <translation>&amp;Network...</translation>
    </message>
    <message>
        <source>Still waiting for PortOne&apos;s answer. Nothing has changed; press Esc to stop waiting, or wait a little longer.</source>
        <translation>Still waiting for PortOne&apos;s answer. Nothing has changed; press Esc to stop waiting, or wait a little longer.</translation>
    </message>
    <message>
        <source>Still waiting for PortOne&apos;s answer to the cancellation. It cannot be stopped now that it was sent: wait for the answer. If none comes, the attempt is recorded as unknown and checked by a lookup.</source>
        <translation>Still waiting for PortOne&apos;s answer to the cancellation. It cannot be stopped now that it was sent: wait for the answer. If none comes, the attempt is recorded as unknown and checked by a lookup.</translation>
    </message>
    <message>
        <source>Stopped waiting for the lookup. Nothing was changed. Look the order number up again when the network is back.</source>
        <translation>Stopped waiting for the lookup. Nothing was changed. Look the order number up again when the network is back.</translation>
    </message>
    <message>
        <source>Do not cancel it again. It is checked automatically at {0}; press {1} to check it now.</source>
        <translation>Do not cancel it again. It is checked automatically at {0}; press {1} to check it now.</translation>
    </message>
    <message>
        <source>Checked: the cash receipt of {0} was cancelled at {1}. There is nothing left to cancel.</source>
        <translation>Checked: the cash receipt of {0} was cancelled at {1}. There is nothing left to cancel.</translation>
    </message>
    <message>
        <source>Checked: the cash receipt of {0} was not cancelled; it can be cancelled again.</source>
        <translation>Checked: the cash receipt of {0} was not cancelled; it can be cancelled again.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Message from PortOne: {0}</source>
        <translation>Message from PortOne: {0}</translation>
    </message>
    <message>
        <source>code {0}</source>
        <translation>code {0}</translation>
    </message>
    <message>
        <source>The order number contains an invisible character, {0}, at position {1} (usually copied along from a web page, a chat or a spreadsheet). Type the number again instead of pasting it.</source>
        <translation>The order number contains an invisible character, {0}, at position {1} (usually copied along from a web page, a chat or a spreadsheet). Type the number again instead of pasting it.</translation>
    </message>
    <message>
        <source>The order number contains a text-direction control character, {0}, at position {1}; it makes the number on screen differ from the one that would be sent. Type the number again instead of pasting it.</source>
        <translation>The order number contains a text-direction control character, {0}, at position {1}; it makes the number on screen differ from the one that would be sent. Type the number again instead of pasting it.</translation>
    </message>
    <message>
        <source>Enter an order number first.</source>
        <translation>Enter an order number first.</translation>
    </message>
    <message>
        <source>The order number is far too long to be a real order number. Check what was pasted and try again.</source>
        <translation>The order number is far too long to be a real order number. Check what was pasted and try again.</translation>
    </message>
    <message>
        <source>The order number contains invisible control characters (for example a line break from copying). Type it again.</source>
        <translation>The order number contains invisible control characters (for example a line break from copying). Type it again.</translation>
    </message>
    <message>
        <source>The order number was typed while the input method was in Korean (한글) mode: on an English keyboard these keys spell “{0}”. Switch to English with the 한/영 key and type the number again (mind upper and lower case).</source>
        <translation>The order number was typed while the input method was in Korean (한글) mode: on an English keyboard these keys spell “{0}”. Switch to English with the 한/영 key and type the number again (mind upper and lower case).</translation>
    </message>
    <message>
        <source>This order number cannot be sent to PortOne as it is (for example “.” or “..”). Check the number.</source>
        <translation>This order number cannot be sent to PortOne as it is (for example “.” or “..”). Check the number.</translation>
    </message>
    <message>
        <source>The proxy server asks for a sign-in{0}. Ask your IT department for the proxy user name and password, and enter them with the proxy in the network settings.</source>
        <translation>The proxy server asks for a sign-in{0}. Ask your IT department for the proxy user name and password, and enter them with the proxy in the network settings.</translation>
    </message>
    <message>
        <source>The proxy server could not be reached. Check the proxy address in the network settings, or ask your IT department.</source>
        <translation>The proxy server could not be reached. Check the proxy address in the network settings, or ask your IT department.</translation>
    </message>
    <message>
        <source>The proxy server refused the connection to PortOne with a page of its own{0}. Ask your IT department to allow api.iamport.kr.</source>
        <translation>The proxy server refused the connection to PortOne with a page of its own{0}. Ask your IT department to allow api.iamport.kr.</translation>
    </message>
    <message>
        <source>PortOne did not finish answering within the time limit. Check the network or proxy settings and try again.</source>
        <translation>PortOne did not finish answering within the time limit. Check the network or proxy settings and try again.</translation>
    </message>
    <message>
        <source>The request was stopped before PortOne answered. Try again when ready.</source>
        <translation>The request was stopped before PortOne answered. Try again when ready.</translation>
    </message>
    <message>
        <source>It is not known whether the receipt was cancelled: the cancellation was sent, but no answer came back. Do not cancel it again: look the order number up, or use “Check unknown outcomes” in the history, when the network is back.</source>
        <translation>It is not known whether the receipt was cancelled: the cancellation was sent, but no answer came back. Do not cancel it again: look the order number up, or use “Check unknown outcomes” in the history, when the network is back.</translation>
    </message>
    <message>
        <source>The receipt was not cancelled.</source>
        <translation>The receipt was not cancelled.</translation>
    </message>
    <message>
        <source>The receipt could not be looked up.</source>
        <translation>The receipt could not be looked up.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>It is not known whether the receipt was cancelled: the answer to the cancellation could not be read (it was damaged or far too large).</source>
        <translation>It is not known whether the receipt was cancelled: the answer to the cancellation could not be read (it was damaged or far too large).</translation>
    </message>
    <message>
        <source>It is not known whether the receipt was cancelled: the answer named another order number than the one cancelled.</source>
        <translation>It is not known whether the receipt was cancelled: the answer named another order number than the one cancelled.</translation>
    </message>
    <message>
        <source>It is not known whether the receipt was cancelled: the cancellation was answered with a redirect to another address, which the app never follows.</source>
        <translation>It is not known whether the receipt was cancelled: the cancellation was answered with a redirect to another address, which the app never follows.</translation>
    </message>
    <message>
        <source>It is not known whether the receipt was cancelled: the cancellation was sent, but its answer did not arrive within the time limit.</source>
        <translation>It is not known whether the receipt was cancelled: the cancellation was sent, but its answer did not arrive within the time limit.</translation>
    </message>
    <message>
        <source>It is not known whether the receipt was cancelled: the cancellation was sent, then stopped before its answer arrived.</source>
        <translation>It is not known whether the receipt was cancelled: the cancellation was sent, then stopped before its answer arrived.</translation>
    </message>
    <message>
        <source>The PortOne server could not be reached (connection refused).</source>
        <translation>The PortOne server could not be reached (connection refused).</translation>
    </message>
    <message>
        <source>Details: {0}</source>
        <translation>Details: {0}</translation>
    </message>
    <message>
        <source>Enter the REST API key and secret again in the credentials dialog: PortOne did not accept them.</source>
        <translation>Enter the REST API key and secret again in the credentials dialog: PortOne did not accept them.</translation>
    </message>
    <message>
        <source>Look the order number up again; if this happens again, contact PortOne. Details: PortOne answered with the receipt of another order number ({0}), not the one looked up, so nothing is shown and nothing can be cancelled.</source>
        <translation>Look the order number up again; if this happens again, contact PortOne. Details: PortOne answered with the receipt of another order number ({0}), not the one looked up, so nothing is shown and nothing can be cancelled.</translation>
    </message>
    <message>
        <source>The PortOne server&apos;s name could not be found.</source>
        <translation>The PortOne server&apos;s name could not be found.</translation>
    </message>
    <message>
        <source>The server&apos;s security certificate could not be verified, so the connection was stopped.</source>
        <translation>The server&apos;s security certificate could not be verified, so the connection was stopped.</translation>
    </message>
    <message>
        <source>Connecting to the PortOne server took too long.</source>
        <translation>Connecting to the PortOne server took too long.</translation>
    </message>
    <message>
        <source>The PortOne server did not answer in time.</source>
        <translation>The PortOne server did not answer in time.</translation>
    </message>
    <message>
        <source>The proxy server refused or failed the connection.</source>
        <translation>The proxy server refused or failed the connection.</translation>
    </message>
    <message>
        <source>The connection to PortOne failed.</source>
        <translation>The connection to PortOne failed.</translation>
    </message>
    <message>
        <source>Check the network or proxy settings and try again.</source>
        <translation>Check the network or proxy settings and try again.</translation>
    </message>
    <message>
        <source>Read PortOne&apos;s message, then try again or contact PortOne.</source>
        <translation>Read PortOne&apos;s message, then try again or contact PortOne.</translation>
    </message>
    <message>
        <source>This store&apos;s payment gateway cannot cancel cash receipts through PortOne: cancel the receipt in the payment gateway&apos;s merchant site or on Hometax (홈택스).</source>
        <translation>This store&apos;s payment gateway cannot cancel cash receipts through PortOne: cancel the receipt in the payment gateway&apos;s merchant site or on Hometax (홈택스).</translation>
    </message>
    <message>
        <source>Ask your IT department for the proxy settings.</source>
        <translation>Ask your IT department for the proxy settings.</translation>
    </message>
    <message>
        <source>The proxy server asks for a login.</source>
        <translation>The proxy server asks for a login.</translation>
    </message>
    <message>
        <source>Enter the store&apos;s V2 API secret again in the credentials dialog: PortOne did not accept it.</source>
        <translation>Enter the store&apos;s V2 API secret again in the credentials dialog: PortOne did not accept it.</translation>
    </message>
    <message>
        <source>Ask whoever manages the PortOne account to give this API secret the permission for cash receipts of this store (PortOne console), or check the store ID in the store&apos;s profile. Entering the same secret again will not help.</source>
        <translation>Ask whoever manages the PortOne account to give this API secret the permission for cash receipts of this store (PortOne console), or check the store ID in the store&apos;s profile. Entering the same secret again will not help.</translation>
    </message>
    <message>
        <source>There is nothing to cancel: PortOne has this payment&apos;s cash receipt as not issued (its issue failed or was never made).</source>
        <translation>There is nothing to cancel: PortOne has this payment&apos;s cash receipt as not issued (its issue failed or was never made).</translation>
    </message>
    <message>
        <source>Look the payment up: PortOne already has a cash receipt issued for this payment ID, so no second one was issued.</source>
        <translation>Look the payment up: PortOne already has a cash receipt issued for this payment ID, so no second one was issued.</translation>
    </message>
    <message>
        <source>The payment gateway refused or failed the cancellation.</source>
        <translation>The payment gateway refused or failed the cancellation.</translation>
    </message>
    <message>
        <source>Check the order number and the store chosen above (its kind and Tier are part of it): no cash receipt was issued for this order number.</source>
        <translation>Check the order number and the store chosen above (its kind and Tier are part of it): no cash receipt was issued for this order number.</translation>
    </message>
    <message>
        <source>PortOne refused the request.</source>
        <translation>PortOne refused the request.</translation>
    </message>
    <message>
        <source>PortOne answered with an error.</source>
        <translation>PortOne answered with an error.</translation>
    </message>
    <message>
        <source>PortOne&apos;s answer could not be read (it is not in the documented form).</source>
        <translation>PortOne&apos;s answer could not be read (it is not in the documented form).</translation>
    </message>
    <message>
        <source>An unexpected answer came instead of PortOne&apos;s (for example a proxy or login page).</source>
        <translation>An unexpected answer came instead of PortOne&apos;s (for example a proxy or login page).</translation>
    </message>
    <message>
        <source>Try again later; if it persists, contact PortOne.</source>
        <translation>Try again later; if it persists, contact PortOne.</translation>
    </message>
    <message>
        <source>The audit history was written by a newer version of iamport-desk, so this version leaves it untouched and sends nothing to PortOne. Install the newer version again.</source>
        <translation>The audit history was written by a newer version of iamport-desk, so this version leaves it untouched and sends nothing to PortOne. Install the newer version again.</translation>
    </message>
    <message>
        <source>The audit history file is damaged, so nothing was sent to PortOne. A damaged file found at start is set aside and a new history begins at the next try; restore the old one from a backup if you need it.</source>
        <translation>The audit history file is damaged, so nothing was sent to PortOne. A damaged file found at start is set aside and a new history begins at the next try; restore the old one from a backup if you need it.</translation>
    </message>
    <message>
        <source>The audit history file was found empty, so it was set aside (renamed with the date) and nothing was sent to PortOne. Try again to begin a new history, and restore the old one from a backup if you need it.</source>
        <translation>The audit history file was found empty, so it was set aside (renamed with the date) and nothing was sent to PortOne. Try again to begin a new history, and restore the old one from a backup if you need it.</translation>
    </message>
    <message>
        <source>The audit history is busy in another program, so nothing was sent to PortOne. Wait a moment and try again; if it persists, close other copies of iamport-desk.</source>
        <translation>The audit history is busy in another program, so nothing was sent to PortOne. Wait a moment and try again; if it persists, close other copies of iamport-desk.</translation>
    </message>
    <message>
        <source>The audit history file or its folder is read-only, so nothing was sent to PortOne. Fix the folder&apos;s permissions, then try again.</source>
        <translation>The audit history file or its folder is read-only, so nothing was sent to PortOne. Fix the folder&apos;s permissions, then try again.</translation>
    </message>
    <message>
        <source>The disk that holds the audit history is full, so nothing was sent to PortOne. Free some disk space, then try again.</source>
        <translation>The disk that holds the audit history is full, so nothing was sent to PortOne. Free some disk space, then try again.</translation>
    </message>
    <message>
        <source>The audit history is on a network drive, so it is kept in a slower mode that network drives can share safely. Keep the drive connected while you work; a folder on this PC is faster.</source>
        <translation>The audit history is on a network drive, so it is kept in a slower mode that network drives can share safely. Keep the drive connected while you work; a folder on this PC is faster.</translation>
    </message>
    <message>
        <source>The audit history could not be read or written, so nothing was sent to PortOne. Try again; if it persists, see the log file.</source>
        <translation>The audit history could not be read or written, so nothing was sent to PortOne. Try again; if it persists, see the log file.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. The details were written to the log file.</source>
        <translation>Something unexpected went wrong. The details were written to the log file.</translation>
    </message>
    <message>
        <source>Do not cancel it again: look the order number up, or use “Check unknown outcomes” in the history.</source>
        <translation>Do not cancel it again: look the order number up, or use “Check unknown outcomes” in the history.</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Store&apos;s host:</source>
        <translation>Store&apos;s host:</translation>
    </message>
    <message>
        <source>Requests go through:</source>
        <translation>Requests go through:</translation>
    </message>
    <message>
        <source>&amp;Proxy set by hand:</source>
        <translation>&amp;Proxy set by hand:</translation>
    </message>
    <message>
        <source>e.g. http://proxy.example:8080</source>
        <translation>e.g. http://proxy.example:8080</translation>
    </message>
    <message>
        <source>Proxy set by hand</source>
        <translation>Proxy set by hand</translation>
    </message>
    <message>
        <source>Leave it empty to use the proxy of Windows or macOS, or of the environment (HTTPS_PROXY). A user name or password is not kept here.</source>
        <translation>Leave it empty to use the proxy of Windows or macOS, or of the environment (HTTPS_PROXY). A user name or password is not kept here.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <source>a direct connection (no proxy)</source>
        <translation>a direct connection (no proxy)</translation>
    </message>
    <message>
        <source>{0} (set by hand)</source>
        <translation>{0} (set by hand)</translation>
    </message>
    <message>
        <source>{0} (from the system or the environment)</source>
        <translation>{0} (from the system or the environment)</translation>
    </message>
    <message>
        <source>The proxy must look like http://proxy.example:8080 (http or https, a host and a port, no user name or password).</source>
        <translation>The proxy must look like http://proxy.example:8080 (http or https, a host and a port, no user name or password).</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Interrupted (the app closed or crashed)</source>
        <translation>Interrupted (the app closed or crashed)</translation>
    </message>
    <message>
        <source>No answer came back</source>
        <translation>No answer came back</translation>
    </message>
    <message>
        <source>The answer did not show a cancellation time</source>
        <translation>The answer did not show a cancellation time</translation>
    </message>
    <message>
        <source>PortOne could not be reached</source>
        <translation>PortOne could not be reached</translation>
    </message>
    <message>
        <source>An answer that was not PortOne&apos;s came back</source>
        <translation>An answer that was not PortOne&apos;s came back</translation>
    </message>
    <message>
        <source>Internal error (see the log file)</source>
        <translation>Internal error (see the log file)</translation>
    </message>
    <message>
        <source>Confirmed by lookup</source>
        <translation>Confirmed by lookup</translation>
    </message>
    <message>
        <source>Not cancelled (checked by lookup)</source>
        <translation>Not cancelled (checked by lookup)</translation>
    </message>
    <message>
        <source>The lookup answered about another order; still to be checked</source>
        <translation>The lookup answered about another order; still to be checked</translation>
    </message>
    <message>
        <source>The lookup failed; still to be checked</source>
        <translation>The lookup failed; still to be checked</translation>
    </message>
    <message>
        <source>Not issued (checked by lookup)</source>
        <translation>Not issued (checked by lookup)</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Unknown - check</source>
        <translation>Unknown - check</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Not issued</source>
        <translation>Not issued</translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message>
        <source>Can be cancelled · 33,000 won · individual (income deduction)</source>
        <translation>Can be cancelled · 33,000 won · individual (income deduction)</translation>
    </message>
    <message>
        <source>Can be cancelled · 1,250,000 won · business (proof of expense)</source>
        <translation>Can be cancelled · 1,250,000 won · business (proof of expense)</translation>
    </message>
    <message>
        <source>Already cancelled (nothing to cancel)</source>
        <translation>Already cancelled (nothing to cancel)</translation>
    </message>
    <message>
        <source>The answer to a cancellation takes 4 seconds (a slow PG)</source>
        <translation>The answer to a cancellation takes 4 seconds (a slow PG)</translation>
    </message>
    <message>
        <source>The PG refuses the cancellation (500, always)</source>
        <translation>The PG refuses the cancellation (500, always)</translation>
    </message>
    <message>
        <source>A PG that cannot cancel cash receipts through PortOne (501)</source>
        <translation>A PG that cannot cancel cash receipts through PortOne (501)</translation>
    </message>
    <message>
        <source>Cancelled, but the answer is lost (outcome unknown; a lookup finds it cancelled)</source>
        <translation>Cancelled, but the answer is lost (outcome unknown; a lookup finds it cancelled)</translation>
    </message>
    <message>
        <source>An order number in Hangul</source>
        <translation>An order number in Hangul</translation>
    </message>
    <message>
        <source>An order number with special characters (/, space, #, ?)</source>
        <translation>An order number with special characters (/, space, #, ?)</translation>
    </message>
    <message>
        <source>A receipt of the sub-merchant (Tier DM1): picks the store 데모 하위상점</source>
        <translation>A receipt of the sub-merchant (Tier DM1): picks the store 데모 하위상점</translation>
    </message>
    <message>
        <source>Never issued (404)</source>
        <translation>Never issued (404)</translation>
    </message>
    <message>
        <source>To correct: issued for income deduction instead of proof of expense, to a wrong phone number · 55,000 won</source>
        <translation>To correct: issued for income deduction instead of proof of expense, to a wrong phone number · 55,000 won</translation>
    </message>
    <message>
        <source>To correct: a 20-digit order number issued with the wrong amount (9,900 won, to issue again as 99,000 won)</source>
        <translation>To correct: a 20-digit order number issued with the wrong amount (9,900 won, to issue again as 99,000 won)</translation>
    </message>
    <message>
        <source>The PG refuses the cancellation (502 PG_PROVIDER, always)</source>
        <translation>The PG refuses the cancellation (502 PG_PROVIDER, always)</translation>
    </message>
    <message>
        <source>Cancelled, but the answer is lost (sent again with the same Idempotency-Key, or looked up, it is found cancelled)</source>
        <translation>Cancelled, but the answer is lost (sent again with the same Idempotency-Key, or looked up, it is found cancelled)</translation>
    </message>
    <message>
        <source>A receipt whose issue failed (ISSUE_FAILED, nothing to cancel)</source>
        <translation>A receipt whose issue failed (ISSUE_FAILED, nothing to cancel)</translation>
    </message>
    <message>
        <source>A payment ID in Hangul</source>
        <translation>A payment ID in Hangul</translation>
    </message>
    <message>
        <source>A payment ID with special characters (/, space, #, ?, %, +)</source>
        <translation>A payment ID with special characters (/, space, #, ?, %, +)</translation>
    </message>
    <message>
        <source>A receipt of the branch store (storeId)</source>
        <translation>A receipt of the branch store (storeId)</translation>
    </message>
    <message>
        <source>Never issued (404 CASH_RECEIPT_NOT_FOUND)</source>
        <translation>Never issued (404 CASH_RECEIPT_NOT_FOUND)</translation>
    </message>
</context>
<context>
    <name>PracticeOrders</name>
    <message>
        <source>DEMO - connected to the built-in PortOne simulator. No real receipt is cancelled, and this practice history is kept apart from the real one.</source>
        <translation>DEMO - connected to the built-in PortOne simulator. No real receipt is cancelled, and this practice history is kept apart from the real one.</translation>
    </message>
    <message>
        <source>Practice order numbers</source>
        <translation>Practice order numbers</translation>
    </message>
    <message>
        <source>Practice order &amp;numbers (double-click or Enter to use):</source>
        <translation>Practice order &amp;numbers (double-click or Enter to use):</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>API &amp;version:</source>
        <translation>API &amp;version:</translation>
    </message>
    <message>
        <source>Profile na&amp;me:</source>
        <translation>Profile na&amp;me:</translation>
    </message>
    <message>
        <source>REST API &amp;key:</source>
        <translation>REST API &amp;key:</translation>
    </message>
    <message>
        <source>REST API s&amp;ecret:</source>
        <translation>REST API s&amp;ecret:</translation>
    </message>
    <message>
        <source>&amp;Tier code:</source>
        <translation>&amp;Tier code:</translation>
    </message>
    <message>
        <source>V2 API s&amp;ecret:</source>
        <translation>V2 API s&amp;ecret:</translation>
    </message>
    <message>
        <source>Store &amp;ID:</source>
        <translation>Store &amp;ID:</translation>
    </message>
    <message>
        <source>Channel ke&amp;y:</source>
        <translation>Channel ke&amp;y:</translation>
    </message>
    <message>
        <source>API &amp;host:</source>
        <translation>API &amp;host:</translation>
    </message>
    <message>
        <source>e.g. Gangnam branch</source>
        <translation>e.g. Gangnam branch</translation>
    </message>
    <message>
        <source>REST API key</source>
        <translation>REST API key</translation>
    </message>
    <message>
        <source>REST API secret</source>
        <translation>REST API secret</translation>
    </message>
    <message>
        <source>optional, 3 characters</source>
        <translation>optional, 3 characters</translation>
    </message>
    <message>
        <source>V2 API secret</source>
        <translation>V2 API secret</translation>
    </message>
    <message>
        <source>optional, store-xxxxxxxx-...</source>
        <translation>optional, store-xxxxxxxx-...</translation>
    </message>
    <message>
        <source>optional, channel-key-...</source>
        <translation>optional, channel-key-...</translation>
    </message>
    <message>
        <source>The REST API key and secret are in the PortOne console under {0}.</source>
        <translation>The REST API key and secret are in the PortOne console under {0}.</translation>
    </message>
    <message>
        <source>The V2 API secret is in the PortOne console under {0}.</source>
        <translation>The V2 API secret is in the PortOne console under {0}.</translation>
    </message>
    <message>
        <source>Only when the secret&apos;s account has several stores; else leave it empty.</source>
        <translation>Only when the secret&apos;s account has several stores; else leave it empty.</translation>
    </message>
    <message>
        <source>Needed only to re-issue a corrected receipt; in the PortOne console under {0}.</source>
        <translation>Needed only to re-issue a corrected receipt; in the PortOne console under {0}.</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profile name</translation>
    </message>
    <message>
        <source>Tier code</source>
        <translation>Tier code</translation>
    </message>
    <message>
        <source>Store ID</source>
        <translation>Store ID</translation>
    </message>
    <message>
        <source>Channel key</source>
        <translation>Channel key</translation>
    </message>
    <message>
        <source>API host</source>
        <translation>API host</translation>
    </message>
    <message>
        <source>is empty.</source>
        <translation>is empty.</translation>
    </message>
    <message>
        <source>must not contain spaces or line breaks.</source>
        <translation>must not contain spaces or line breaks.</translation>
    </message>
    <message>
        <source>contains invisible control characters.</source>
        <translation>contains invisible control characters.</translation>
    </message>
    <message>
        <source>may only contain English letters, digits and symbols.</source>
        <translation>may only contain English letters, digits and symbols.</translation>
    </message>
    <message>
        <source>is already used by another profile.</source>
        <translation>is already used by another profile.</translation>
    </message>
    <message>
        <source>is too long.</source>
        <translation>is too long.</translation>
    </message>
    <message>
        <source>is too short; copy all of it.</source>
        <translation>is too short; copy all of it.</translation>
    </message>
    <message>
        <source>is not in the expected format.</source>
        <translation>is not in the expected format.</translation>
    </message>
    <message>
        <source>must be exactly 3 capital letters or digits (e.g. AB1).</source>
        <translation>must be exactly 3 capital letters or digits (e.g. AB1).</translation>
    </message>
    <message>
        <source>must be an https:// address.</source>
        <translation>must be an https:// address.</translation>
    </message>
    <message>
        <source>of a V2 store must be https://api.portone.io.</source>
        <translation>of a V2 store must be https://api.portone.io.</translation>
    </message>
    <message>
        <source>looks like an access token, which expires; enter the API secret.</source>
        <translation>looks like an access token, which expires; enter the API secret.</translation>
    </message>
    <message>
        <source>must look like store-xxxxxxxx-xxxx-...</source>
        <translation>must look like store-xxxxxxxx-xxxx-...</translation>
    </message>
    <message>
        <source>must look like channel-key-xxxxxxxx-xxxx-...</source>
        <translation>must look like channel-key-xxxxxxxx-xxxx-...</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>ReceiptType</name>
    <message>
        <source>Income deduction (individual)</source>
        <translation>Income deduction (individual)</translation>
    </message>
    <message>
        <source>Proof of expense (business)</source>
        <translation>Proof of expense (business)</translation>
    </message>
</context>
<context>
    <name>ReceiptView</name>
    <message>
        <source>Cash receipt</source>
        <translation>Cash receipt</translation>
    </message>
    <message>
        <source>Co&amp;py link</source>
        <translation>Co&amp;py link</translation>
    </message>
    <message>
        <source>Copy the receipt link</source>
        <translation>Copy the receipt link</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Issued for</source>
        <translation>Issued for</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Link copied.</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>Approval number</translation>
    </message>
    <message>
        <source>PG receipt id</source>
        <translation>PG receipt id</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <source>Cancelled at</source>
        <translation>Cancelled at</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Issued (not cancelled)</source>
        <translation>Issued (not cancelled)</translation>
    </message>
    <message>
        <source>This link cannot be opened safely.</source>
        <translation>This link cannot be opened safely.</translation>
    </message>
    <message>
        <source>Outcome unknown: it may be cancelled</source>
        <translation>Outcome unknown: it may be cancelled</translation>
    </message>
</context>
<context>
    <name>RecentAttempts</name>
    <message>
        <source>Recent attempts:</source>
        <translation>Recent attempts:</translation>
    </message>
    <message>
        <source>Check &amp;unknown outcomes</source>
        <translation>Check &amp;unknown outcomes</translation>
    </message>
    <message>
        <source>Full histor&amp;y...</source>
        <translation>Full histor&amp;y...</translation>
    </message>
    <message>
        <source>Recent attempts</source>
        <translation>Recent attempts</translation>
    </message>
    <message>
        <source>Time (KST)</source>
        <translation>Time (KST)</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>{0} attempt(s) with an unknown outcome</source>
        <translation>{0} attempt(s) with an unknown outcome</translation>
    </message>
</context>
<context>
    <name>Reconcile</name>
    <message>
        <source>Checked {0} attempt(s) by lookup: {1} cancelled, {2} not cancelled (you can try those again).</source>
        <translation>Checked {0} attempt(s) by lookup: {1} cancelled, {2} not cancelled (you can try those again).</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Transaction cancelled</source>
        <translation>Transaction cancelled</translation>
    </message>
    <message>
        <source>Issued in error</source>
        <translation>Issued in error</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>&amp;Transaction cancelled</source>
        <translation>&amp;Transaction cancelled</translation>
    </message>
    <message>
        <source>Issued in &amp;error</source>
        <translation>Issued in &amp;error</translation>
    </message>
    <message>
        <source>&amp;Other (write a memo)</source>
        <translation>&amp;Other (write a memo)</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>&amp;Memo:</source>
        <translation>&amp;Memo:</translation>
    </message>
    <message>
        <source>Why (needed for Other)</source>
        <translation>Why (needed for Other)</translation>
    </message>
    <message>
        <source>{0} is chosen; choose another reason if it does not fit.</source>
        <translation>{0} is chosen; choose another reason if it does not fit.</translation>
    </message>
    <message>
        <source>The reason Other needs a short memo: write one, or choose another reason.</source>
        <translation>The reason Other needs a short memo: write one, or choose another reason.</translation>
    </message>
    <message>
        <source>The memo is too long: shorten it to {0} characters or fewer.</source>
        <translation>The memo is too long: shorten it to {0} characters or fewer.</translation>
    </message>
    <message>
        <source>The memo contains an invisible control character: type it again.</source>
        <translation>The memo contains an invisible control character: type it again.</translation>
    </message>
    <message>
        <source>Reason: {0} ({1})</source>
        <translation>Reason: {0} ({1})</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <source>Re-issue</source>
        <translation>Re-issue</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Cancellation</translation>
    </message>
    <message>
        <source>From the lookup</source>
        <translation>From the lookup</translation>
    </message>
    <message>
        <source>From PortOne&apos;s answer</source>
        <translation>From PortOne&apos;s answer</translation>
    </message>
    <message>
        <source>As requested</source>
        <translation>As requested</translation>
    </message>
    <message>
        <source>Row number</source>
        <translation>Row number</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Cancellation reason</source>
        <translation>Cancellation reason</translation>
    </message>
    <message>
        <source>Reason memo</source>
        <translation>Reason memo</translation>
    </message>
    <message>
        <source>Linked row number</source>
        <translation>Linked row number</translation>
    </message>
    <message>
        <source>Receipt details from</source>
        <translation>Receipt details from</translation>
    </message>
    <message>
        <source>Originally issued at (KST)</source>
        <translation>Originally issued at (KST)</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Customer identifier (masked)</source>
        <translation>Customer identifier (masked)</translation>
    </message>
    <message>
        <source>Error type</source>
        <translation>Error type</translation>
    </message>
    <message>
        <source>PG code</source>
        <translation>PG code</translation>
    </message>
    <message>
        <source>PG message</source>
        <translation>PG message</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>Reissue</name>
    <message>
        <source>Correct and issue again</source>
        <translation>Correct and issue again</translation>
    </message>
    <message>
        <source>The cash receipt of order {0} was cancelled. Enter the right details and issue it again: who it is for, the customer&apos;s number or the amount.</source>
        <translation>The cash receipt of order {0} was cancelled. Enter the right details and issue it again: who it is for, the customer&apos;s number or the amount.</translation>
    </message>
    <message>
        <source>Order number:</source>
        <translation>Order number:</translation>
    </message>
    <message>
        <source>Issued &amp;for:</source>
        <translation>Issued &amp;for:</translation>
    </message>
    <message>
        <source>&amp;Kind of number:</source>
        <translation>&amp;Kind of number:</translation>
    </message>
    <message>
        <source>Customer&apos;s n&amp;umber:</source>
        <translation>Customer&apos;s n&amp;umber:</translation>
    </message>
    <message>
        <source>&amp;Amount (won):</source>
        <translation>&amp;Amount (won):</translation>
    </message>
    <message>
        <source>&amp;VAT (won):</source>
        <translation>&amp;VAT (won):</translation>
    </message>
    <message>
        <source>&amp;Item name:</source>
        <translation>&amp;Item name:</translation>
    </message>
    <message>
        <source>Digits only, without hyphens</source>
        <translation>Digits only, without hyphens</translation>
    </message>
    <message>
        <source>Empty: PortOne computes it (1/11)</source>
        <translation>Empty: PortOne computes it (1/11)</translation>
    </message>
    <message>
        <source>As on the sale, e.g. office supplies</source>
        <translation>As on the sale, e.g. office supplies</translation>
    </message>
    <message>
        <source>The number is shown masked except while you edit it. Hyphens and spaces are left out of what is sent.</source>
        <translation>The number is shown masked except while you edit it. Hyphens and spaces are left out of what is sent.</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t issue</source>
        <translation>&amp;Don&apos;t issue</translation>
    </message>
    <message>
        <source>&amp;Issue the receipt</source>
        <translation>&amp;Issue the receipt</translation>
    </message>
    <message>
        <source>&amp;Issue under {0}</source>
        <translation>&amp;Issue under {0}</translation>
    </message>
    <message>
        <source>Enter the amount of the receipt in won.</source>
        <translation>Enter the amount of the receipt in won.</translation>
    </message>
    <message>
        <source>The amount must be more than 0 won.</source>
        <translation>The amount must be more than 0 won.</translation>
    </message>
    <message>
        <source>Type the amount as a whole number of won, digits only (commas are allowed).</source>
        <translation>Type the amount as a whole number of won, digits only (commas are allowed).</translation>
    </message>
    <message>
        <source>The amount is too large. Check it.</source>
        <translation>The amount is too large. Check it.</translation>
    </message>
    <message>
        <source>Type the VAT as a whole number of won, or leave it empty for PortOne to compute.</source>
        <translation>Type the VAT as a whole number of won, or leave it empty for PortOne to compute.</translation>
    </message>
    <message>
        <source>The VAT cannot be more than the amount. Check it.</source>
        <translation>The VAT cannot be more than the amount. Check it.</translation>
    </message>
    <message>
        <source>Enter the item name, as on the sale.</source>
        <translation>Enter the item name, as on the sale.</translation>
    </message>
    <message>
        <source>The item name contains an invisible character. Type it again.</source>
        <translation>The item name contains an invisible character. Type it again.</translation>
    </message>
    <message>
        <source>The item name is too long: keep it under 100 characters.</source>
        <translation>The item name is too long: keep it under 100 characters.</translation>
    </message>
    <message>
        <source>This value cannot be used. Check it.</source>
        <translation>This value cannot be used. Check it.</translation>
    </message>
    <message>
        <source>Issue the receipt under the new order number?</source>
        <translation>Issue the receipt under the new order number?</translation>
    </message>
    <message>
        <source>Issue this cash receipt?</source>
        <translation>Issue this cash receipt?</translation>
    </message>
    <message>
        <source>A cash receipt is reported to the National Tax Service once issued; a wrong one has to be cancelled again. Check every line.</source>
        <translation>A cash receipt is reported to the National Tax Service once issued; a wrong one has to be cancelled again. Check every line.</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>Issued for</source>
        <translation>Issued for</translation>
    </message>
    <message>
        <source>Customer&apos;s number</source>
        <translation>Customer&apos;s number</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>computed by PortOne (1/11)</source>
        <translation>computed by PortOne (1/11)</translation>
    </message>
    <message>
        <source>Issuing the cash receipt of {0}... Its answer is awaited; do not close the app.</source>
        <translation>Issuing the cash receipt of {0}... Its answer is awaited; do not close the app.</translation>
    </message>
    <message>
        <source>The receipt is being issued: wait for PortOne&apos;s answer before closing.</source>
        <translation>The receipt is being issued: wait for PortOne&apos;s answer before closing.</translation>
    </message>
    <message>
        <source>Nothing was issued.</source>
        <translation>Nothing was issued.</translation>
    </message>
    <message>
        <source>Correct and &amp;issue again...</source>
        <translation>Correct and &amp;issue again...</translation>
    </message>
    <message>
        <source>Corr&amp;ect and issue again...</source>
        <translation>Corr&amp;ect and issue again...</translation>
    </message>
    <message>
        <source>Opens a form prefilled from the selected cancellation, to issue the receipt again with the right details. The new row is linked to this one.</source>
        <translation>Opens a form prefilled from the selected cancellation, to issue the receipt again with the right details. The new row is linked to this one.</translation>
    </message>
    <message>
        <source>Opens a form prefilled from the cancelled receipt shown above, to issue it again with the right details.</source>
        <translation>Opens a form prefilled from the cancelled receipt shown above, to issue it again with the right details.</translation>
    </message>
    <message>
        <source>This attempt belongs to the store {0}: choose that store first.</source>
        <translation>This attempt belongs to the store {0}: choose that store first.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Go to the order number field</source>
        <translation>Go to the order number field</translation>
    </message>
    <message>
        <source>Look up the receipt (in the order number field)</source>
        <translation>Look up the receipt (in the order number field)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Cancel the receipt shown (asks first)</source>
        <translation>Cancel the receipt shown (asks first)</translation>
    </message>
    <message>
        <source>Copy the receipt link</source>
        <translation>Copy the receipt link</translation>
    </message>
    <message>
        <source>Store profiles and API keys</source>
        <translation>Store profiles and API keys</translation>
    </message>
    <message>
        <source>Open the audit history</source>
        <translation>Open the audit history</translation>
    </message>
    <message>
        <source>Check attempts with an unknown outcome</source>
        <translation>Check attempts with an unknown outcome</translation>
    </message>
    <message>
        <source>Stop waiting for a lookup (not for a cancellation)</source>
        <translation>Stop waiting for a lookup (not for a cancellation)</translation>
    </message>
    <message>
        <source>Show this list of shortcuts</source>
        <translation>Show this list of shortcuts</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Alt plus an underlined letter activates that button or field.</source>
        <translation>Alt plus an underlined letter activates that button or field.</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>Status message</source>
        <translation>Status message</translation>
    </message>
</context>
<context>
    <name>StoreApi</name>
    <message>
        <source>PortOne V1 store (iamport)</source>
        <translation>PortOne V1 store (iamport)</translation>
    </message>
    <message>
        <source>PortOne V2 store</source>
        <translation>PortOne V2 store</translation>
    </message>
    <message>
        <source>V1 (REST API key)</source>
        <translation>V1 (REST API key)</translation>
    </message>
    <message>
        <source>V2 (API Secret)</source>
        <translation>V2 (API Secret)</translation>
    </message>
    <message>
        <source>{0} [{1}, Tier {2}]</source>
        <translation>{0} [{1}, Tier {2}]</translation>
    </message>
</context>
</TS>
