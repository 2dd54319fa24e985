import { describe, expect, it } from 'vitest';
import { firefoxTooOld } from '../../support/firefox';

const ESR = '/usr/bin/firefox-esr';

describe('the Firefox version check before the Firefox browser tests', () => {
  it('accepts the minimum itself and anything newer', () => {
    expect(firefoxTooOld('Mozilla Firefox 153.8.0esr\n', '140.0', ESR)).toBeNull();
    expect(firefoxTooOld('Mozilla Firefox 140.0esr', '140.0', ESR)).toBeNull();
    expect(firefoxTooOld('Mozilla Firefox 140.10.0esr', '140.9', ESR)).toBeNull();
  });

  it('refuses an older Firefox and says exactly what to install', () => {
    const problem = firefoxTooOld('Mozilla Firefox 128.14.0esr', '140.0', ESR);
    expect(problem).toContain('Firefox 128.14.0esr at /usr/bin/firefox-esr is older than 140.0');
    expect(problem).toContain('apt-get update && apt-get install firefox-esr');
    expect(firefoxTooOld('Mozilla Firefox 140.9.0esr', '140.10', ESR)).not.toBeNull();
  });

  it('refuses output it cannot read rather than guessing', () => {
    expect(firefoxTooOld('command not found', '140.0', ESR)).toContain('Could not read the version');
  });
});
