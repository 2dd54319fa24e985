import { BAR_CSS } from './styles';

export interface BulkBar {
  update(count: number): void;
  remove(): void;
}

/** The floating "선택 주문 카톡 알림 (N)" button, shown while rows are ticked. */
export function createBulkBar(doc: Document, label: (n: number) => string, onClick: () => void): BulkBar {
  const host = doc.createElement('ordertalk-bulk');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BAR_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.dataset.testid = 'ordertalk-bulk';
  button.addEventListener('click', (event) => {
    if (event.isTrusted) onClick();
  });
  shadow.append(style, button);
  return {
    update(count) {
      if (count === 0) {
        host.remove();
        return;
      }
      button.textContent = label(count);
      if (!host.isConnected) doc.documentElement.append(host);
    },
    remove: () => host.remove(),
  };
}
