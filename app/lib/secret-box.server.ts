import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { config } from "~/config.server";

/**
 * Secrets the app must use later but never show again (destination header values, signing secrets),
 * sealed with AES-256-GCM under ENCRYPTION_KEY. The stored form is `v1:<iv>:<tag>:<ciphertext>`
 * (base64url); the version names algorithm and key, so a future key rotation can read both forms.
 * GCM's tag makes any edit of a stored value fail loudly instead of decrypting to garbage.
 */
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  override readonly name = "SecretBoxError";
}

export function sealSecret(plaintext: string, key: Buffer = config.encryptionKey): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(VERSION));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":");
}

export function openSecret(sealed: string, key: Buffer = config.encryptionKey): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split(":");
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
    throw new SecretBoxError("Not a sealed secret of a known version");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(VERSION));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new SecretBoxError("The sealed secret was altered or sealed with another key", { cause: error });
  }
}

const MASK = "••••";
/** Below this length even four characters give away too much of the secret. */
const SHORTEST_WITH_HINT = 12;

/** "••••1a2b": enough for a merchant to recognise which secret is stored, never enough to use it. */
export function maskSecret(plaintext: string): string {
  return plaintext.length >= SHORTEST_WITH_HINT ? MASK + plaintext.slice(-4) : MASK;
}

/** True for a value that is a mask, not a secret: a form sending back what it was shown. */
export function looksMasked(value: string): boolean {
  return value.startsWith(MASK);
}
