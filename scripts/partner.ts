// Partner keys for the batch intake API (`POST /api/v1/reports/batch`):
//   npm run partner -- create --name "Name" [--limit 120/600]   prints the key, once
//   npm run partner -- list                                      names, ids, status, use
//   npm run partner -- revoke --id ID                            the key's next request gets 403
import { parseArgs } from "node:util";
import { createPartner, listPartners, newPartnerSchema, PartnerAdminError, revokePartner } from "@/lib/server/admin/partners";
import { db } from "@/lib/server/db";

const usage = `usage:
  npm run partner -- create --name "Partner name" [--limit COUNT/SECONDS]
  npm run partner -- list
  npm run partner -- revoke --id PARTNER_ID`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

async function create(name: string | undefined, limit: string | undefined) {
  const parsed = newPartnerSchema.safeParse({ name: name ?? "", rateLimit: limit });
  if (!parsed.success) {
    fail(`${parsed.error.issues.map((i) => `--${i.path[0] === "rateLimit" ? "limit" : "name"}: ${i.message}`).join("\n")}\n${usage}`);
  }
  const partner = await createPartner(parsed.data, null);
  console.log(`Created partner "${partner.name}" (id ${partner.id}).`);
  console.log(`API key (shown once; only its hash is kept, so store it now and send it as "Authorization: Bearer <key>"):`);
  console.log(partner.key);
}

async function list() {
  const { partners } = await listPartners(7);
  if (partners.length === 0) return console.log("No partners yet.");
  for (const p of partners) {
    const status = p.revokedAt ? `revoked ${p.revokedAt.toISOString()}` : "active";
    const last = p.lastUsedAt ? p.lastUsedAt.toISOString() : "never";
    const week = p.days.reduce((sum, d) => sum + d.requests, 0);
    console.log(`${p.id}  ${p.keyPrefix}…  ${status}  "${p.name}"  limit ${p.rateLimit ?? "default"}  last used ${last}  requests in 7 days ${week}`);
  }
}

async function revoke(id: string | undefined) {
  if (!id) fail(usage);
  try {
    const { name } = await revokePartner(id, null);
    console.log(`Revoked the key of "${name}" (id ${id}); its next request gets 403.`);
  } catch (error) {
    if (!(error instanceof PartnerAdminError)) throw error;
    fail(error.code === "not_found" ? `No partner has the id ${id}. See: npm run partner -- list` : `The key of partner ${id} is already revoked.`, 1);
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" }, limit: { type: "string" }, id: { type: "string" } },
  });
  const command = positionals[0];
  if (command === "create") await create(values.name, values.limit);
  else if (command === "list") await list();
  else if (command === "revoke") await revoke(values.id);
  else fail(usage);
  await db.$disconnect();
}

void main();
