import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/messaging/client';
import { errorMessage } from '@/components/ui/localized';

export function TestSection(props: { enabled: boolean }) {
  const [passedAt, setPassedAt] = useState<number>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void callBackground('checklist.get', {}).then((c) => setPassedAt(c.sendToMeAt), () => undefined);
  }, []);

  async function sendToMe() {
    setBusy(true);
    try {
      await callBackground('send.toMe', {});
      setPassedAt((await callBackground('checklist.get', {})).sendToMeAt);
      setStatus({ ok: true, text: i18n.t('options.sentToMe') });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="ot-card" data-testid="options-section-test" aria-labelledby="test-h">
      <h2 id="test-h">{i18n.t('options.sectionTest')}</h2>
      <button class="ot-primary" data-testid="send-to-me" onClick={sendToMe} disabled={busy || !props.enabled}>{i18n.t('options.sendToMe')}</button>
      {passedAt && <p class="ot-ok" data-testid="send-to-me-passed">{i18n.t('options.testPassed', { date: new Date(passedAt).toLocaleString() })}</p>}
      {status && <p role="status" aria-live="polite" class={status.ok ? 'ot-ok' : 'ot-error'}>{status.text}</p>}
    </section>
  );
}
