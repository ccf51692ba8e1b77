// `npm run staff -- create --email someone@example.org --role MODERATOR [--name "Name"]`
// creates a staff account and prints a one-time password, to be changed at first sign-in.
import { parseArgs } from "node:util";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/moderation/audit";
import { generatePassword, hashPassword } from "@/lib/server/passwords";

const usage = 'usage: npm run staff -- create --email EMAIL --role MODERATOR|ADMIN [--name "Full name"]';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  const email = values.email?.trim().toLowerCase();
  if (positionals[0] !== "create" || !email || !/^[^\s@]+@[^\s@]+$/.test(email) || !["MODERATOR", "ADMIN"].includes(values.role ?? "")) {
    console.error(usage);
    process.exit(2);
  }
  if (await db.user.findUnique({ where: { email } })) {
    console.error(`A staff account for ${email} already exists.`);
    process.exit(1);
  }
  const password = generatePassword();
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, name: values.name ?? email.split("@")[0], role: values.role!, passwordHash: await hashPassword(password), mustChangePassword: true },
    });
    await audit(tx, { actorId: null, action: "staff-create", after: { userId: user.id, email, role: values.role, via: "cli" } });
  });
  console.log(`Created ${values.role} ${email}.\nOne-time password (shown once, must be changed at first sign-in): ${password}`);
  await db.$disconnect();
}

void main();
