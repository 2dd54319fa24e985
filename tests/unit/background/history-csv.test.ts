import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beginSend, completeSend, historyCsv, listHistory } from '@/utils/background/storage/history';

describe('history CSV', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps 16-digit order numbers as text, with buyer and product columns', async () => {
    const begun = await beginSend(
      {
        store: 'smartstore',
        orderNo: '2026112490000001',
        productOrderNo: '2026112400000001',
        recipientNickname: '민지',
        buyerName: '김민지',
        productName: '수제 딸기잼',
        templateId: 'shipped',
        templateName: '발송 완료',
      },
      { allowRepeat: false },
    );
    if (!begun.ok) throw new Error('expected ok');
    await completeSend(begun.record.id, { status: 'sent' });
    const [head, line] = historyCsv(await listHistory())
      .slice(1)
      .split('\r\n');
    expect(head).toBe(
      '시각(KST),주문번호,상품주문번호,구매자,상품,받는 사람,템플릿,채널,전화번호,비용(원),상태,도착,오류 코드,오류',
    );
    // ="…" is how a spreadsheet is told a cell is text; a bare 2026112400000001 would become 2.02611E+15.
    expect(line).toContain(
      ',"=""2026112490000001""","=""2026112400000001""",김민지,수제 딸기잼,민지,발송 완료,친구 메시지,,,보냄,,',
    );
  });

  it('never lets a page-written value become a formula through the text form', async () => {
    const begun = await beginSend(
      {
        store: 'custom',
        orderNo: '=1+1',
        productOrderNo: 'A-1',
        recipientNickname: '민지',
        templateId: 'shipped',
        templateName: '발송 완료',
      },
      { allowRepeat: false },
    );
    if (!begun.ok) throw new Error('expected ok');
    const csv = historyCsv(await listHistory());
    expect(csv).toContain(",'=1+1,A-1,");
  });
});
