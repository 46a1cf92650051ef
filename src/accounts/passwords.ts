// Passwords are hashed with argon2id (memory-hard) and checked for strength before they are set.
import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended minimum: 19 MiB of memory, 2 passes. */
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

const COMMON = new Set([
  'password', 'password1', 'password123', '123456789012', 'qwertyuiopas', 'letmeinplease', 'iloveyou1234',
  'administrator', 'welcome12345', 'changeme1234', 'deedsdeedsdeeds', 'passwordpassword',
]);

/** Why a password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `it has ${password.length} characters; use at least ${MIN_PASSWORD_LENGTH}`;
  if (new Set(password).size < 5) return 'it repeats too few different characters';
  if (COMMON.has(password.toLowerCase())) return 'it is on the list of common passwords';
  if (password.toLowerCase().includes(username.toLowerCase()) && username.length >= 3) return 'it contains the user name';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so a wrong name costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  return dummyHash;
}
