import { ConfigError, loadConfig, type Config } from '../config.ts';
import { readFile } from 'node:fs/promises';
import { CONSOLE_ACTOR } from '../outreach/access.ts';
import { importSchools } from '../outreach/school-import.ts';
import { seedRegistry } from '../units/seed.ts';
import { resealWithCurrentKey } from '../crypto/reseal.ts';
import { databaseFor } from '../runtime.ts';
import { loadSecrets } from '../secrets.ts';
import { purgeExpiredTips } from '../triage/retention.ts';
import { addUser, USER_ADD_USAGE } from './user-add.ts';

/**
 * `npm run cli -- <command> [--flag value]`: administration from the server's shell. Each command declares
 * its usage and runs against the configured database.
 */
interface Command {
  usage: string;
  summary: string;
  run(config: Config, flags: Map<string, string>): Promise<void>;
}

const commands: Record<string, Command> = {
  migrate: {
    usage: 'migrate',
    summary: 'Apply database migrations that are not applied yet (npm start does this too).',
    async run(config) {
      const database = databaseFor(config);
      try {
        await database.migrate();
        console.log(`Migrations applied (${database.kind}).`);
      } finally {
        await database.close();
      }
    },
  },
  'user:add': {
    usage: USER_ADD_USAGE,
    summary:
      'Create a staff account. Prints a one-time password (to change at the first sign-in) and the TOTP otpauth:// URI. ' +
      'officer and supervisor need --queue (codes, comma-separated: pc04, cax-16681); reporter needs --unit.',
    run: addUser,
  },
  'schools:import': {
    usage: 'schools:import --file F.csv',
    summary:
      'Import or update the school list (CSV: ma_truong,ten_truong,cap_hoc,ma_xa; UTF-8). Every bad line is named; nothing is imported if any line is bad.',
    async run(config, flags) {
      const file = flags.get('file');
      if (!file) throw new Error('Missing --file: the CSV school list to import.');
      const bytes = await readFile(file);
      const database = databaseFor(config);
      try {
        await database.migrate();
        await seedRegistry(database.db);
        const result = await importSchools(database.db, CONSOLE_ACTOR, bytes);
        if (!result.ok) {
          console.error(`Không nhập trường nào: ${result.errors.length} dòng lỗi.`);
          for (const error of result.errors) console.error(`  ${error.message}`);
          process.exitCode = 1;
          return;
        }
        console.log(`Đã nhập ${result.imported} trường (${result.created} trường mới, ${result.updated} trường cập nhật).`);
      } finally {
        await database.close();
      }
    },
  },
  'tips:purge': {
    usage: 'tips:purge',
    summary:
      'Remove the content of tips closed more than TIP_RETENTION_DAYS days ago (the server does this daily); statistics stay. Prints how many were purged.',
    async run(config) {
      const database = databaseFor(config);
      try {
        await database.migrate();
        const { purged, batches } = await purgeExpiredTips(database.db, { now: new Date(), retentionDays: config.tipRetentionDays });
        console.log(`Đã xoá nội dung của ${purged} tin đóng quá ${config.tipRetentionDays} ngày (${batches} đợt).`);
      } finally {
        await database.close();
      }
    },
  },
};

commands['keys:reseal'] = {
  usage: 'keys:reseal',
  summary:
    'Re-encrypt every tip, message, note and photo with the current (first) key of TIP_ENCRYPTION_KEYS, so an older key ' +
    'can then be removed. Prints the rows re-encrypted and the key ids still in use.',
  async run(config) {
    const { secrets } = loadSecrets(config);
    const database = databaseFor(config);
    try {
      await database.migrate();
      const result = await resealWithCurrentKey(database.db, secrets.tipKeys);
      const counts = Object.entries(result.resealed).map(([table, rows]) => `${table} ${rows}`);
      console.log(`Đã mã hóa lại bằng khóa "${secrets.tipKeys.currentKeyId}": ${counts.join(', ')}.`);
      console.log(`Khóa còn được dùng: ${result.keyIdsLeft.join(', ') || '(chưa có dữ liệu)'}.`);
    } finally {
      await database.close();
    }
  },
};

function help(): void {
  console.log('Usage: npm run cli -- <command> [options]\n\nCommands:');
  console.log('  help\n      List the commands.');
  for (const { usage, summary } of Object.values(commands)) console.log(`  ${usage}\n      ${summary}`);
}

export function parseFlags(args: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!;
    if (!name.startsWith('--')) throw new Error(`Unexpected argument "${name}": options look like --name value.`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`Option ${name} needs a value.`);
    flags.set(name.slice(2), value);
    i++;
  }
  return flags;
}

const [name = 'help', ...rest] = process.argv.slice(2);
if (name === 'help' || name === '--help') {
  help();
} else if (!commands[name]) {
  console.error(`Unknown command "${name}".`);
  help();
  process.exitCode = 64;
} else {
  try {
    await commands[name].run(loadConfig(), parseFlags(rest));
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
