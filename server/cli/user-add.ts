import { ROLES, type Role } from '../auth/actor.ts';
import { newUserErrors, createUser } from '../auth/users.ts';
import type { Config } from '../config.ts';
import { databaseFor } from '../runtime.ts';
import { seedRegistry } from '../units/seed.ts';

export const USER_ADD_USAGE = 'user:add --username U --role officer|supervisor|admin|reporter [--queue Q[,Q2]] [--unit CODE]';

/** A validation failure: printed as it is, without a stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const KNOWN_FLAGS = new Set(['username', 'role', 'queue', 'unit']);

/** `npm run cli -- user:add ...`: the first administrator is made this way; the audit log names 'cli'. */
export async function addUser(config: Config, flags: Map<string, string>): Promise<void> {
  const unknown = [...flags.keys()].filter((flag) => !KNOWN_FLAGS.has(flag));
  if (unknown.length) throw new UsageError(`Unknown option --${unknown[0]}. Usage: ${USER_ADD_USAGE}`);
  const username = flags.get('username');
  const role = flags.get('role');
  if (!username) throw new UsageError(`--username is required. Usage: ${USER_ADD_USAGE}`);
  if (!role || !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
  const input = {
    username,
    role: role as Role,
    queueCodes: (flags.get('queue') ?? '')
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean),
    unitCode: flags.get('unit') ?? null,
  };
  const database = databaseFor(config);
  try {
    await database.migrate();
    // The queues must exist before a user can join one, even on a database the server never started on.
    await seedRegistry(database.db);
    const errors = await newUserErrors(database.db, input);
    const messages = Object.values(errors);
    if (messages.length) throw new UsageError(`Cannot create the user:\n  - ${messages.join('\n  - ')}`);
    const created = await createUser(database.db, input, 'cli');
    console.log(`Created ${created.user.role} "${created.user.username}" (${database.kind}).`);
    console.log(`One-time password: ${created.oneTimePassword}`);
    console.log(`TOTP URI: ${created.totpUri}`);
    console.log('Hand both over in person. At the first sign-in the user confirms a TOTP code and chooses a new password.');
  } finally {
    await database.close();
  }
}
