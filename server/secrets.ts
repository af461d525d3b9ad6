import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { parseKeyring, type Keyring } from './crypto/keyring.ts';

/** The secrets that must never sit in the database: a dump alone must reveal no tip content. */
export interface Secrets {
  tipKeys: Keyring;
  receiptSecret: Buffer;
  altchaSecret: string;
}

interface SecretsFile {
  tipEncryptionKeys: string;
  receiptSecret: string;
  altchaSecret: string;
}

const SECRETS_FILE = 'secrets.json';

/**
 * Secrets from the configuration, or — for what is not configured — from DATA_DIR/secrets.json, which is
 * generated on first start with mode 0600. Production should configure them (and back them up apart
 * from the database): without the keys, encrypted tips cannot be read.
 */
export function loadSecrets(config: Config): { secrets: Secrets; generatedFile: string | null } {
  let file: SecretsFile | null = null;
  let generatedFile: string | null = null;
  const needsFile = !config.tipEncryptionKeys || !config.receiptSecret || !config.altchaSecret;
  if (needsFile) {
    const path = join(config.dataDir, SECRETS_FILE);
    if (existsSync(path)) {
      file = JSON.parse(readFileSync(path, 'utf8')) as SecretsFile;
    } else {
      file = {
        tipEncryptionKeys: `k1:${randomBytes(32).toString('base64')}`,
        receiptSecret: randomBytes(32).toString('base64'),
        altchaSecret: randomBytes(32).toString('base64url'),
      };
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      generatedFile = path;
    }
    chmodSync(path, 0o600);
  }
  return {
    secrets: {
      tipKeys: parseKeyring(config.tipEncryptionKeys ?? file!.tipEncryptionKeys),
      receiptSecret: Buffer.from(config.receiptSecret ?? file!.receiptSecret, 'base64'),
      altchaSecret: config.altchaSecret ?? file!.altchaSecret,
    },
    generatedFile,
  };
}
