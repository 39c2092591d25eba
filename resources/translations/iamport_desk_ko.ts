<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About iamport-desk</source>
            <translation>iamport-desk 정보</translation>
        </message>
        <message>
            <source>Cancels cash receipts issued through PortOne for cash sales made outside PortOne. Licence: {0}.</source>
            <translation>PortOne 밖에서 받은 현금 판매 대금에 대해 PortOne으로 발행한 현금영수증을 발행취소합니다. 라이선스: {0}.</translation>
        </message>
        <message>
            <source>Data and history:</source>
            <translation>데이터 및 처리 기록:</translation>
        </message>
        <message>
            <source>Log files:</source>
            <translation>로그 파일:</translation>
        </message>
        <message>
            <source>Settings:</source>
            <translation>설정 파일:</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>열기</translation>
        </message>
        <message>
            <source>Open folder {0}</source>
            <translation>폴더 열기: {0}</translation>
        </message>
    </context>
    <context>
        <name>Confirmation</name>
        <message>
            <source>Cash receipt cancellation confirmation</source>
            <translation>현금영수증 발행취소 확인서</translation>
        </message>
        <message>
            <source>Cash receipt cancellations</source>
            <translation>현금영수증 발행취소 내역</translation>
        </message>
        <message>
            <source>Made with iamport-desk {0} on {1} (KST).</source>
            <translation>iamport-desk {0}에서 {1} (KST)에 작성했습니다.</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>상점</translation>
        </message>
        <message>
            <source>Tier code (sub-merchant)</source>
            <translation>Tier 코드 (하위상점)</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>주문번호</translation>
        </message>
        <message>
            <source>Original approval number</source>
            <translation>원 승인번호</translation>
        </message>
        <message>
            <source>Issued at (KST)</source>
            <translation>발행 일시 (KST)</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>금액</translation>
        </message>
        <message>
            <source>VAT</source>
            <translation>부가세</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>발행 유형</translation>
        </message>
        <message>
            <source>Cancelled at (PortOne, KST)</source>
            <translation>취소 일시 (PortOne, KST)</translation>
        </message>
        <message>
            <source>Reason for cancelling</source>
            <translation>취소 사유</translation>
        </message>
        <message>
            <source>Memo</source>
            <translation>메모</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>처리자</translation>
        </message>
        <message>
            <source>Receipt on PortOne</source>
            <translation>PortOne 영수증</translation>
        </message>
        <message>
            <source>History row</source>
            <translation>처리 기록 번호</translation>
        </message>
        <message>
            <source>App version</source>
            <translation>프로그램 버전</translation>
        </message>
        <message>
            <source>(corrected by re-issue, row #{0})</source>
            <translation>(정정 재발행: 기록 #{0})</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>기록 없음</translation>
        </message>
        <message>
            <source>Sa&amp;ve confirmation as PDF...</source>
            <translation>확인서 PDF로 저장(&amp;V)...</translation>
        </message>
        <message>
            <source>Print confir&amp;mation...</source>
            <translation>확인서 인쇄(&amp;M)...</translation>
        </message>
        <message>
            <source>Save the cancellation confirmation</source>
            <translation>발행취소 확인서 저장</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 파일 (*.pdf)</translation>
        </message>
        <message>
            <source>cancellation-confirmation-{0}.pdf</source>
            <translation>발행취소확인서-{0}.pdf</translation>
        </message>
        <message>
            <source>The confirmation was saved to {0}.</source>
            <translation>확인서를 {0}에 저장했습니다.</translation>
        </message>
        <message>
            <source>The confirmation was sent to the printer ({0} page(s)).</source>
            <translation>확인서를 프린터로 보냈습니다 ({0}쪽).</translation>
        </message>
        <message>
            <source>The confirmation could not be made. Nothing was saved; the details were written to the log file. Try again, or print it instead.</source>
            <translation>확인서를 만들지 못했습니다. 아무것도 저장되지 않았으며, 자세한 내용은 로그 파일에 기록했습니다. 다시 시도하거나 인쇄하세요.</translation>
        </message>
        <message>
            <source>The confirmation could not be printed. Check the printer, or save it as PDF and print that file.</source>
            <translation>확인서를 인쇄하지 못했습니다. 프린터를 확인하거나, PDF로 저장한 뒤 그 파일을 인쇄하세요.</translation>
        </message>
        <message>
            <source>Order {0} cancelled. {1}</source>
            <translation>주문 {0} 발행취소됨. {1}</translation>
        </message>
        <message>
            <source>code {0}</source>
            <translation>코드 {0}</translation>
        </message>
        <message>
            <source>Scan to open the receipt on PortOne.</source>
            <translation>스캔하면 PortOne 영수증이 열립니다.</translation>
        </message>
        <message>
            <source>No QR code: the address is not a web address that can be opened.</source>
            <translation>QR 코드 없음: 열 수 있는 웹 주소가 아닙니다.</translation>
        </message>
        <message>
            <source>{0}. Order number {1}</source>
            <translation>{0}. 주문번호 {1}</translation>
        </message>
        <message>
            <source>Covers: {0}</source>
            <translation>대상: {0}</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>합계</translation>
        </message>
        <message>
            <source>Cancellations</source>
            <translation>취소 건수</translation>
        </message>
        <message>
            <source>Total amount</source>
            <translation>금액 합계</translation>
        </message>
        <message>
            <source>Total VAT</source>
            <translation>부가세 합계</translation>
        </message>
        <message>
            <source>{0} receipts</source>
            <translation>{0}건</translation>
        </message>
        <message>
            <source>({0} without a recorded amount, not included)</source>
            <translation>(금액 기록이 없는 {0}건은 합계에서 뺐습니다)</translation>
        </message>
        <message>
            <source>Page {0} of {1}</source>
            <translation>{0} / {1}쪽</translation>
        </message>
    </context>
    <context>
        <name>CredentialsDialog</name>
        <message>
            <source>Store profiles and API keys</source>
            <translation>상점 프로필 및 API 키</translation>
        </message>
        <message>
            <source>&amp;Profiles:</source>
            <translation>프로필(&amp;P):</translation>
        </message>
        <message>
            <source>Store profiles</source>
            <translation>상점 프로필</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>삭제(&amp;D)</translation>
        </message>
        <message>
            <source>(saved - leave empty to keep it)</source>
            <translation>(저장됨 - 그대로 쓰려면 비워 두세요)</translation>
        </message>
        <message>
            <source>Delete profile</source>
            <translation>프로필 삭제</translation>
        </message>
        <message>
            <source>Delete the profile “{0}” and its saved secret?</source>
            <translation>“{0}” 프로필과 저장된 시크릿을 삭제하시겠습니까?</translation>
        </message>
        <message>
            <source>Secrets are kept in the system keychain ({0}).</source>
            <translation>시크릿은 시스템 키체인({0})에 보관됩니다.</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>추가(&amp;A)</translation>
        </message>
        <message>
            <source>Sho&amp;w</source>
            <translation>표시(&amp;W)</translation>
        </message>
        <message>
            <source>For this session every request goes to {0} instead.</source>
            <translation>이번 실행에서는 모든 요청이 대신 {0}(으)로 전송됩니다.</translation>
        </message>
        <message>
            <source>Test co&amp;nnection</source>
            <translation>연결 테스트(&amp;N)</translation>
        </message>
        <message>
            <source>H&amp;ide</source>
            <translation>숨기기(&amp;I)</translation>
        </message>
        <message>
            <source>Connected: PortOne accepted the V2 API secret.</source>
            <translation>연결되었습니다. PortOne에서 V2 API 시크릿을 확인했습니다.</translation>
        </message>
        <message>
            <source>Secret kept for this session only</source>
            <translation>시크릿 임시 보관</translation>
        </message>
        <message>
            <source>Connecting...</source>
            <translation>연결하는 중...</translation>
        </message>
        <message>
            <source>Connected: PortOne accepted the key and secret.</source>
            <translation>연결되었습니다. PortOne에서 키와 시크릿을 확인했습니다.</translation>
        </message>
        <message>
            <source>Tier: {0}</source>
            <translation>하위상점(Tier): {0}</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Something went wrong</source>
            <translation>문제가 발생했습니다</translation>
        </message>
        <message>
            <source>Sorry, iamport-desk hit an unexpected problem. You can keep working; nothing already recorded was lost. The details were written to the log file:
{0}</source>
            <translation>죄송합니다. iamport-desk에 예기치 않은 문제가 발생했습니다. 계속 작업하셔도 되며, 이미 기록된 내용은 그대로 남아 있습니다. 자세한 내용은 다음 로그 파일에 기록했습니다.
{0}</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>Started (KST)</source>
            <translation>시작 시각 (KST)</translation>
        </message>
        <message>
            <source>Ended (KST)</source>
            <translation>종료 시각 (KST)</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>프로필</translation>
        </message>
        <message>
            <source>Tier code</source>
            <translation>Tier 코드</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>주문번호</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>처리자</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>결과</translation>
        </message>
        <message>
            <source>HTTP status</source>
            <translation>HTTP 상태</translation>
        </message>
        <message>
            <source>Response code</source>
            <translation>응답 코드</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>메시지</translation>
        </message>
        <message>
            <source>Amount (won)</source>
            <translation>금액 (원)</translation>
        </message>
        <message>
            <source>VAT (won)</source>
            <translation>부가세 (원)</translation>
        </message>
        <message>
            <source>Receipt type</source>
            <translation>발행 용도</translation>
        </message>
        <message>
            <source>Approval number</source>
            <translation>승인번호</translation>
        </message>
        <message>
            <source>PG receipt ID</source>
            <translation>PG 영수증 ID</translation>
        </message>
        <message>
            <source>Receipt URL</source>
            <translation>영수증 URL</translation>
        </message>
        <message>
            <source>Cancelled at (KST)</source>
            <translation>취소 시각 (KST)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>비고</translation>
        </message>
    </context>
    <context>
        <name>Files</name>
        <message>
            <source>Settings not saved</source>
            <translation>설정을 저장하지 못함</translation>
        </message>
        <message>
            <source>The file {0} is in use by another program (for example an antivirus, a backup or OneDrive), so it could not be saved. Close the program that has it open, or wait a moment, then try again.</source>
            <translation>다른 프로그램(예: 백신, 백업 또는 OneDrive)이 {0} 파일을 사용하고 있어 저장하지 못했습니다. 이 파일을 연 프로그램을 닫거나 잠시 기다린 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>Another copy of iamport-desk kept the settings busy, so nothing was changed. Try again.</source>
            <translation>다른 iamport-desk 창이 설정을 사용하고 있어 아무것도 바뀌지 않았습니다. 다시 시도하세요.</translation>
        </message>
        <message>
            <source>The file {0} could not be saved ({1}), so nothing was changed. Check that the disk is not full and that the folder can be written, then try again.</source>
            <translation>{0} 파일을 저장하지 못해({1}) 아무것도 바뀌지 않았습니다. 디스크가 가득 차지 않았는지, 폴더에 쓸 수 있는지 확인한 뒤 다시 시도하세요.</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <source>{0} won</source>
            <translation>{0}원</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>← #{0} cancellation</source>
            <translation>← #{0} 취소 정정</translation>
        </message>
        <message>
            <source>→ #{0} re-issue</source>
            <translation>→ #{0} 재발행</translation>
        </message>
        <message>
            <source>(at lookup)</source>
            <translation>(조회 시)</translation>
        </message>
    </context>
    <context>
        <name>HistoryFilterBar</name>
        <message>
            <source>Order &amp;number:</source>
            <translation>주문번호(&amp;N):</translation>
        </message>
        <message>
            <source>Part of an order number</source>
            <translation>주문번호의 일부</translation>
        </message>
        <message>
            <source>Search by order number</source>
            <translation>주문번호로 검색</translation>
        </message>
        <message>
            <source>&amp;Outcome:</source>
            <translation>결과(&amp;O):</translation>
        </message>
        <message>
            <source>Filter by outcome</source>
            <translation>결과별로 보기</translation>
        </message>
        <message>
            <source>All outcomes</source>
            <translation>모든 결과</translation>
        </message>
        <message>
            <source>&amp;Profile:</source>
            <translation>프로필(&amp;P):</translation>
        </message>
        <message>
            <source>Filter by store profile</source>
            <translation>상점 프로필별로 보기</translation>
        </message>
        <message>
            <source>All profiles</source>
            <translation>모든 프로필</translation>
        </message>
        <message>
            <source>&amp;Any date</source>
            <translation>전체 기간(&amp;A)</translation>
        </message>
        <message>
            <source>Show attempts of any date</source>
            <translation>날짜와 관계없이 모든 시도 보기</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>시작일(&amp;F):</translation>
        </message>
        <message>
            <source>First day (Korean time)</source>
            <translation>시작일 (한국 시간)</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>종료일(&amp;T):</translation>
        </message>
        <message>
            <source>Last day (Korean time)</source>
            <translation>종료일 (한국 시간)</translation>
        </message>
        <message>
            <source>order numbers containing “{0}”</source>
            <translation>주문번호에 “{0}” 포함</translation>
        </message>
        <message>
            <source>store {0}</source>
            <translation>상점 {0}</translation>
        </message>
        <message>
            <source>started {0} to {1} (KST)</source>
            <translation>{0} ~ {1} (KST) 시작</translation>
        </message>
        <message>
            <source>Cancellations in the whole history</source>
            <translation>전체 처리 기록의 취소</translation>
        </message>
        <message>
            <source>Cancellations with {0}</source>
            <translation>다음 조건의 취소: {0}</translation>
        </message>
    </context>
    <context>
        <name>HistoryTableModel</name>
        <message>
            <source>Started (KST)</source>
            <translation>시작 시각 (KST)</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>프로필</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>주문번호</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>처리자</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>결과</translation>
        </message>
        <message>
            <source>HTTP status</source>
            <translation>HTTP 상태</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>코드</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>메시지</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>금액</translation>
        </message>
        <message>
            <source>Approval number</source>
            <translation>승인번호</translation>
        </message>
        <message>
            <source>Receipt link</source>
            <translation>영수증 링크</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>취소사유</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>구분</translation>
        </message>
        <message>
            <source>Correction</source>
            <translation>정정</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>기록 번호</translation>
        </message>
        <message>
            <source>API</source>
            <translation>API 종류</translation>
        </message>
        <message>
            <source>This column cannot be sorted.</source>
            <translation>이 열은 정렬할 수 없습니다.</translation>
        </message>
    </context>
    <context>
        <name>HistoryTableView</name>
        <message>
            <source>Cancellation attempts</source>
            <translation>발행취소 시도 목록</translation>
        </message>
    </context>
    <context>
        <name>HistoryWindow</name>
        <message>
            <source>Audit history</source>
            <translation>처리 기록</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>&amp;Copy row</source>
            <translation>행 복사(&amp;C)</translation>
        </message>
        <message>
            <source>Copy the selected rows as text (Ctrl+C in the table)</source>
            <translation>선택한 행을 텍스트로 복사합니다 (표에서는 Ctrl+C)</translation>
        </message>
        <message>
            <source>Open &amp;receipt</source>
            <translation>영수증 열기(&amp;R)</translation>
        </message>
        <message>
            <source>Open the receipt of the selected attempt in the browser</source>
            <translation>선택한 시도의 영수증을 브라우저에서 엽니다</translation>
        </message>
        <message>
            <source>&amp;Go to the linked row</source>
            <translation>연결된 기록으로 이동(&amp;G)</translation>
        </message>
        <message>
            <source>Select the other row of a correction: the re-issue of a cancellation, or the cancellation a re-issue corrects (or double-click the Correction cell)</source>
            <translation>정정의 다른 쪽 기록을 선택합니다: 취소의 재발행, 또는 재발행이 정정한 취소 (정정 칸을 두 번 클릭해도 됩니다)</translation>
        </message>
        <message>
            <source>Check &amp;unknown outcomes</source>
            <translation>결과 확인 필요 건 조회(&amp;U)</translation>
        </message>
        <message>
            <source>Look up the receipts of attempts whose outcome is unknown, for the active store profile. Nothing is cancelled again.</source>
            <translation>현재 상점 프로필에서 결과 확인이 필요한 시도의 영수증을 조회합니다. 다시 취소하지는 않습니다.</translation>
        </message>
        <message>
            <source>E&amp;xport to Excel...</source>
            <translation>엑셀로 내보내기(&amp;X)...</translation>
        </message>
        <message>
            <source>Save the attempts shown (with the current filter and order) as an Excel workbook that keeps every digit of the order and approval numbers</source>
            <translation>표시된 시도를 (현재 필터와 정렬대로) 주문번호와 승인번호의 모든 자릿수를 지키는 엑셀 통합 문서로 저장합니다</translation>
        </message>
        <message>
            <source>Export to CS&amp;V...</source>
            <translation>CSV로 내보내기(&amp;V)...</translation>
        </message>
        <message>
            <source>Save the attempts shown as a CSV file, for programs other than Excel</source>
            <translation>표시된 시도를 엑셀이 아닌 다른 프로그램용 CSV 파일로 저장합니다</translation>
        </message>
        <message>
            <source>Copy row</source>
            <translation>행 복사</translation>
        </message>
        <message>
            <source>Open receipt</source>
            <translation>영수증 열기</translation>
        </message>
        <message>
            <source>Go to the linked row</source>
            <translation>연결된 기록으로 이동</translation>
        </message>
        <message>
            <source>Columns...</source>
            <translation>표시할 열 선택...</translation>
        </message>
        <message>
            <source>All attempts shown: {0}</source>
            <translation>전체 {0}건 표시</translation>
        </message>
        <message>
            <source>{0} of {1} attempts shown</source>
            <translation>전체 {1}건 중 {0}건 표시</translation>
        </message>
        <message>
            <source>This column cannot be sorted.</source>
            <translation>이 열은 정렬할 수 없습니다.</translation>
        </message>
        <message>
            <source>No store profile with a saved API secret is selected. Choose or enter one in the main window, then try again.</source>
            <translation>API 시크릿이 저장된 상점 프로필이 선택되어 있지 않습니다. 기본 창에서 프로필을 선택하거나 입력한 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>The app is closing; nothing was checked.</source>
            <translation>앱을 닫는 중이라 아무것도 확인하지 않았습니다.</translation>
        </message>
        <message>
            <source>Checking attempts with an unknown outcome...</source>
            <translation>결과 확인이 필요한 시도를 조회하는 중...</translation>
        </message>
        <message>
            <source>Some could not be checked yet: {0}</source>
            <translation>일부는 아직 확인하지 못했습니다: {0}</translation>
        </message>
        <message>
            <source>Unknown outcomes could not be checked: {0}</source>
            <translation>결과 확인이 필요한 건을 확인하지 못했습니다: {0}</translation>
        </message>
        <message>
            <source>No attempt of the active store profile has an unknown outcome.</source>
            <translation>현재 상점 프로필에는 결과 확인이 필요한 시도가 없습니다.</translation>
        </message>
        <message>
            <source>Export the history</source>
            <translation>처리 기록 내보내기</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 파일 (*.csv)</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>엑셀 통합 문서 (*.xlsx)</translation>
        </message>
        <message>
            <source>Exporting...</source>
            <translation>내보내는 중...</translation>
        </message>
        <message>
            <source>No records to export: no file was written. No attempt matches the search and the filters; change them, then try again.</source>
            <translation>내보낼 기록이 없습니다: 파일을 만들지 않았습니다. 검색과 필터에 맞는 시도가 없습니다. 조건을 바꾼 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>Exported {0} attempt(s) to {1}.</source>
            <translation>{0}건을 다음 파일로 내보냈습니다: {1}</translation>
        </message>
        <message>
            <source>The export failed: {0}</source>
            <translation>내보내기에 실패했습니다: {0}</translation>
        </message>
        <message>
            <source>The file could not be saved ({0}). If it is open in Excel, close it; or choose another folder.</source>
            <translation>파일을 저장하지 못했습니다 ({0}). Excel에서 열려 있다면 닫거나, 다른 폴더를 선택하세요.</translation>
        </message>
        <message>
            <source>The export failed unexpectedly. The details were written to the log file.</source>
            <translation>내보내는 중 예기치 않은 문제가 발생했습니다. 자세한 내용은 로그 파일에 기록했습니다.</translation>
        </message>
        <message>
            <source>Columns for the books (default)</source>
            <translation>장부용 열 배치 (기본값)</translation>
        </message>
        <message>
            <source>Save the cancellation confirmation of the selected rows as a PDF: one confirmation, or one report with totals for several rows</source>
            <translation>선택한 기록의 발행취소 확인서를 PDF로 저장합니다: 한 건이면 확인서, 여러 건이면 합계가 있는 보고서 하나입니다</translation>
        </message>
        <message>
            <source>Print the confirmation of the selected rows</source>
            <translation>선택한 기록의 확인서를 인쇄합니다</translation>
        </message>
        <message>
            <source>Confirmation as P&amp;DF...</source>
            <translation>확인서 PDF로 저장(&amp;D)...</translation>
        </message>
        <message>
            <source>Pr&amp;int...</source>
            <translation>인쇄(&amp;I)...</translation>
        </message>
        <message>
            <source>Report of the cancellations &amp;shown...</source>
            <translation>표시된 취소를 한 보고서로(&amp;S)...</translation>
        </message>
        <message>
            <source>Save every cancellation that the search and the filters select (for example today's) as one PDF report with totals</source>
            <translation>검색과 필터가 고른 모든 취소(예: 오늘의 취소)를 합계가 있는 PDF 보고서 하나로 저장합니다</translation>
        </message>
        <message>
            <source>No confirmation was made: none of the selected rows is a cancellation that happened. Select a row whose outcome is Cancelled.</source>
            <translation>확인서를 만들지 않았습니다: 선택한 기록 중 취소가 완료된 것이 없습니다. 결과가 '취소됨'인 기록을 선택하세요.</translation>
        </message>
        <message>
            <source>{0} selected row(s) are not cancellations and were left out.</source>
            <translation>선택한 기록 중 {0}건은 완료된 취소가 아니어서 뺐습니다.</translation>
        </message>
        <message>
            <source>Nothing was printed: the printer could not be opened. Check that it is on and connected, then try again.</source>
            <translation>인쇄하지 않았습니다: 프린터를 열 수 없습니다. 프린터가 켜져 있고 연결되어 있는지 확인한 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>Sent {0} page(s) to the printer.</source>
            <translation>{0}쪽을 프린터로 보냈습니다.</translation>
        </message>
        <message>
            <source>No report was made: more than {0} cancellations match, and a report's totals must hold them all. Choose a shorter period or a store profile, then try again.</source>
            <translation>보고서를 만들지 않았습니다: 조건에 맞는 취소가 {0}건보다 많은데, 보고서의 합계에는 모든 건이 들어가야 합니다. 기간을 줄이거나 프로필을 고른 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>No report was made: no cancellation that happened matches the search and the filters. Change them, then try again.</source>
            <translation>보고서를 만들지 않았습니다: 검색과 필터에 맞는 완료된 취소가 없습니다. 조건을 바꾼 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>Saving the PDF...</source>
            <translation>PDF를 저장하는 중...</translation>
        </message>
        <message>
            <source>Saved {0} cancellation(s) on {1} page(s) to {2}.</source>
            <translation>취소 {0}건을 {1}쪽으로 저장했습니다: {2}</translation>
        </message>
        <message>
            <source>The PDF was not saved: something unexpected went wrong. The details were written to the log file.</source>
            <translation>PDF를 저장하지 않았습니다: 예상하지 못한 문제가 생겼습니다. 자세한 내용은 로그 파일에 기록했습니다.</translation>
        </message>
        <message>
            <source>Save the confirmation</source>
            <translation>확인서 저장</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 파일 (*.pdf)</translation>
        </message>
        <message>
            <source>Copied {0} row(s).</source>
            <translation>{0}개 행을 복사했습니다.</translation>
        </message>
        <message>
            <source>This attempt has no receipt link that can be opened (only http and https links are opened).</source>
            <translation>이 시도에는 열 수 있는 영수증 링크가 없습니다 (http, https 링크만 엽니다).</translation>
        </message>
        <message>
            <source>The browser could not be started to open the receipt.</source>
            <translation>영수증을 열 브라우저를 실행하지 못했습니다.</translation>
        </message>
        <message>
            <source>Row #{0} is not among the rows shown. Clear the search and the filters to see it.</source>
            <translation>기록 #{0}은(는) 표시된 기록에 없습니다. 보려면 검색과 필터를 지우세요.</translation>
        </message>
        <message>
            <source>Row #{0} selected.</source>
            <translation>기록 #{0}을(를) 선택했습니다.</translation>
        </message>
    </context>
    <context>
        <name>Issue</name>
        <message>
            <source>mobile number</source>
            <translation>휴대폰번호</translation>
        </message>
        <message>
            <source>business registration number</source>
            <translation>사업자등록번호</translation>
        </message>
        <message>
            <source>cash receipt card number</source>
            <translation>현금영수증 카드번호</translation>
        </message>
        <message>
            <source>Enter the customer's {0}.</source>
            <translation>고객의 {0}를 입력하세요.</translation>
        </message>
        <message>
            <source>Type the {0} with digits only. Hyphens and spaces are left out of what is sent; other characters cannot be used.</source>
            <translation>{0}는 숫자로만 입력하세요. 하이픈(-)과 공백은 빼고 보내며, 다른 문자는 쓸 수 없습니다.</translation>
        </message>
        <message>
            <source>A mobile number starts with 010, 011, 016, 017, 018 or 019. Check the number.</source>
            <translation>휴대폰번호는 010, 011, 016, 017, 018, 019 중 하나로 시작합니다. 번호를 확인하세요.</translation>
        </message>
        <message>
            <source>This business registration number is not valid (its last digit does not match the others). Check it against the business registration certificate.</source>
            <translation>올바른 사업자등록번호가 아닙니다(마지막 검증 숫자가 앞의 숫자와 맞지 않습니다). 사업자등록증의 번호와 대조해 확인하세요.</translation>
        </message>
        <message>
            <source>A mobile number has 10 or 11 digits. Check the number.</source>
            <translation>휴대폰번호는 10자리 또는 11자리입니다. 번호를 확인하세요.</translation>
        </message>
        <message>
            <source>A business registration number has 10 digits. Check the number.</source>
            <translation>사업자등록번호는 10자리입니다. 번호를 확인하세요.</translation>
        </message>
        <message>
            <source>A cash receipt card number has 13 to 19 digits. Check the number.</source>
            <translation>현금영수증 카드번호는 13~19자리입니다. 번호를 확인하세요.</translation>
        </message>
        <message>
            <source>The {0} is not valid. Check it.</source>
            <translation>{0}가 올바르지 않습니다. 확인하세요.</translation>
        </message>
        <message>
            <source>the answer could not be read</source>
            <translation>응답을 읽을 수 없었습니다</translation>
        </message>
        <message>
            <source>the answer named another order number than the one sent</source>
            <translation>응답에 보낸 것과 다른 주문번호가 들어 있었습니다</translation>
        </message>
        <message>
            <source>the request was answered with a redirect to another address, which the app never follows</source>
            <translation>다른 주소로 이동하라는 응답이 왔으며, 앱은 이를 따르지 않습니다</translation>
        </message>
        <message>
            <source>the request was sent, but its answer did not arrive within the time limit</source>
            <translation>요청은 보냈지만 제한 시간 안에 응답이 오지 않았습니다</translation>
        </message>
        <message>
            <source>the request was sent, then stopped before its answer arrived</source>
            <translation>요청을 보낸 뒤 응답이 오기 전에 중단되었습니다</translation>
        </message>
        <message>
            <source>the request was sent, but no answer came back</source>
            <translation>요청은 보냈지만 응답을 받지 못했습니다</translation>
        </message>
        <message>
            <source>It is not known whether the receipt was issued: {0}. Do not issue it again: look the order number up to see whether it now has a receipt.</source>
            <translation>현금영수증이 발행되었는지 알 수 없습니다: {0}. 다시 발행하지 마세요. 주문번호를 조회해 영수증이 발행되어 있는지 확인하세요.</translation>
        </message>
        <message>
            <source>Nothing was issued: PortOne knows no channel under this store's channel key. Check the key in the store's settings ({0}, Channel key) against the PortOne console ([결제 연동] &gt; [채널 관리]), then try again.</source>
            <translation>발행하지 않았습니다: 이 상점의 채널 키에 해당하는 채널이 PortOne에 없습니다. 상점 설정({0}, 채널 키)의 키를 PortOne 관리자 콘솔([결제 연동] &gt; [채널 관리])과 비교해 고친 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>Nothing was issued: this PG cannot issue cash receipts through PortOne. Issue it in the PG's merchant site or on 홈택스; trying again here will not help.</source>
            <translation>발행하지 않았습니다: 이 PG사는 PortOne을 통해 현금영수증을 발행할 수 없습니다. PG사 가맹점 관리자 페이지나 홈택스에서 발행하세요. 여기서 다시 시도해도 되지 않습니다.</translation>
        </message>
        <message>
            <source>PortOne refused to issue the receipt.</source>
            <translation>PortOne이 현금영수증 발행을 거절했습니다.</translation>
        </message>
        <message>
            <source>The payment gateway refused or failed to issue the receipt.</source>
            <translation>PG사가 현금영수증 발행을 거절했거나 실패했습니다.</translation>
        </message>
        <message>
            <source>Nothing was issued. Read PortOne's message, correct what it names and try again.</source>
            <translation>발행된 것은 없습니다. PortOne의 메시지를 읽고 지적된 내용을 고친 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>PortOne says this order number already has a receipt, even after its cancellation. The receipt can be issued under the order number {0} instead. The books then find it by this new number, not by the cash sale's own: note it on the sale.</source>
            <translation>PortOne은 이 주문번호에 취소 후에도 이미 발행된 영수증이 있다고 합니다. 대신 주문번호 {0}(으)로 발행할 수 있습니다. 이 경우 장부에서는 현금 판매의 원래 주문번호가 아니라 이 새 번호로 찾게 되므로, 판매 기록에 새 번호를 적어 두세요.</translation>
        </message>
        <message>
            <source>History: row {0}.</source>
            <translation>처리 기록: {0}번 행.</translation>
        </message>
        <message>
            <source>History: the cancellation (row {0}) and this issue (row {1}) are linked.</source>
            <translation>처리 기록: 발행취소({0}번 행)와 이번 재발행({1}번 행)이 서로 연결되어 있습니다.</translation>
        </message>
        <message>
            <source>Nothing was issued: this store has no channel key, which PortOne needs to issue a receipt. Set it in the store's settings ({0}, Channel key), then try again.</source>
            <translation>발행하지 않았습니다: 이 상점에 채널 키가 없습니다. PortOne은 채널 키가 있어야 현금영수증을 발행합니다. 상점 설정({0}, 채널 키)에서 입력한 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>Nothing was issued: the secret of this store is not available on this PC. Enter it again in the store's settings ({0}).</source>
            <translation>발행하지 않았습니다: 이 PC에서 상점의 시크릿을 읽을 수 없습니다. 상점 설정({0})에서 다시 입력하세요.</translation>
        </message>
        <message>
            <source>Nothing was issued: this cancellation was already corrected by the receipt of {0} (approval number {1}).</source>
            <translation>발행하지 않았습니다: 이 발행취소는 이미 {0}의 영수증(승인번호 {1})으로 정정되었습니다.</translation>
        </message>
        <message>
            <source>Nothing was sent again: the earlier attempt whose answer was lost did issue the receipt of {0}, as a lookup shows (approval number {1}).</source>
            <translation>다시 보내지 않았습니다: 응답을 받지 못했던 이전 시도로 {0}의 영수증이 이미 발행되었습니다. 조회로 확인했습니다(승인번호 {1}).</translation>
        </message>
        <message>
            <source>Nothing was issued: a cash receipt of {0} is already issued and in effect (approval number {1}), so no other order number is offered - one sale keeps one receipt. Look it up to check it; cancel it first if it is wrong.</source>
            <translation>발행하지 않았습니다: {0}의 현금영수증이 이미 발행되어 유효합니다(승인번호 {1}). 한 거래에는 영수증 하나만 있어야 하므로 다른 주문번호를 제안하지 않습니다. 조회해서 확인하고, 잘못되었다면 먼저 발행취소하세요.</translation>
        </message>
        <message>
            <source>It is not known whether the receipt of {0} was issued again: PortOne's answer did not show a new receipt. Do not issue it again; look the order number up, or check unknown outcomes in the history.</source>
            <translation>{0}의 영수증이 다시 발행되었는지 알 수 없습니다: PortOne의 응답에 새 영수증이 없습니다. 다시 발행하지 마세요. 주문번호를 조회하거나 처리 기록에서 결과 확인 필요 건을 조회하세요.</translation>
        </message>
        <message>
            <source>The cash receipt of {0} was issued again (approval number {1}).</source>
            <translation>{0}의 현금영수증을 다시 발행했습니다(승인번호 {1}).</translation>
        </message>
        <message>
            <source>The books find it under this new order number, not the sale's own: note it on the cash sale.</source>
            <translation>장부에서는 원래 판매의 주문번호가 아니라 이 새 주문번호로 찾아야 합니다. 현금 판매 기록에 적어 두세요.</translation>
        </message>
        <message>
            <source>The history could not record it: write the order number and approval number down by hand.</source>
            <translation>처리 기록에 남기지 못했습니다. 주문번호와 승인번호를 따로 적어 두세요.</translation>
        </message>
    </context>
    <context>
        <name>Keychain</name>
        <message>
            <source>No secret is saved for this store on this PC. Enter it again.</source>
            <translation>이 PC에는 이 상점의 시크릿이 저장되어 있지 않습니다. 다시 입력하세요.</translation>
        </message>
        <message>
            <source>No system keychain is available: a secret entered here is kept only until the app closes, and never written to a file.</source>
            <translation>사용할 수 있는 시스템 키체인이 없습니다. 여기에 입력한 시크릿은 앱을 닫을 때까지만 보관되며, 파일에는 저장되지 않습니다.</translation>
        </message>
        <message>
            <source>The keychain is turned off in the keyring configuration: a secret entered here is kept only until the app closes.</source>
            <translation>keyring 설정에서 키체인이 꺼져 있습니다. 여기에 입력한 시크릿은 앱을 닫을 때까지만 보관됩니다.</translation>
        </message>
        <message>
            <source>Only a file-based keyring is installed, which is not a safe keychain: a secret entered here is kept only until the app closes.</source>
            <translation>안전한 키체인이 아닌 파일 기반 keyring만 설치되어 있습니다. 여기에 입력한 시크릿은 앱을 닫을 때까지만 보관됩니다.</translation>
        </message>
        <message>
            <source>The system keychain is locked, so the saved secret could not be used. Unlock the keychain (sign in to it), then try again: the secret does not need to be entered again.</source>
            <translation>시스템 키체인이 잠겨 있어 저장된 시크릿을 쓸 수 없습니다. 키체인 잠금을 해제(로그인)한 뒤 다시 시도하세요. 시크릿을 다시 입력할 필요는 없습니다.</translation>
        </message>
        <message>
            <source>Access to the system keychain was denied, so the saved secret could not be used. Restart the app and choose “Allow” when the system asks, or enter the secret again.</source>
            <translation>시스템 키체인 접근이 거부되어 저장된 시크릿을 쓸 수 없습니다. 앱을 다시 시작한 뒤 시스템이 물으면 “허용”을 선택하거나, 시크릿을 다시 입력하세요.</translation>
        </message>
        <message>
            <source>Windows has no credential store in this session (for example when the app runs as administrator or in a remote session), so the secret is kept only until the app closes. Start the app normally to save it.</source>
            <translation>이 세션에는 Windows 자격 증명 저장소가 없어(예: 관리자 권한이나 원격 세션으로 실행한 경우) 시크릿은 앱을 닫을 때까지만 보관됩니다. 저장하려면 앱을 일반 방식으로 시작하세요.</translation>
        </message>
        <message>
            <source>The system keychain refused to read or save the secret (the log file has the details), so it is kept only until the app closes.</source>
            <translation>시스템 키체인이 시크릿 읽기 또는 저장을 거부하여(자세한 내용은 로그 파일에 있습니다) 시크릿은 앱을 닫을 때까지만 보관됩니다.</translation>
        </message>
        <message>
            <source>The system keychain accepted the secret but did not keep it, so it is kept only until the app closes.</source>
            <translation>시스템 키체인이 시크릿을 받았지만 보관하지 않아, 시크릿은 앱을 닫을 때까지만 보관됩니다.</translation>
        </message>
    </context>
    <context>
        <name>LanguageDialog</name>
        <message>
            <source>Language</source>
            <translation>언어</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>시스템 설정 따르기</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>언어(&amp;L):</translation>
        </message>
        <message>
            <source>The new language applies the next time iamport-desk starts.</source>
            <translation>새 언어는 iamport-desk를 다음에 시작할 때 적용됩니다.</translation>
        </message>
        <message>
            <source>The language was saved but not changed yet: a lookup, cancellation or export is still running. Choose the language again once it has finished, or it applies the next time iamport-desk starts.</source>
            <translation>언어는 저장했지만 아직 바꾸지 않았습니다: 조회, 취소 또는 내보내기가 아직 진행 중입니다. 끝난 뒤 언어를 다시 고르면 바로 바뀌고, 그러지 않으면 iamport-desk를 다음에 시작할 때 적용됩니다.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Look up</source>
            <translation>조회(&amp;L)</translation>
        </message>
        <message>
            <source>iamport-desk - cash receipt cancellation</source>
            <translation>iamport-desk - 현금영수증 발행취소</translation>
        </message>
        <message>
            <source>[DEMO] {0}</source>
            <translation>[데모] {0}</translation>
        </message>
        <message>
            <source>Store profile</source>
            <translation>상점 프로필</translation>
        </message>
        <message>
            <source>&amp;Order number (merchant_uid):</source>
            <translation>주문번호 (merchant_uid)(&amp;O):</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>주문번호</translation>
        </message>
        <message>
            <source>The merchant_uid the cash receipt was issued with. Press Enter to look it up.</source>
            <translation>현금영수증을 발행할 때 사용한 merchant_uid입니다. Enter 키를 누르면 조회합니다.</translation>
        </message>
        <message>
            <source>e.g. ORDER-20261125-0001</source>
            <translation>예: ORDER-20261125-0001</translation>
        </message>
        <message>
            <source>&amp;Cancel this receipt...</source>
            <translation>이 영수증 발행취소(&amp;C)...</translation>
        </message>
        <message>
            <source>Asks for confirmation, then cancels the cash receipt shown above.</source>
            <translation>한 번 더 확인한 뒤 위에 표시된 현금영수증을 발행취소합니다.</translation>
        </message>
        <message>
            <source>Check &amp;unknown outcomes</source>
            <translation>결과 확인 필요 건 조회(&amp;U)</translation>
        </message>
        <message>
            <source>S&amp;tore:</source>
            <translation>상점(&amp;T):</translation>
        </message>
        <message>
            <source>Cre&amp;dentials...</source>
            <translation>인증 정보(&amp;D)...</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Receipt</source>
            <translation>영수증(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>설정(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <source>Audit &amp;history...</source>
            <translation>처리 기록(&amp;H)...</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
        <message>
            <source>Go to &amp;order number</source>
            <translation>주문번호 입력란으로 이동(&amp;O)</translation>
        </message>
        <message>
            <source>Copy receipt &amp;link</source>
            <translation>영수증 링크 복사(&amp;L)</translation>
        </message>
        <message>
            <source>Store profiles and &amp;keys...</source>
            <translation>상점 프로필 및 API 키(&amp;K)...</translation>
        </message>
        <message>
            <source>&amp;Language...</source>
            <translation>언어(&amp;L)...</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>단축키 목록(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;About iamport-desk</source>
            <translation>iamport-desk 정보(&amp;A)</translation>
        </message>
        <message>
            <source>The settings file could not be read and was set aside; defaults are in use. Details: {0}</source>
            <translation>설정 파일을 읽을 수 없어 따로 옮겨 두고 기본 설정을 사용합니다. 자세한 내용: {0}</translation>
        </message>
        <message>
            <source>Store switched to {0}.</source>
            <translation>상점을 바꿨습니다: {0}</translation>
        </message>
        <message>
            <source>Enter the REST API key and secret of your PortOne store.</source>
            <translation>PortOne 상점의 REST API 키와 시크릿을 입력하세요.</translation>
        </message>
        <message>
            <source>The secret of this store is not available on this PC. Enter it again.</source>
            <translation>이 PC에 이 상점의 시크릿이 없습니다. 다시 입력하세요.</translation>
        </message>
        <message>
            <source>Looking up {0}...</source>
            <translation>{0} 조회 중...</translation>
        </message>
        <message>
            <source>Nothing was cancelled.</source>
            <translation>아무것도 취소하지 않았습니다.</translation>
        </message>
        <message>
            <source>Cancelling the cash receipt of {0}...</source>
            <translation>주문 {0}의 현금영수증을 발행취소하는 중...</translation>
        </message>
        <message>
            <source>Checking attempts with an unknown outcome...</source>
            <translation>결과 확인이 필요한 시도를 조회하는 중...</translation>
        </message>
        <message>
            <source>Enter the store's PortOne keys again.</source>
            <translation>상점의 PortOne 키를 다시 입력하세요.</translation>
        </message>
        <message>
            <source>Nothing was looked up: no store's PortOne keys are saved. Enter them with {0} (Settings &gt; Store profiles and keys).</source>
            <translation>조회하지 않았습니다: 저장된 상점의 PortOne 키가 없습니다. {0}(설정 &gt; 상점 프로필 및 API 키)에서 입력하세요.</translation>
        </message>
        <message>
            <source>No store is set up yet. Add your PortOne store with {0} (Settings &gt; Store profiles and keys), or try the app first with the practice stores: start it with --demo.</source>
            <translation>아직 등록된 상점이 없습니다. {0}(설정 &gt; 상점 프로필 및 API 키)에서 PortOne 상점을 추가하거나, 먼저 연습용 상점으로 사용해 보세요: --demo 옵션으로 실행하면 됩니다.</translation>
        </message>
        <message>
            <source>{0} cancellation attempt(s) were interrupted last time (the app closed or crashed). Their outcome is being checked.</source>
            <translation>지난번 발행취소 시도 {0}건이 중단되었습니다 (앱이 닫히거나 비정상 종료됨). 결과를 확인하고 있습니다.</translation>
        </message>
        <message>
            <source>This cash receipt was already cancelled on {0}. There is nothing to cancel.</source>
            <translation>이 현금영수증은 {0}에 이미 취소되었습니다. 취소할 내용이 없습니다.</translation>
        </message>
        <message>
            <source>Check the receipt below. To cancel it, press “Cancel this receipt”.</source>
            <translation>아래 영수증을 확인하세요. 취소하려면 “이 영수증 발행취소”를 누르세요.</translation>
        </message>
        <message>
            <source>The history shows this receipt was already cancelled on {0}. No request was sent.</source>
            <translation>처리 기록에 따르면 이 영수증은 {0}에 이미 취소되었습니다. 요청을 보내지 않았습니다.</translation>
        </message>
        <message>
            <source>Nothing more to do: this receipt is already cancelled. PortOne refused this request because its records show the cancellation at {0} (made on another PC or in PortOne's console). The receipt above is as PortOne has it now.</source>
            <translation>더 할 일은 없습니다: 이 영수증은 이미 취소되어 있습니다. PortOne 기록에 {0}에 취소된 것으로 되어 있어 이번 요청은 거절되었습니다(다른 PC나 PortOne 콘솔에서 취소됨). 위 영수증은 지금 PortOne에 있는 그대로입니다.</translation>
        </message>
        <message>
            <source>The cash receipt was cancelled at {0}.</source>
            <translation>{0}에 현금영수증을 발행취소했습니다.</translation>
        </message>
        <message>
            <source>Warning: the audit history could not record it: {0}</source>
            <translation>주의: 처리 기록에 남기지 못했습니다: {0}</translation>
        </message>
        <message>
            <source>Unknown outcomes could not be checked yet: {0}</source>
            <translation>결과 확인이 필요한 건을 아직 확인하지 못했습니다: {0}</translation>
        </message>
        <message>
            <source>Cancellation in progress</source>
            <translation>발행취소 진행 중</translation>
        </message>
        <message>
            <source>A cancellation is being sent to PortOne. The window will close as soon as its outcome is known and recorded.</source>
            <translation>PortOne에 발행취소 요청을 보내는 중입니다. 결과를 확인하고 기록하는 대로 창이 닫힙니다.</translation>
        </message>
        <message>
            <source>Waiting for the cancellation's outcome before closing...</source>
            <translation>창을 닫기 전에 발행취소 결과를 기다리는 중...</translation>
        </message>
        <message>
            <source>Cancel the cash receipt?</source>
            <translation>발행취소 확인</translation>
        </message>
        <message>
            <source>Cancel the cash receipt of order {0} for {1}?
This cannot be undone.</source>
            <translation>주문 {0}의 현금영수증({1})을 발행취소하시겠습니까?
발행취소한 뒤에는 되돌릴 수 없습니다.</translation>
        </message>
        <message>
            <source>Approval number: {0}   Issued: {1}</source>
            <translation>승인번호: {0}   발행 시각: {1}</translation>
        </message>
        <message>
            <source>&amp;Cancel the receipt</source>
            <translation>발행취소(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Keep it</source>
            <translation>취소하지 않음(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Network...</source>
            <translation>네트워크(&amp;N)...</translation>
        </message>
        <message>
            <source>Still waiting for PortOne's answer. Nothing has changed; press Esc to stop waiting, or wait a little longer.</source>
            <translation>포트원의 응답을 기다리고 있습니다. 아직 바뀐 것은 없습니다. 기다림을 멈추려면 Esc를 누르고, 아니면 조금 더 기다려 주세요.</translation>
        </message>
        <message>
            <source>Still waiting for PortOne's answer to the cancellation. It cannot be stopped now that it was sent: wait for the answer. If none comes, the attempt is recorded as unknown and checked by a lookup.</source>
            <translation>발행취소 요청에 대한 포트원의 응답을 기다리고 있습니다. 이미 보낸 요청은 멈출 수 없으니 응답을 기다려 주세요. 응답이 오지 않으면 결과 확인 필요로 기록되고 조회로 확인됩니다.</translation>
        </message>
        <message>
            <source>Stopped waiting for the lookup. Nothing was changed. Look the order number up again when the network is back.</source>
            <translation>조회 기다림을 멈췄습니다. 바뀐 것은 없습니다. 네트워크가 돌아오면 주문번호를 다시 조회해 주세요.</translation>
        </message>
        <message>
            <source>Do not cancel it again. It is checked automatically at {0}; press {1} to check it now.</source>
            <translation>다시 취소하지 마세요. {0}에 자동으로 확인합니다. 지금 확인하려면 {1} 키를 누르세요.</translation>
        </message>
        <message>
            <source>Checked: the cash receipt of {0} was cancelled at {1}. There is nothing left to cancel.</source>
            <translation>확인했습니다: {0}의 현금영수증은 {1}에 취소되었습니다. 더 취소할 것이 없습니다.</translation>
        </message>
        <message>
            <source>Checked: the cash receipt of {0} was not cancelled; it can be cancelled again.</source>
            <translation>확인했습니다: {0}의 현금영수증은 취소되지 않았습니다. 다시 취소할 수 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>Message from PortOne: {0}</source>
            <translation>PortOne 메시지: {0}</translation>
        </message>
        <message>
            <source>code {0}</source>
            <translation>코드 {0}</translation>
        </message>
        <message>
            <source>The order number contains an invisible character, {0}, at position {1} (usually copied along from a web page, a chat or a spreadsheet). Type the number again instead of pasting it.</source>
            <translation>주문번호의 {1}번째 글자에 보이지 않는 문자 {0}이(가) 들어 있습니다(대개 웹 페이지, 메신저 또는 스프레드시트에서 복사할 때 딸려 옵니다). 붙여 넣지 말고 주문번호를 직접 다시 입력하세요.</translation>
        </message>
        <message>
            <source>The order number contains a text-direction control character, {0}, at position {1}; it makes the number on screen differ from the one that would be sent. Type the number again instead of pasting it.</source>
            <translation>주문번호의 {1}번째 글자에 글자 방향 제어 문자 {0}이(가) 들어 있습니다. 이 문자 때문에 화면에 보이는 주문번호와 실제로 보내는 주문번호가 달라집니다. 붙여 넣지 말고 주문번호를 직접 다시 입력하세요.</translation>
        </message>
        <message>
            <source>Enter an order number first.</source>
            <translation>먼저 주문번호를 입력하세요.</translation>
        </message>
        <message>
            <source>The order number is far too long to be a real order number. Check what was pasted and try again.</source>
            <translation>주문번호가 너무 깁니다. 붙여 넣은 내용을 확인한 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>The order number contains invisible control characters (for example a line break from copying). Type it again.</source>
            <translation>주문번호에 보이지 않는 제어 문자(예: 복사할 때 딸려 온 줄바꿈)가 들어 있습니다. 주문번호를 다시 입력하세요.</translation>
        </message>
        <message>
            <source>The order number was typed while the input method was in Korean (한글) mode: on an English keyboard these keys spell “{0}”. Switch to English with the 한/영 key and type the number again (mind upper and lower case).</source>
            <translation>입력기가 한글 모드인 상태에서 주문번호를 입력했습니다. 영문 자판으로는 “{0}”입니다. 한/영 키로 영문 모드로 바꾼 뒤 대소문자에 유의하여 주문번호를 다시 입력하세요.</translation>
        </message>
        <message>
            <source>This order number cannot be sent to PortOne as it is (for example “.” or “..”). Check the number.</source>
            <translation>이 주문번호는 그대로 PortOne에 보낼 수 없습니다(예: “.” 또는 “..”). 주문번호를 확인하세요.</translation>
        </message>
        <message>
            <source>Details: {0}</source>
            <translation>상세: {0}</translation>
        </message>
        <message>
            <source>Enter the REST API key and secret again in the credentials dialog: PortOne did not accept them.</source>
            <translation>인증 정보 창에서 REST API 키와 시크릿을 다시 입력하세요: PortOne이 받아들이지 않았습니다.</translation>
        </message>
        <message>
            <source>Look the order number up again; if this happens again, contact PortOne. Details: PortOne answered with the receipt of another order number ({0}), not the one looked up, so nothing is shown and nothing can be cancelled.</source>
            <translation>주문번호를 다시 조회하세요. 같은 일이 반복되면 PortOne에 문의하세요. 상세: PortOne이 조회한 주문번호가 아닌 다른 주문번호({0})의 영수증으로 응답했으므로, 아무것도 표시하지 않으며 취소할 수도 없습니다.</translation>
        </message>
        <message>
            <source>The PortOne server could not be reached (connection refused).</source>
            <translation>PortOne 서버에 연결할 수 없습니다 (연결 거부).</translation>
        </message>
        <message>
            <source>The PortOne server's name could not be found.</source>
            <translation>PortOne 서버 주소를 찾을 수 없습니다.</translation>
        </message>
        <message>
            <source>The server's security certificate could not be verified, so the connection was stopped.</source>
            <translation>서버의 보안 인증서를 확인할 수 없어 연결을 중단했습니다.</translation>
        </message>
        <message>
            <source>Connecting to the PortOne server took too long.</source>
            <translation>PortOne 서버에 연결하는 데 시간이 너무 오래 걸렸습니다.</translation>
        </message>
        <message>
            <source>The PortOne server did not answer in time.</source>
            <translation>PortOne 서버가 제시간에 응답하지 않았습니다.</translation>
        </message>
        <message>
            <source>The proxy server refused or failed the connection.</source>
            <translation>프록시 서버가 연결을 거부했거나 연결에 실패했습니다.</translation>
        </message>
        <message>
            <source>The connection to PortOne failed.</source>
            <translation>PortOne 연결에 실패했습니다.</translation>
        </message>
        <message>
            <source>Check the network or proxy settings and try again.</source>
            <translation>네트워크 또는 프록시 설정을 확인한 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>Read PortOne's message, then try again or contact PortOne.</source>
            <translation>PortOne 메시지를 확인한 뒤 다시 시도하거나 PortOne에 문의하세요.</translation>
        </message>
        <message>
            <source>This store's payment gateway cannot cancel cash receipts through PortOne: cancel the receipt in the payment gateway's merchant site or on Hometax (홈택스).</source>
            <translation>이 상점의 PG사는 PortOne을 통해 현금영수증을 취소할 수 없습니다: PG사 가맹점 관리자 사이트나 홈택스에서 취소하세요.</translation>
        </message>
        <message>
            <source>Ask your IT department for the proxy settings.</source>
            <translation>IT 담당 부서에 프록시 설정을 문의하세요.</translation>
        </message>
        <message>
            <source>The proxy server asks for a login.</source>
            <translation>프록시 서버가 로그인을 요구합니다.</translation>
        </message>
        <message>
            <source>Enter the store's V2 API secret again in the credentials dialog: PortOne did not accept it.</source>
            <translation>인증 정보 창에서 이 상점의 V2 API 시크릿을 다시 입력하세요: PortOne이 받아들이지 않았습니다.</translation>
        </message>
        <message>
            <source>Ask whoever manages the PortOne account to give this API secret the permission for cash receipts of this store (PortOne console), or check the store ID in the store's profile. Entering the same secret again will not help.</source>
            <translation>PortOne 계정 관리자에게 이 API 시크릿에 이 상점의 현금영수증 권한을 주도록 요청하거나(PortOne 콘솔), 상점 프로필의 상점 ID를 확인하세요. 같은 시크릿을 다시 입력해도 해결되지 않습니다.</translation>
        </message>
        <message>
            <source>There is nothing to cancel: PortOne has this payment's cash receipt as not issued (its issue failed or was never made).</source>
            <translation>취소할 것이 없습니다: PortOne에는 이 결제의 현금영수증이 발행되지 않은 것으로 되어 있습니다(발행에 실패했거나 발행한 적이 없습니다).</translation>
        </message>
        <message>
            <source>Look the payment up: PortOne already has a cash receipt issued for this payment ID, so no second one was issued.</source>
            <translation>결제를 조회하세요: 이 결제 ID로 이미 발행된 현금영수증이 있으므로 두 번째 영수증은 발행하지 않았습니다.</translation>
        </message>
        <message>
            <source>The payment gateway refused or failed the cancellation.</source>
            <translation>PG사에서 발행취소를 거절했거나 처리하지 못했습니다.</translation>
        </message>
        <message>
            <source>Check the order number and the store chosen above (its kind and Tier are part of it): no cash receipt was issued for this order number.</source>
            <translation>주문번호와 위에서 고른 상점(종류와 Tier 포함)을 확인하세요: 이 주문번호로 발행된 현금영수증이 없습니다.</translation>
        </message>
        <message>
            <source>PortOne refused the request.</source>
            <translation>PortOne에서 요청을 거부했습니다.</translation>
        </message>
        <message>
            <source>PortOne answered with an error.</source>
            <translation>PortOne에서 오류를 응답했습니다.</translation>
        </message>
        <message>
            <source>PortOne's answer could not be read (it is not in the documented form).</source>
            <translation>PortOne의 응답을 읽을 수 없습니다(문서에 정해진 형식이 아닙니다).</translation>
        </message>
        <message>
            <source>An unexpected answer came instead of PortOne's (for example a proxy or login page).</source>
            <translation>PortOne의 응답 대신 예상하지 못한 응답이 왔습니다 (예: 프록시 또는 로그인 페이지).</translation>
        </message>
        <message>
            <source>Try again later; if it persists, contact PortOne.</source>
            <translation>잠시 후 다시 시도하세요. 계속 안 되면 PortOne에 문의하세요.</translation>
        </message>
        <message>
            <source>The audit history was written by a newer version of iamport-desk, so this version leaves it untouched and sends nothing to PortOne. Install the newer version again.</source>
            <translation>처리 기록이 더 새로운 버전의 iamport-desk로 저장되어 있어, 이 버전은 파일을 건드리지 않았고 PortOne에 아무것도 보내지 않았습니다. 새 버전을 다시 설치하세요.</translation>
        </message>
        <message>
            <source>The audit history file is damaged, so nothing was sent to PortOne. A damaged file found at start is set aside and a new history begins at the next try; restore the old one from a backup if you need it.</source>
            <translation>처리 기록 파일이 손상되어 PortOne에 아무것도 보내지 않았습니다. 시작할 때 발견된 손상 파일은 따로 옮겨 두고 다음 시도에서 새 처리 기록을 시작합니다. 이전 기록이 필요하면 백업에서 복원하세요.</translation>
        </message>
        <message>
            <source>The audit history file was found empty, so it was set aside (renamed with the date) and nothing was sent to PortOne. Try again to begin a new history, and restore the old one from a backup if you need it.</source>
            <translation>처리 기록 파일이 비어 있어 따로 옮겨 두었고(이름에 날짜를 붙임) PortOne에 아무것도 보내지 않았습니다. 다시 시도하면 새 처리 기록을 시작합니다. 이전 기록이 필요하면 백업에서 복원하세요.</translation>
        </message>
        <message>
            <source>The audit history is busy in another program, so nothing was sent to PortOne. Wait a moment and try again; if it persists, close other copies of iamport-desk.</source>
            <translation>다른 프로그램이 처리 기록을 사용 중이어서 PortOne에 아무것도 보내지 않았습니다. 잠시 후 다시 시도하세요. 계속되면 다른 iamport-desk 창을 닫으세요.</translation>
        </message>
        <message>
            <source>The audit history file or its folder is read-only, so nothing was sent to PortOne. Fix the folder's permissions, then try again.</source>
            <translation>처리 기록 파일 또는 폴더가 읽기 전용이어서 PortOne에 아무것도 보내지 않았습니다. 폴더 권한을 바로잡은 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>The disk that holds the audit history is full, so nothing was sent to PortOne. Free some disk space, then try again.</source>
            <translation>처리 기록이 있는 디스크가 가득 차서 PortOne에 아무것도 보내지 않았습니다. 디스크 공간을 확보한 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>The audit history is on a network drive, so it is kept in a slower mode that network drives can share safely. Keep the drive connected while you work; a folder on this PC is faster.</source>
            <translation>처리 기록이 네트워크 드라이브에 있어, 네트워크 드라이브에서도 안전하게 함께 쓸 수 있는 느린 방식으로 저장합니다. 작업하는 동안 드라이브 연결을 유지하세요. 이 PC의 폴더를 쓰면 더 빠릅니다.</translation>
        </message>
        <message>
            <source>The audit history could not be read or written, so nothing was sent to PortOne. Try again; if it persists, see the log file.</source>
            <translation>처리 기록을 읽거나 저장할 수 없어 PortOne에 아무것도 보내지 않았습니다. 다시 시도하세요. 계속되면 로그 파일을 확인하세요.</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. The details were written to the log file.</source>
            <translation>예기치 않은 문제가 발생했습니다. 자세한 내용은 로그 파일에 기록했습니다.</translation>
        </message>
        <message>
            <source>The proxy server asks for a sign-in{0}. Ask your IT department for the proxy user name and password, and enter them with the proxy in the network settings.</source>
            <translation>프록시 서버가 로그인을 요구합니다{0}. IT 담당자에게 프록시 사용자 이름과 비밀번호를 받아 네트워크 설정에 프록시와 함께 입력하세요.</translation>
        </message>
        <message>
            <source>The proxy server could not be reached. Check the proxy address in the network settings, or ask your IT department.</source>
            <translation>프록시 서버에 연결할 수 없습니다. 네트워크 설정의 프록시 주소를 확인하거나 IT 담당자에게 문의하세요.</translation>
        </message>
        <message>
            <source>The proxy server refused the connection to PortOne with a page of its own{0}. Ask your IT department to allow api.iamport.kr.</source>
            <translation>프록시 서버가 자체 안내 페이지로 PortOne 연결을 거부했습니다{0}. IT 담당자에게 api.iamport.kr 접속 허용을 요청하세요.</translation>
        </message>
        <message>
            <source>PortOne did not finish answering within the time limit. Check the network or proxy settings and try again.</source>
            <translation>PortOne 응답이 제한 시간 안에 끝나지 않았습니다. 네트워크 또는 프록시 설정을 확인한 뒤 다시 시도하세요.</translation>
        </message>
        <message>
            <source>The request was stopped before PortOne answered. Try again when ready.</source>
            <translation>PortOne이 응답하기 전에 요청을 중단했습니다. 준비되면 다시 시도하세요.</translation>
        </message>
        <message>
            <source>The receipt was not cancelled.</source>
            <translation>취소되지 않았습니다.</translation>
        </message>
        <message>
            <source>The receipt could not be looked up.</source>
            <translation>조회하지 못했습니다.</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>아무것도 변경되지 않았습니다.</translation>
        </message>
        <message>
            <source>It is not known whether the receipt was cancelled: the answer to the cancellation could not be read (it was damaged or far too large).</source>
            <translation>취소 여부를 알 수 없습니다: 발행취소 요청에 대한 응답을 읽을 수 없습니다(손상되었거나 지나치게 큽니다).</translation>
        </message>
        <message>
            <source>It is not known whether the receipt was cancelled: the answer named another order number than the one cancelled.</source>
            <translation>취소 여부를 알 수 없습니다: 응답에 취소를 요청한 주문번호가 아닌 다른 주문번호가 들어 있습니다.</translation>
        </message>
        <message>
            <source>It is not known whether the receipt was cancelled: the cancellation was answered with a redirect to another address, which the app never follows.</source>
            <translation>취소 여부를 알 수 없습니다: 발행취소 요청에 다른 주소로 이동하라는 응답(리디렉션)이 왔으며, 이 앱은 리디렉션을 따르지 않습니다.</translation>
        </message>
        <message>
            <source>It is not known whether the receipt was cancelled: the cancellation was sent, but its answer did not arrive within the time limit.</source>
            <translation>취소 여부를 알 수 없습니다: 발행취소 요청은 보냈지만 제한 시간 안에 응답이 오지 않았습니다.</translation>
        </message>
        <message>
            <source>It is not known whether the receipt was cancelled: the cancellation was sent, then stopped before its answer arrived.</source>
            <translation>취소 여부를 알 수 없습니다: 발행취소 요청을 보낸 뒤 응답이 오기 전에 중단했습니다.</translation>
        </message>
        <message>
            <source>It is not known whether the receipt was cancelled: the cancellation was sent, but no answer came back. Do not cancel it again: look the order number up, or use “Check unknown outcomes” in the history, when the network is back.</source>
            <translation>취소 여부를 알 수 없습니다(결과 확인 필요): 발행취소 요청은 보냈지만 응답을 받지 못했습니다. 다시 취소하지 마세요. 네트워크가 복구되면 주문번호를 조회하거나, 처리 기록에서 “결과 확인 필요 건 조회”를 누르세요.</translation>
        </message>
        <message>
            <source>Do not cancel it again: look the order number up, or use “Check unknown outcomes” in the history.</source>
            <translation>다시 취소하지 마세요: 주문번호를 조회하거나 처리 기록에서 “결과 확인 필요 건 조회”를 누르세요.</translation>
        </message>
    </context>
    <context>
        <name>NetworkDialog</name>
        <message>
            <source>Network</source>
            <translation>네트워크</translation>
        </message>
        <message>
            <source>Store's host:</source>
            <translation>상점 API 호스트:</translation>
        </message>
        <message>
            <source>Requests go through:</source>
            <translation>요청 경로:</translation>
        </message>
        <message>
            <source>&amp;Proxy set by hand:</source>
            <translation>직접 지정한 프록시(&amp;P):</translation>
        </message>
        <message>
            <source>e.g. http://proxy.example:8080</source>
            <translation>예: http://proxy.example:8080</translation>
        </message>
        <message>
            <source>Proxy set by hand</source>
            <translation>직접 지정한 프록시</translation>
        </message>
        <message>
            <source>Leave it empty to use the proxy of Windows or macOS, or of the environment (HTTPS_PROXY). A user name or password is not kept here.</source>
            <translation>비워 두면 Windows 또는 macOS의 프록시나 환경 변수(HTTPS_PROXY)의 프록시를 사용합니다. 사용자 이름과 비밀번호는 여기에 저장하지 않습니다.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>저장(&amp;S)</translation>
        </message>
        <message>
            <source>C&amp;lear</source>
            <translation>지우기(&amp;L)</translation>
        </message>
        <message>
            <source>a direct connection (no proxy)</source>
            <translation>직접 연결(프록시 없음)</translation>
        </message>
        <message>
            <source>{0} (set by hand)</source>
            <translation>{0} (직접 지정)</translation>
        </message>
        <message>
            <source>{0} (from the system or the environment)</source>
            <translation>{0} (시스템 또는 환경 변수 설정)</translation>
        </message>
        <message>
            <source>The proxy must look like http://proxy.example:8080 (http or https, a host and a port, no user name or password).</source>
            <translation>프록시는 http://proxy.example:8080 형식이어야 합니다(http 또는 https, 호스트와 포트, 사용자 이름과 비밀번호 없이).</translation>
        </message>
    </context>
    <context>
        <name>Notes</name>
        <message>
            <source>Interrupted (the app closed or crashed)</source>
            <translation>중단됨 (앱이 닫히거나 비정상 종료됨)</translation>
        </message>
        <message>
            <source>No answer came back</source>
            <translation>응답을 받지 못함</translation>
        </message>
        <message>
            <source>The answer did not show a cancellation time</source>
            <translation>응답에 취소 시각이 없음</translation>
        </message>
        <message>
            <source>PortOne could not be reached</source>
            <translation>PortOne에 연결할 수 없음</translation>
        </message>
        <message>
            <source>An answer that was not PortOne's came back</source>
            <translation>PortOne의 응답이 아닌 응답을 받음</translation>
        </message>
        <message>
            <source>Internal error (see the log file)</source>
            <translation>내부 오류 (로그 파일 확인)</translation>
        </message>
        <message>
            <source>Confirmed by lookup</source>
            <translation>조회로 확인됨</translation>
        </message>
        <message>
            <source>Not cancelled (checked by lookup)</source>
            <translation>취소되지 않음 (조회로 확인)</translation>
        </message>
        <message>
            <source>The lookup answered about another order; still to be checked</source>
            <translation>조회 응답이 다른 주문에 대한 것이어서 아직 확인이 필요함</translation>
        </message>
        <message>
            <source>The lookup failed; still to be checked</source>
            <translation>조회에 실패하여 아직 확인이 필요함</translation>
        </message>
        <message>
            <source>Not issued (checked by lookup)</source>
            <translation>발행되지 않음 (조회로 확인)</translation>
        </message>
    </context>
    <context>
        <name>Outcome</name>
        <message>
            <source>In progress</source>
            <translation>진행 중</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>취소됨</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>실패</translation>
        </message>
        <message>
            <source>Unknown - check</source>
            <translation>결과 확인 필요</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>발행됨</translation>
        </message>
        <message>
            <source>Not issued</source>
            <translation>발행 안 됨</translation>
        </message>
    </context>
    <context>
        <name>Practice</name>
        <message>
            <source>Can be cancelled · 33,000 won · individual (income deduction)</source>
            <translation>정상 취소 가능 · 33,000원 · 개인(소득공제)</translation>
        </message>
        <message>
            <source>Can be cancelled · 1,250,000 won · business (proof of expense)</source>
            <translation>정상 취소 가능 · 1,250,000원 · 사업자(지출증빙)</translation>
        </message>
        <message>
            <source>Already cancelled (nothing to cancel)</source>
            <translation>이미 취소된 영수증 (취소할 것 없음)</translation>
        </message>
        <message>
            <source>The answer to a cancellation takes 4 seconds (a slow PG)</source>
            <translation>취소 응답이 4초 걸림 (느린 PG)</translation>
        </message>
        <message>
            <source>The PG refuses the cancellation (500, always)</source>
            <translation>PG사가 취소를 거절 (500, 항상 실패)</translation>
        </message>
        <message>
            <source>A PG that cannot cancel cash receipts through PortOne (501)</source>
            <translation>PortOne을 통해 현금영수증을 취소할 수 없는 PG사 (501)</translation>
        </message>
        <message>
            <source>Cancelled, but the answer is lost (outcome unknown; a lookup finds it cancelled)</source>
            <translation>취소는 되었으나 응답이 끊김 (결과 확인 필요, 조회하면 취소됨)</translation>
        </message>
        <message>
            <source>An order number in Hangul</source>
            <translation>한글 주문번호</translation>
        </message>
        <message>
            <source>An order number with special characters (/, space, #, ?)</source>
            <translation>특수문자(/, 공백, #, ?)가 들어간 주문번호</translation>
        </message>
        <message>
            <source>A receipt of the sub-merchant (Tier DM1): picks the store 데모 하위상점</source>
            <translation>하위상점(Tier DM1) 소속 영수증: 데모 하위상점을 선택합니다</translation>
        </message>
        <message>
            <source>Never issued (404)</source>
            <translation>발급 내역 없음 (404)</translation>
        </message>
        <message>
            <source>To correct: issued for income deduction instead of proof of expense, to a wrong phone number · 55,000 won</source>
            <translation>정정 연습: 지출증빙이어야 할 영수증이 소득공제로, 잘못된 휴대폰번호에 발급됨 · 55,000원</translation>
        </message>
        <message>
            <source>To correct: a 20-digit order number issued with the wrong amount (9,900 won, to issue again as 99,000 won)</source>
            <translation>정정 연습: 20자리 주문번호, 금액을 잘못 발급함 (9,900원 → 99,000원으로 재발행)</translation>
        </message>
        <message>
            <source>The PG refuses the cancellation (502 PG_PROVIDER, always)</source>
            <translation>PG사가 취소를 거절 (502 PG_PROVIDER, 항상 실패)</translation>
        </message>
        <message>
            <source>Cancelled, but the answer is lost (sent again with the same Idempotency-Key, or looked up, it is found cancelled)</source>
            <translation>취소는 되었으나 응답이 끊김 (같은 Idempotency-Key로 다시 보내거나 조회하면 취소됨)</translation>
        </message>
        <message>
            <source>A receipt whose issue failed (ISSUE_FAILED, nothing to cancel)</source>
            <translation>발급 실패한 영수증 (ISSUE_FAILED, 취소할 것 없음)</translation>
        </message>
        <message>
            <source>A payment ID in Hangul</source>
            <translation>한글 결제번호</translation>
        </message>
        <message>
            <source>A payment ID with special characters (/, space, #, ?, %, +)</source>
            <translation>특수문자(/, 공백, #, ?, %, +)가 들어간 결제번호</translation>
        </message>
        <message>
            <source>A receipt of the branch store (storeId)</source>
            <translation>지점 상점(storeId) 소속 영수증</translation>
        </message>
        <message>
            <source>Never issued (404 CASH_RECEIPT_NOT_FOUND)</source>
            <translation>발급 내역 없음 (404 CASH_RECEIPT_NOT_FOUND)</translation>
        </message>
    </context>
    <context>
        <name>PracticeOrders</name>
        <message>
            <source>DEMO - connected to the built-in PortOne simulator. No real receipt is cancelled, and this practice history is kept apart from the real one.</source>
            <translation>데모 - 내장 PortOne 시뮬레이터에 연결되어 있습니다. 실제 영수증은 취소되지 않으며, 이 연습용 처리 기록은 실제 기록과 따로 보관됩니다.</translation>
        </message>
        <message>
            <source>Practice order numbers</source>
            <translation>연습용 주문번호</translation>
        </message>
        <message>
            <source>Practice order &amp;numbers (double-click or Enter to use):</source>
            <translation>연습용 주문번호 (두 번 클릭하거나 Enter 키를 누르면 입력됩니다)(&amp;N):</translation>
        </message>
    </context>
    <context>
        <name>ProfileForm</name>
        <message>
            <source>API &amp;version:</source>
            <translation>API 버전(&amp;V):</translation>
        </message>
        <message>
            <source>Profile na&amp;me:</source>
            <translation>프로필 이름(&amp;M):</translation>
        </message>
        <message>
            <source>REST API &amp;key:</source>
            <translation>REST API 키(&amp;K):</translation>
        </message>
        <message>
            <source>REST API s&amp;ecret:</source>
            <translation>REST API 시크릿(&amp;E):</translation>
        </message>
        <message>
            <source>&amp;Tier code:</source>
            <translation>Tier 코드(&amp;T):</translation>
        </message>
        <message>
            <source>V2 API s&amp;ecret:</source>
            <translation>V2 API 시크릿(&amp;E):</translation>
        </message>
        <message>
            <source>Store &amp;ID:</source>
            <translation>상점 아이디(&amp;I):</translation>
        </message>
        <message>
            <source>Channel ke&amp;y:</source>
            <translation>채널 키(&amp;Y):</translation>
        </message>
        <message>
            <source>API &amp;host:</source>
            <translation>API 호스트(&amp;H):</translation>
        </message>
        <message>
            <source>e.g. Gangnam branch</source>
            <translation>예: 강남점</translation>
        </message>
        <message>
            <source>REST API key</source>
            <translation>REST API 키</translation>
        </message>
        <message>
            <source>REST API secret</source>
            <translation>REST API 시크릿</translation>
        </message>
        <message>
            <source>optional, 3 characters</source>
            <translation>하위상점용, 선택 사항, 3자리</translation>
        </message>
        <message>
            <source>V2 API secret</source>
            <translation>V2 API 시크릿</translation>
        </message>
        <message>
            <source>optional, store-xxxxxxxx-...</source>
            <translation>선택 사항, store-xxxxxxxx-...</translation>
        </message>
        <message>
            <source>optional, channel-key-...</source>
            <translation>선택 사항, channel-key-...</translation>
        </message>
        <message>
            <source>The REST API key and secret are in the PortOne console under {0}.</source>
            <translation>REST API 키와 시크릿은 PortOne 관리자 콘솔의 {0}에서 확인하세요.</translation>
        </message>
        <message>
            <source>The V2 API secret is in the PortOne console under {0}.</source>
            <translation>V2 API 시크릿은 PortOne 관리자 콘솔의 {0}에서 확인하세요.</translation>
        </message>
        <message>
            <source>Only when the secret's account has several stores; else leave it empty.</source>
            <translation>시크릿의 계정에 상점이 여러 개일 때만 입력하고, 아니면 비워 두세요.</translation>
        </message>
        <message>
            <source>Needed only to re-issue a corrected receipt; in the PortOne console under {0}.</source>
            <translation>정정 재발행에만 필요합니다. PortOne 관리자 콘솔의 {0}에서 확인하세요.</translation>
        </message>
        <message>
            <source>Profile name</source>
            <translation>프로필 이름</translation>
        </message>
        <message>
            <source>Tier code</source>
            <translation>Tier 코드</translation>
        </message>
        <message>
            <source>Store ID</source>
            <translation>상점 아이디</translation>
        </message>
        <message>
            <source>Channel key</source>
            <translation>채널 키</translation>
        </message>
        <message>
            <source>API host</source>
            <translation>API 호스트</translation>
        </message>
        <message>
            <source>is empty.</source>
            <translation>항목이 비어 있습니다.</translation>
        </message>
        <message>
            <source>must not contain spaces or line breaks.</source>
            <translation>항목에는 공백이나 줄바꿈을 넣을 수 없습니다.</translation>
        </message>
        <message>
            <source>contains invisible control characters.</source>
            <translation>항목에 보이지 않는 제어 문자가 들어 있습니다.</translation>
        </message>
        <message>
            <source>may only contain English letters, digits and symbols.</source>
            <translation>항목에는 영문자, 숫자, 기호만 쓸 수 있습니다.</translation>
        </message>
        <message>
            <source>is already used by another profile.</source>
            <translation>항목의 값을 이미 다른 프로필에서 사용하고 있습니다.</translation>
        </message>
        <message>
            <source>is too long.</source>
            <translation>항목이 너무 깁니다.</translation>
        </message>
        <message>
            <source>is too short; copy all of it.</source>
            <translation>항목이 너무 짧습니다. 전체를 복사해 넣으세요.</translation>
        </message>
        <message>
            <source>is not in the expected format.</source>
            <translation>항목의 형식이 올바르지 않습니다.</translation>
        </message>
        <message>
            <source>must be exactly 3 capital letters or digits (e.g. AB1).</source>
            <translation>항목은 영문 대문자 또는 숫자 3자리여야 합니다(예: AB1).</translation>
        </message>
        <message>
            <source>must be an https:// address.</source>
            <translation>항목은 https:// 주소여야 합니다.</translation>
        </message>
        <message>
            <source>of a V2 store must be https://api.portone.io.</source>
            <translation>항목은 V2 상점이면 https://api.portone.io 이어야 합니다.</translation>
        </message>
        <message>
            <source>looks like an access token, which expires; enter the API secret.</source>
            <translation>항목에 만료되는 액세스 토큰이 들어 있는 것 같습니다. API 시크릿을 입력하세요.</translation>
        </message>
        <message>
            <source>must look like store-xxxxxxxx-xxxx-...</source>
            <translation>항목은 store-xxxxxxxx-xxxx-... 형식이어야 합니다.</translation>
        </message>
        <message>
            <source>must look like channel-key-xxxxxxxx-xxxx-...</source>
            <translation>항목은 channel-key-xxxxxxxx-xxxx-... 형식이어야 합니다.</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>찾는 위치(&amp;L):</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>파일 형식(&amp;T):</translation>
        </message>
    </context>
    <context>
        <name>ReceiptType</name>
        <message>
            <source>Income deduction (individual)</source>
            <translation>소득공제(개인)</translation>
        </message>
        <message>
            <source>Proof of expense (business)</source>
            <translation>지출증빙(사업자)</translation>
        </message>
    </context>
    <context>
        <name>ReceiptView</name>
        <message>
            <source>Cash receipt</source>
            <translation>현금영수증</translation>
        </message>
        <message>
            <source>Co&amp;py link</source>
            <translation>링크 복사(&amp;P)</translation>
        </message>
        <message>
            <source>Copy the receipt link</source>
            <translation>영수증 링크 복사</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>주문번호</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>금액</translation>
        </message>
        <message>
            <source>VAT</source>
            <translation>부가세</translation>
        </message>
        <message>
            <source>Issued for</source>
            <translation>발행 용도</translation>
        </message>
        <message>
            <source>Link copied.</source>
            <translation>링크를 복사했습니다.</translation>
        </message>
        <message>
            <source>Approval number</source>
            <translation>승인번호</translation>
        </message>
        <message>
            <source>PG receipt id</source>
            <translation>PG 영수증 ID</translation>
        </message>
        <message>
            <source>Issued at</source>
            <translation>발행 시각</translation>
        </message>
        <message>
            <source>Cancelled at</source>
            <translation>취소 시각</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>영수증</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>취소됨</translation>
        </message>
        <message>
            <source>Issued (not cancelled)</source>
            <translation>발행됨 (취소 안 됨)</translation>
        </message>
        <message>
            <source>This link cannot be opened safely.</source>
            <translation>이 링크는 안전하게 열 수 없습니다.</translation>
        </message>
        <message>
            <source>Outcome unknown: it may be cancelled</source>
            <translation>결과 확인 필요: 취소되었을 수 있습니다</translation>
        </message>
    </context>
    <context>
        <name>RecentAttempts</name>
        <message>
            <source>Recent attempts:</source>
            <translation>최근 처리 내역:</translation>
        </message>
        <message>
            <source>Check &amp;unknown outcomes</source>
            <translation>결과 확인 필요 건 조회(&amp;U)</translation>
        </message>
        <message>
            <source>Full histor&amp;y...</source>
            <translation>전체 처리 기록(&amp;Y)...</translation>
        </message>
        <message>
            <source>Recent attempts</source>
            <translation>최근 처리 내역</translation>
        </message>
        <message>
            <source>Time (KST)</source>
            <translation>시각 (KST)</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>주문번호</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>결과</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>금액</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>상세 내용</translation>
        </message>
        <message>
            <source>{0} attempt(s) with an unknown outcome</source>
            <translation>결과 확인 필요 {0}건</translation>
        </message>
    </context>
    <context>
        <name>Reconcile</name>
        <message>
            <source>Checked {0} attempt(s) by lookup: {1} cancelled, {2} not cancelled (you can try those again).</source>
            <translation>{0}건을 조회로 확인했습니다. 취소됨 {1}건, 취소되지 않음 {2}건입니다 (취소되지 않은 건은 다시 시도할 수 있습니다).</translation>
        </message>
    </context>
    <context>
        <name>Records</name>
        <message>
            <source>Not recorded</source>
            <translation>기록 없음</translation>
        </message>
        <message>
            <source>Transaction cancelled</source>
            <translation>거래취소</translation>
        </message>
        <message>
            <source>Issued in error</source>
            <translation>오류발급</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>기타</translation>
        </message>
        <message>
            <source>&amp;Transaction cancelled</source>
            <translation>거래취소(&amp;T)</translation>
        </message>
        <message>
            <source>Issued in &amp;error</source>
            <translation>오류발급(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Other (write a memo)</source>
            <translation>기타 (메모 필요)(&amp;O)</translation>
        </message>
        <message>
            <source>Reason for cancelling</source>
            <translation>취소 사유</translation>
        </message>
        <message>
            <source>&amp;Memo:</source>
            <translation>메모(&amp;M):</translation>
        </message>
        <message>
            <source>Why (needed for Other)</source>
            <translation>사유 (기타는 필수)</translation>
        </message>
        <message>
            <source>{0} is chosen; choose another reason if it does not fit.</source>
            <translation>선택된 사유: {0}. 맞지 않으면 다른 사유를 선택하세요.</translation>
        </message>
        <message>
            <source>The reason Other needs a short memo: write one, or choose another reason.</source>
            <translation>기타 사유에는 짧은 메모가 필요합니다. 메모를 쓰거나 다른 사유를 선택하세요.</translation>
        </message>
        <message>
            <source>The memo is too long: shorten it to {0} characters or fewer.</source>
            <translation>메모가 너무 깁니다. {0}자 이하로 줄이세요.</translation>
        </message>
        <message>
            <source>The memo contains an invisible control character: type it again.</source>
            <translation>메모에 보이지 않는 제어 문자가 있습니다. 다시 입력하세요.</translation>
        </message>
        <message>
            <source>Reason: {0} ({1})</source>
            <translation>취소 사유: {0} ({1})</translation>
        </message>
        <message>
            <source>Reason: {0}</source>
            <translation>취소 사유: {0}</translation>
        </message>
        <message>
            <source>Re-issue</source>
            <translation>정정 재발행</translation>
        </message>
        <message>
            <source>Cancellation</source>
            <translation>발행취소</translation>
        </message>
        <message>
            <source>From the lookup</source>
            <translation>조회 결과</translation>
        </message>
        <message>
            <source>From PortOne's answer</source>
            <translation>PortOne 응답</translation>
        </message>
        <message>
            <source>As requested</source>
            <translation>발행 요청값</translation>
        </message>
        <message>
            <source>Row number</source>
            <translation>기록 번호</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>작업</translation>
        </message>
        <message>
            <source>Cancellation reason</source>
            <translation>취소 사유</translation>
        </message>
        <message>
            <source>Reason memo</source>
            <translation>사유 메모</translation>
        </message>
        <message>
            <source>Linked row number</source>
            <translation>연결된 기록 번호</translation>
        </message>
        <message>
            <source>Receipt details from</source>
            <translation>영수증 정보 출처</translation>
        </message>
        <message>
            <source>Originally issued at (KST)</source>
            <translation>원 발행 시각 (KST)</translation>
        </message>
        <message>
            <source>API</source>
            <translation>API 종류</translation>
        </message>
        <message>
            <source>Customer identifier (masked)</source>
            <translation>고객 식별번호(가림)</translation>
        </message>
        <message>
            <source>Error type</source>
            <translation>오류 유형</translation>
        </message>
        <message>
            <source>PG code</source>
            <translation>PG 코드</translation>
        </message>
        <message>
            <source>PG message</source>
            <translation>PG 메시지</translation>
        </message>
        <message>
            <source>History</source>
            <translation>처리 기록</translation>
        </message>
    </context>
    <context>
        <name>Reissue</name>
        <message>
            <source>Correct and issue again</source>
            <translation>정정 재발행</translation>
        </message>
        <message>
            <source>The cash receipt of order {0} was cancelled. Enter the right details and issue it again: who it is for, the customer's number or the amount.</source>
            <translation>주문 {0}의 현금영수증은 발행취소되었습니다. 올바른 내용(발행 용도, 고객 번호, 금액)을 입력해 다시 발행하세요.</translation>
        </message>
        <message>
            <source>Order number:</source>
            <translation>주문번호:</translation>
        </message>
        <message>
            <source>Issued &amp;for:</source>
            <translation>발행 용도(&amp;F):</translation>
        </message>
        <message>
            <source>&amp;Kind of number:</source>
            <translation>번호 종류(&amp;K):</translation>
        </message>
        <message>
            <source>Customer's n&amp;umber:</source>
            <translation>고객 번호(&amp;U):</translation>
        </message>
        <message>
            <source>&amp;Amount (won):</source>
            <translation>금액(원)(&amp;A):</translation>
        </message>
        <message>
            <source>&amp;VAT (won):</source>
            <translation>부가세(원)(&amp;V):</translation>
        </message>
        <message>
            <source>&amp;Item name:</source>
            <translation>품목명(&amp;I):</translation>
        </message>
        <message>
            <source>Digits only, without hyphens</source>
            <translation>하이픈 없이 숫자만</translation>
        </message>
        <message>
            <source>Empty: PortOne computes it (1/11)</source>
            <translation>비워 두면 PortOne이 계산합니다(1/11)</translation>
        </message>
        <message>
            <source>As on the sale, e.g. office supplies</source>
            <translation>판매 내역대로, 예: 사무용품</translation>
        </message>
        <message>
            <source>The number is shown masked except while you edit it. Hyphens and spaces are left out of what is sent.</source>
            <translation>번호는 입력하는 동안에만 보이고 그 밖에는 가려집니다. 하이픈과 공백은 빼고 보냅니다.</translation>
        </message>
        <message>
            <source>&amp;Next</source>
            <translation>다음(&amp;N)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>뒤로(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Don't issue</source>
            <translation>발행하지 않음(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Issue the receipt</source>
            <translation>영수증 발행(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Issue under {0}</source>
            <translation>{0}(으)로 발행(&amp;I)</translation>
        </message>
        <message>
            <source>Enter the amount of the receipt in won.</source>
            <translation>영수증 금액을 원 단위로 입력하세요.</translation>
        </message>
        <message>
            <source>The amount must be more than 0 won.</source>
            <translation>금액은 0원보다 커야 합니다.</translation>
        </message>
        <message>
            <source>Type the amount as a whole number of won, digits only (commas are allowed).</source>
            <translation>금액은 원 단위 정수로, 숫자만 입력하세요(쉼표는 써도 됩니다).</translation>
        </message>
        <message>
            <source>The amount is too large. Check it.</source>
            <translation>금액이 너무 큽니다. 확인하세요.</translation>
        </message>
        <message>
            <source>Type the VAT as a whole number of won, or leave it empty for PortOne to compute.</source>
            <translation>부가세는 원 단위 정수로 입력하거나, PortOne이 계산하도록 비워 두세요.</translation>
        </message>
        <message>
            <source>The VAT cannot be more than the amount. Check it.</source>
            <translation>부가세는 금액보다 클 수 없습니다. 확인하세요.</translation>
        </message>
        <message>
            <source>Enter the item name, as on the sale.</source>
            <translation>판매 내역대로 품목명을 입력하세요.</translation>
        </message>
        <message>
            <source>The item name contains an invisible character. Type it again.</source>
            <translation>품목명에 보이지 않는 문자가 들어 있습니다. 다시 입력하세요.</translation>
        </message>
        <message>
            <source>The item name is too long: keep it under 100 characters.</source>
            <translation>품목명이 너무 깁니다. 100자 이내로 줄이세요.</translation>
        </message>
        <message>
            <source>This value cannot be used. Check it.</source>
            <translation>이 값은 쓸 수 없습니다. 확인하세요.</translation>
        </message>
        <message>
            <source>Issue the receipt under the new order number?</source>
            <translation>새 주문번호로 영수증을 발행할까요?</translation>
        </message>
        <message>
            <source>Issue this cash receipt?</source>
            <translation>이 현금영수증을 발행할까요?</translation>
        </message>
        <message>
            <source>A cash receipt is reported to the National Tax Service once issued; a wrong one has to be cancelled again. Check every line.</source>
            <translation>현금영수증은 발행되면 국세청에 신고되고, 잘못 발행하면 다시 취소해야 합니다. 한 줄씩 확인하세요.</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>주문번호</translation>
        </message>
        <message>
            <source>Issued for</source>
            <translation>발행 용도</translation>
        </message>
        <message>
            <source>Customer's number</source>
            <translation>고객 번호</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>금액</translation>
        </message>
        <message>
            <source>VAT</source>
            <translation>부가세</translation>
        </message>
        <message>
            <source>Item name</source>
            <translation>품목명</translation>
        </message>
        <message>
            <source>computed by PortOne (1/11)</source>
            <translation>PortOne이 계산(1/11)</translation>
        </message>
        <message>
            <source>Issuing the cash receipt of {0}... Its answer is awaited; do not close the app.</source>
            <translation>{0}의 현금영수증을 발행하는 중입니다... 응답을 기다리고 있으니 앱을 닫지 마세요.</translation>
        </message>
        <message>
            <source>The receipt is being issued: wait for PortOne's answer before closing.</source>
            <translation>영수증을 발행하는 중입니다. PortOne의 응답을 받은 뒤 닫으세요.</translation>
        </message>
        <message>
            <source>Nothing was issued.</source>
            <translation>발행하지 않았습니다.</translation>
        </message>
        <message>
            <source>Correct and &amp;issue again...</source>
            <translation>정정 재발행(&amp;I)...</translation>
        </message>
        <message>
            <source>Corr&amp;ect and issue again...</source>
            <translation>정정 재발행(&amp;E)...</translation>
        </message>
        <message>
            <source>Opens a form prefilled from the selected cancellation, to issue the receipt again with the right details. The new row is linked to this one.</source>
            <translation>선택한 취소 기록의 내용으로 채운 양식을 열어, 올바른 내용으로 영수증을 다시 발행합니다. 새 기록은 이 기록과 연결됩니다.</translation>
        </message>
        <message>
            <source>Opens a form prefilled from the cancelled receipt shown above, to issue it again with the right details.</source>
            <translation>위에 표시된 발행취소 영수증의 내용이 채워진 양식을 열어, 올바른 내용으로 다시 발행합니다.</translation>
        </message>
        <message>
            <source>This attempt belongs to the store {0}: choose that store first.</source>
            <translation>이 시도는 상점 {0}의 것입니다. 먼저 그 상점을 선택하세요.</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <source>Go to the order number field</source>
            <translation>주문번호 입력란으로 이동</translation>
        </message>
        <message>
            <source>Look up the receipt (in the order number field)</source>
            <translation>영수증 조회 (주문번호 입력란에서)</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter 키</translation>
        </message>
        <message>
            <source>Cancel the receipt shown (asks first)</source>
            <translation>표시된 영수증 발행취소 (먼저 확인함)</translation>
        </message>
        <message>
            <source>Copy the receipt link</source>
            <translation>영수증 링크 복사</translation>
        </message>
        <message>
            <source>Store profiles and API keys</source>
            <translation>상점 프로필 및 API 키</translation>
        </message>
        <message>
            <source>Open the audit history</source>
            <translation>처리 기록 열기</translation>
        </message>
        <message>
            <source>Check attempts with an unknown outcome</source>
            <translation>결과 확인 필요 건 조회</translation>
        </message>
        <message>
            <source>Stop waiting for a lookup (not for a cancellation)</source>
            <translation>조회 기다림 멈추기 (발행취소는 멈출 수 없음)</translation>
        </message>
        <message>
            <source>Show this list of shortcuts</source>
            <translation>이 단축키 목록 보기</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>끝내기</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>단축키</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>키</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>동작</translation>
        </message>
        <message>
            <source>Alt plus an underlined letter activates that button or field.</source>
            <translation>Alt 키와 밑줄 친 글자를 함께 누르면 해당 버튼이나 입력란으로 바로 이동합니다.</translation>
        </message>
    </context>
    <context>
        <name>StatusArea</name>
        <message>
            <source>Status message</source>
            <translation>상태 메시지</translation>
        </message>
    </context>
    <context>
        <name>StoreApi</name>
        <message>
            <source>PortOne V1 store (iamport)</source>
            <translation>PortOne V1 상점 (아임포트)</translation>
        </message>
        <message>
            <source>PortOne V2 store</source>
            <translation>PortOne V2 상점</translation>
        </message>
        <message>
            <source>V1 (REST API key)</source>
            <translation>V1 (REST API 키)</translation>
        </message>
        <message>
            <source>V2 (API Secret)</source>
            <translation>V2 (API 시크릿)</translation>
        </message>
        <message>
            <source>{0} [{1}, Tier {2}]</source>
            <translation>{0} [{1}, Tier 코드 {2}]</translation>
        </message>
    </context>
</TS>
