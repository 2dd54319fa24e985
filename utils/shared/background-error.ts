import type { WireError } from './reply';

// On its own so pages can tell a background refusal apart without loading the whole message map.
export class BackgroundError extends Error {
  constructor(readonly wire: WireError) {
    super(`${wire.code}: ${wire.en}`);
  }
}
