import argon2 from 'argon2';

/** argon2id with the OWASP minimum profile (19 MiB, 2 passes, 1 lane): strong, and quick enough on 2 cores. */
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against a throw-away hash when the account does not exist keeps the response time the same,
 * so sign-in timing does not reveal which emails have accounts.
 */
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('kringbouw-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}
