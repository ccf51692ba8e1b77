import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** "20/600" means 20 requests per 600 seconds. */
const rate = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .pipe(
      z
        .string()
        .regex(/^\d+\/\d+$/, "use LIMIT/SECONDS, e.g. 20/600")
        .transform((value) => {
          const [limit, seconds] = value.split("/").map(Number);
          return { limit, windowMs: seconds * 1000 };
        }),
    );

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default("file:./data/portal.db")
    .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), "use file:PATH (SQLite) or postgresql://… (PostgreSQL)"),
  /** PostgreSQL connections per app instance. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  EVIDENCE_DIR: z.string().min(1).default("./data/evidence"),
  /** Signs rate-limit keys and seals idempotent replays. Every instance needs the same one. */
  APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters").optional(),
  SECRET_FILE: z.string().default("./data/app-secret"),
  /**
   * Seals reporters' contact blocks (lib/server/contact-seal.ts). Every instance needs the
   * same one; without it a single instance keeps a random key in CONTACT_KEY_FILE.
   */
  CONTACT_KEY: z.string().min(32, "CONTACT_KEY must be at least 32 characters").optional(),
  CONTACT_KEY_FILE: z.string().default("./data/contact-key"),
  /** The key being rotated away from, until `npm run keys -- rotate-contact` has finished. */
  CONTACT_KEY_PREVIOUS: z.string().min(32, "CONTACT_KEY_PREVIOUS must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "ADMIN_PASSWORD must be at least 12 characters").optional(),
  RATE_LIMIT_SUBMIT: rate("20/600"),
  /**
   * Web-form submissions per client per window that carry a solved proof-of-work challenge:
   * many people share one address (campus, office, carrier NAT), so they get far more room.
   */
  RATE_LIMIT_SUBMIT_VERIFIED: rate("200/600"),
  RATE_LIMIT_LOOKUP: rate("30/600"),
  /** Batch requests (up to 100 reports each) per partner per window. */
  RATE_LIMIT_BATCH: rate("60/600"),
  /** The portal's public URL (next-auth reads it too). When it is https, HSTS is sent and cookies are Secure. */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "use the portal's public http(s) URL" }).optional(),
  /** How long a moderator's claim on a report lasts. */
  CLAIM_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Staff sessions end after this long without a request. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /**
   * `required` (the default): every staff member signs in with a password and a code from an
   * authenticator app, and one without a second factor must enrol before any staff page
   * opens. `optional`, for local development: enrolment is offered, not demanded.
   */
  STAFF_2FA: z.enum(["required", "optional"], { error: "use required or optional" }).default("required"),
  /**
   * The bearer token a Prometheus scraper sends to GET /metrics. Unset (the default), the
   * endpoint answers 404: metrics are off.
   */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** Every receipt lookup takes at least this long, found or not. */
  LOOKUP_MIN_MS: z.coerce.number().int().min(0).default(300),
});

export type Env = z.infer<typeof envSchema> & {
  appSecret: string;
  contactKey: string;
  /** The SQLite file, or null on PostgreSQL. */
  databasePath: string | null;
  postgresUrl: string | null;
  evidenceDir: string;
  /** The public URL is https: send HSTS and mark cookies Secure. */
  httpsOnly: boolean;
};

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  return {
    ...env,
    appSecret: env.APP_SECRET ?? readOrCreateSecret(path.resolve(env.SECRET_FILE)),
    contactKey: env.CONTACT_KEY ?? readOrCreateSecret(path.resolve(env.CONTACT_KEY_FILE)),
    databasePath: env.DATABASE_URL.startsWith("file:") ? path.resolve(env.DATABASE_URL.replace(/^file:/, "")) : null,
    postgresUrl: env.DATABASE_URL.startsWith("file:") ? null : env.DATABASE_URL,
    evidenceDir: path.resolve(env.EVIDENCE_DIR),
    httpsOnly: env.NEXTAUTH_URL?.startsWith("https:") ?? false,
  };
}

/**
 * Without APP_SECRET a single instance keeps a random secret in a file beside its
 * database. Several instances must be given one APP_SECRET instead.
 */
function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
  } catch {
    // Another process created it first; use theirs.
    return readFileSync(file, "utf8").trim();
  }
  chmodSync(file, 0o600);
  return secret;
}

let cached: Env | undefined;

/** The validated configuration, read once per process. */
export function getEnv(): Env {
  cached ??= loadEnv();
  return cached;
}
