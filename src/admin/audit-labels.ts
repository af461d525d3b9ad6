import { vi } from '#shared/i18n/vi.ts';
import type { MessageKey } from '#shared/i18n/index.ts';

/**
 * A readable Vietnamese name for an audit action code ('tip.status.changed' → 'Đổi trạng thái tin'), from the
 * dictionary's `audit.action.*` keys; an action without a label reads as its code.
 */
export function auditActionLabel(t: (key: MessageKey) => string, action: string): string {
  const key = `audit.action.${action}`;
  return key in vi ? t(key as MessageKey) : action;
}
