import { ConfigError, loadConfig, type Config } from '../config.ts';
import { databaseFor } from '../runtime.ts';
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
