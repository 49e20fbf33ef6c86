import { en, type Messages } from './messages-en';
import { zh } from './messages-zh';

export type { MessageKey, Messages } from './messages-en';

/** The dashboard's labels by language (one key set, checked by `Messages`). */
export const MESSAGES: Record<'en' | 'zh', Messages> = { en, zh };
