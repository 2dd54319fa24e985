import type { BuiltInAdminId } from '@/utils/shared/store-admins';
import { cafe24Admin } from './cafe24';
import { godomallAdmin } from './godomall';
import { smartstoreAdmin } from './smartstore';
import type { AdminLocator } from './types';

/**
 * Every built-in admin with its locator: a descriptor in utils/shared/store-admins.ts without a locator (or
 * a locator for another admin) does not compile. Content scripts import their own admin's file, not this
 * one, which would load every locator.
 */
export const BUILT_IN_LOCATORS: { [Id in BuiltInAdminId]: AdminLocator<Id> } = {
  smartstore: smartstoreAdmin,
  cafe24: cafe24Admin,
  godomall: godomallAdmin,
};
