import { solveChallenge, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The single-use marks go to the rate-limit table in production; here a map counts them the
// same way (one count per use of a bucket key), so the tests need no database.
const counts = vi.hoisted(() => new Map<string, number>());
vi.mock("./rate-limit", () => ({
  countRequest: async (key: string) => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts.get(key)!;
  },
  clientAddress: (headers: Headers) => headers.get("x-forwarded-for") ?? "unknown",
}));

const { CHALLENGE_TTL_SECONDS, createProofChallenge, limitChallenges, verifyProofOfWork } = await import("./proof-of-work");

const encode = (challenge: Challenge, solution: Solution | null) =>
  Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString("base64");

async function solved(now = Date.now()) {
  const challenge = await createProofChallenge(now);
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("no solution");
  return { challenge, solution };
}

describe("proof of work", () => {
  let fresh: Awaited<ReturnType<typeof solved>>;

  beforeAll(async () => {
    vi.stubEnv("APP_SECRET", "proof-of-work-unit-test-secret-0123456789");
    vi.stubEnv("RATE_LIMIT_SUBMIT_VERIFIED", "3/600");
    fresh = await solved();
  });
  afterAll(() => vi.unstubAllEnvs());
  beforeEach(() => counts.clear());

  it("accepts a solved challenge of this server once", async () => {
    const payload = encode(fresh.challenge, fresh.solution);
    expect(await verifyProofOfWork(payload)).toBe("verified");
    expect(await verifyProofOfWork(payload)).toBe("replayed");
  });

  it("refuses a replay however the payload is re-encoded", async () => {
    const { challenge, solution } = fresh;
    expect(await verifyProofOfWork(encode(challenge, solution))).toBe("verified");
    const reordered = Buffer.from(JSON.stringify({ solution: { ...solution, time: 1 }, challenge })).toString("base64");
    expect(await verifyProofOfWork(reordered)).toBe("replayed");
  });

  it("refuses a wrong solution, a tampered challenge and a challenge signed elsewhere", async () => {
    const { challenge, solution } = fresh;
    const wrongKey = solution.derivedKey.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    expect(await verifyProofOfWork(encode(challenge, { ...solution, derivedKey: wrongKey }))).toBe("invalid");
    const easier = { ...challenge, parameters: { ...challenge.parameters, keyPrefix: "00" } };
    expect(await verifyProofOfWork(encode(easier, solution))).toBe("invalid");
    const unsigned = { parameters: challenge.parameters, signature: "ab".repeat(32) };
    expect(await verifyProofOfWork(encode(unsigned, solution))).toBe("invalid");
    // Nothing was marked used by the failures: the honest payload still verifies.
    expect(await verifyProofOfWork(encode(challenge, solution))).toBe("verified");
  });

  it("refuses an expired challenge even when solved", async () => {
    const old = await solved(Date.now() - (CHALLENGE_TTL_SECONDS + 60) * 1000);
    expect(await verifyProofOfWork(encode(old.challenge, old.solution))).toBe("expired");
  });

  it("treats a missing field as missing and garbage as invalid, without throwing", async () => {
    expect(await verifyProofOfWork(null)).toBe("missing");
    expect(await verifyProofOfWork("")).toBe("missing");
    for (const junk of ["not base64 !!", Buffer.from("{}").toString("base64"), Buffer.from('{"__proto__":{"x":1}}').toString("base64"), "A".repeat(10_000)]) {
      expect(await verifyProofOfWork(junk)).toBe("invalid");
    }
    expect(await verifyProofOfWork(encode(fresh.challenge, null))).toBe("invalid");
  });

  it("hands out at most twice the verified limit of challenges per client and window", () => {
    const one = new Headers({ "x-forwarded-for": "198.51.100.7" });
    const other = new Headers({ "x-forwarded-for": "198.51.100.8" });
    const now = 1_000 * 600_000; // the start of a window
    for (let i = 0; i < 6; i++) limitChallenges(one, now);
    expect(() => limitChallenges(one, now)).toThrow("rate_limited");
    expect(() => limitChallenges(other, now)).not.toThrow();
    expect(() => limitChallenges(one, now + 600_000)).not.toThrow();
  });
});
