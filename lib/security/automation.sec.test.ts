import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, type Portal } from "./harness";
import { postForm, spamFormEntries } from "./forms";

/**
 * Issue #11, item 6: scripted form posts got a receipt every time, while one address
 * shared by a campus or a carrier NAT ran out after 20. A post that carries a solved
 * proof-of-work challenge (the ALTCHA widget does it in the browser) gets the higher
 * verified limit; a post without one, or with a forged or reused one, gets the base limit.
 */
let portal: Portal;
beforeAll(async () => {
  portal = await startPortal({ RATE_LIMIT_SUBMIT: "3/600", RATE_LIMIT_SUBMIT_VERIFIED: "2/600" });
});
afterAll(() => portal?.stop());

type Outcome = "receipt" | "limited" | "other";

async function submit(altcha?: string): Promise<Outcome> {
  const response = await postForm(portal.base, "/report/spam", [...spamFormEntries(), ...(altcha ? [["altcha", altcha] as [string, string]] : [])]);
  const html = await response.text();
  if (html.includes('data-testid="receipt"')) return "receipt";
  return html.includes("errors.rate_limited") ? "limited" : "other";
}

async function fetchChallenge(): Promise<Response> {
  return fetch(`${portal.base}/api/v1/altcha`);
}

/** What the widget puts in the form's hidden `altcha` field once it has done the work. */
async function solvedPayload(): Promise<string> {
  const response = await fetchChallenge();
  expect(response.headers.get("cache-control")).toBe("no-store");
  const challenge = (await response.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString("base64");
}

describe("automated form posts", () => {
  let firstSolved: string;

  it("without a challenge, scripted posts stop at the base limit", async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 5; i++) outcomes.push(await submit());
    expect(outcomes).toEqual(["receipt", "receipt", "receipt", "limited", "limited"]);
  });

  it("with a forged challenge (made up, or signed by someone else) the base limit still applies", async () => {
    const real = JSON.parse(Buffer.from(await solvedPayload(), "base64").toString());
    const forgedSignature = { ...real, challenge: { ...real.challenge, signature: "ab".repeat(32) } };
    const easier = { ...real, challenge: { ...real.challenge, parameters: { ...real.challenge.parameters, cost: 1 } } };
    const testMode = { challenge: null, solution: null, test: true }; // the widget's own test payload
    for (const forged of [forgedSignature, easier, testMode]) {
      expect(await submit(Buffer.from(JSON.stringify(forged)).toString("base64"))).toBe("limited");
    }
    expect(await submit("not even base64 ✗")).toBe("limited");
  });

  it("a solved challenge gets the verified limit even when the base one is spent", async () => {
    firstSolved = await solvedPayload();
    expect(await submit(firstSolved)).toBe("receipt");
  });

  it("a replayed challenge counts as none", async () => {
    expect(await submit(firstSolved)).toBe("limited");
  });

  it("the verified limit holds too", async () => {
    expect(await submit(await solvedPayload())).toBe("receipt");
    expect(await submit(await solvedPayload())).toBe("limited");
  });

  it("one client gets at most twice the verified limit of challenges per window", async () => {
    // Five challenges so far; the limit is 2 × 2 = 4 per window.
    const response = await fetchChallenge();
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
