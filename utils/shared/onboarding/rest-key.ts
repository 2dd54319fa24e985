import { REST_API_KEY_PATTERN } from '@/utils/shared/settings-schema';

export type RestKeyProblem = 'empty' | 'format';

/** Why a typed REST API key cannot be saved, if it cannot (Kakao keys: 32 lowercase hex characters). */
export function restKeyProblem(key: string): RestKeyProblem | undefined {
  const value = key.trim();
  if (!value) return 'empty';
  return REST_API_KEY_PATTERN.test(value) ? undefined : 'format';
}

/** A JavaScript key has the same shape; empty is allowed where it is optional. */
export function optionalKeyProblem(key: string): 'format' | undefined {
  return key.trim() === '' || REST_API_KEY_PATTERN.test(key.trim()) ? undefined : 'format';
}
