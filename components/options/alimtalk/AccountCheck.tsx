import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import { Field } from '@/components/ui/Field';
import type { Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';
import type { AlimtalkCheck } from '@/utils/shared/alimtalk-wire';
import { SENDER_NUMBER_PATTERN } from '@/utils/shared/settings-schema';

const won = (n: number) => `${n.toLocaleString('ko-KR')}${i18n.t('alimtalk.won')}`;

/** 연결 확인 (balance and the account's own prices), the channel picked from the account's, and the SMS fallback. */
export function AccountCheck(props: { model: OptionsModel; onStatus: (s: Status | undefined) => void }) {
  const { model } = props;
  const a = model.settings.alimtalk;
  const [check, setCheck] = useState<AlimtalkCheck>();
  const [busy, setBusy] = useState(false);
  const [sender, setSender] = useState(a.senderNumber);
  const senderDigits = sender.replace(/[\s-]/g, '');
  const senderError =
    senderDigits && !SENDER_NUMBER_PATTERN.test(senderDigits) ? i18n.t('alimtalk.senderFormat') : undefined;

  async function runCheck() {
    setBusy(true);
    props.onStatus(undefined);
    try {
      const c = await callBackground('alimtalk.check', {});
      setCheck(c);
      // One channel: nothing to choose.
      if (c.channels.length === 1 && a.channelId !== c.channels[0]!.channelId)
        await model.saveSettings({
          alimtalk: { channelId: c.channels[0]!.channelId, channelName: c.channels[0]!.name },
        });
      props.onStatus({
        tone: c.channels.length ? 'ok' : 'error',
        text: c.channels.length ? i18n.t('alimtalk.checkOk') : i18n.t('alimtalk.noChannels'),
      });
    } catch (err) {
      setCheck(undefined);
      props.onStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  async function pickChannel(channelId: string) {
    const c = check?.channels.find((x) => x.channelId === channelId);
    await model
      .saveSettings({ alimtalk: { channelId, channelName: c?.name ?? channelId } })
      .then(() => props.onStatus({ tone: 'ok', text: i18n.t('options.saved') }))
      .catch((err: unknown) => props.onStatus({ tone: 'error', ...optionsError(err) }));
  }

  async function saveSender(e: Event) {
    e.preventDefault();
    if (senderError) return;
    await model
      .saveSettings({ alimtalk: { senderNumber: senderDigits } })
      .then(() => props.onStatus({ tone: 'ok', text: i18n.t('options.saved') }))
      .catch((err: unknown) => props.onStatus({ tone: 'error', ...optionsError(err) }));
  }

  const channels =
    check?.channels ?? (a.channelId ? [{ channelId: a.channelId, name: a.channelName || a.channelId }] : []);
  return (
    <>
      <div class="ot-row" style={{ justifyContent: 'flex-start' }}>
        <button
          type="button"
          class="ot-secondary"
          data-testid="alimtalk-check"
          disabled={busy}
          aria-busy={busy}
          onClick={() => void runCheck()}
        >
          {i18n.t('alimtalk.check')}
        </button>
        {check && (
          <span data-testid="alimtalk-balance">
            {i18n.t('alimtalk.balance', {
              balance: won(check.balance + check.point),
              ata: won(check.prices.ata),
              sms: won(check.prices.sms),
            })}
          </span>
        )}
      </div>
      <div class="ot-field">
        <label for="alimtalk-channel">{i18n.t('alimtalk.channel')}</label>
        <select
          id="alimtalk-channel"
          data-testid="alimtalk-channel"
          value={a.channelId}
          disabled={!channels.length}
          onChange={(e) => void pickChannel(e.currentTarget.value)}
        >
          <option value="">
            {channels.length ? i18n.t('alimtalk.channelPick') : i18n.t('alimtalk.channelCheckFirst')}
          </option>
          {channels.map((c) => (
            <option key={c.channelId} value={c.channelId}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <form onSubmit={(e) => void saveSender(e)} noValidate>
        <Field
          id="alimtalk-sender"
          testId="alimtalk-sender"
          label={i18n.t('alimtalk.sender')}
          value={sender}
          onValue={setSender}
          help={i18n.t('alimtalk.senderHelp')}
          error={senderError}
          maxLength={20}
        />
        <label class="ot-check">
          <input
            type="checkbox"
            data-testid="alimtalk-sms-fallback"
            checked={a.smsFallback}
            disabled={!a.senderNumber}
            onChange={(e) => void model.saveSettings({ alimtalk: { smsFallback: e.currentTarget.checked } })}
          />{' '}
          {a.senderNumber ? i18n.t('alimtalk.smsFallback') : i18n.t('alimtalk.smsFallbackNeedsSender')}
        </label>
        <div class="ot-row" style={{ justifyContent: 'flex-start' }}>
          <button type="submit" class="ot-secondary" data-testid="alimtalk-sender-save" disabled={!!senderError}>
            {i18n.t('alimtalk.senderSave')}
          </button>
        </div>
      </form>
    </>
  );
}
