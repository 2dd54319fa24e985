import { startPopupCacheRead } from '@/utils/shared/popup-cache';

// Imported first by main.tsx: ES modules run in import order, so the popup's one storage read starts
// before Preact and zod are evaluated, and its answer is ready when they are.
export const earlyPopupCache = startPopupCacheRead();
