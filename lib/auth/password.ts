import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, slow enough for attackers.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * A hash made once with OPTIONS (of a password nobody has): checking against it costs what checking
 * a real account costs. A constant, not built at the first use, which made the first log-in with an
 * unknown address after start-up take the time of a hash more than any other.
 */
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$FoNosp+6yMITpQoYnyyrzA$OB4Lnf/6LSzuxG8DEEMnUXTIrgmy+bMc3HmSJWjo2VQ";

/**
 * Verifies a password. With no stored hash (unknown e-mail) it still does the same work against a
 * dummy hash, so response time does not tell whether an account exists.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    await verify(DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
