import type { Role } from '#server/auth/actor.ts';
import type { UserSettings } from '#server/auth/users.ts';
import { listField, textField } from './forms.ts';

/** Role, queues and unit as the user form posts them. The role is unchecked here: settingsErrors names a bad one. */
export function settingsFromForm(form: FormData): UserSettings {
  return {
    role: textField(form, 'role') as Role,
    queueCodes: listField(form, 'queueCodes'),
    unitCode: textField(form, 'unitCode').trim() || null,
  };
}
