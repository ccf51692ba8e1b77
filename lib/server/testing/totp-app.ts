import { setTimeout as sleep } from "node:timers/promises";
import { Secret, TOTP } from "otpauth";

const PERIOD_MS = 30_000;
const lastStep = new Map<string, number>();

/**
 * The next code of an authenticator app holding `key`, as a person would read it: the
 * current one, unless it was already used in this run (the portal refuses a replay), then
 * the next step's (accepted as clock drift), else it waits for the clock to move on.
 */
export async function nextCode(key: string): Promise<string> {
  const plain = key.replace(/\s/g, "");
  const totp = new TOTP({ secret: Secret.fromBase32(plain), algorithm: "SHA1", digits: 6, period: PERIOD_MS / 1000 });
  for (;;) {
    const now = Math.floor(Date.now() / PERIOD_MS);
    const step = Math.max(now, (lastStep.get(plain) ?? -1) + 1);
    if (step <= now + 1) {
      lastStep.set(plain, step);
      return totp.generate({ timestamp: step * PERIOD_MS });
    }
    await sleep((now + 1) * PERIOD_MS - Date.now() + 50);
  }
}

/** A code of a step already used: what a replay looks like. */
export function usedCode(key: string): string {
  const plain = key.replace(/\s/g, "");
  const step = lastStep.get(plain);
  if (step === undefined) throw new Error("no code of this key was used yet");
  return new TOTP({ secret: Secret.fromBase32(plain), algorithm: "SHA1", digits: 6, period: PERIOD_MS / 1000 }).generate({ timestamp: step * PERIOD_MS });
}
