// `npm run staff -- create --email someone@example.org --role MODERATOR [--name "Name"]`
// creates a staff account and prints a one-time password, to be changed at first sign-in.
// `npm run staff -- reset-2fa --email someone@example.org` removes their second factor after
// a lost phone (when no other admin can do it on /admin/staff); they enrol again at sign-in.
import { parseArgs } from "node:util";
import { resetSecondFactor } from "@/lib/server/admin/staff";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/moderation/audit";
import { generatePassword, hashPassword } from "@/lib/server/passwords";

const usage = [
  'usage: npm run staff -- create --email EMAIL --role MODERATOR|ADMIN [--name "Full name"]',
  "       npm run staff -- reset-2fa --email EMAIL",
].join("\n");

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  const email = values.email?.trim().toLowerCase();
  if (positionals[0] === "reset-2fa" && email) {
    const user = await db.user.findUnique({ where: { email } });
    if (!user) {
      console.error(`There is no staff account for ${email}.`);
      process.exit(1);
    }
    await resetSecondFactor(user.id, "cli");
    console.log(`Two-factor sign-in of ${email} was reset and their sessions ended. They set it up again at their next sign-in.`);
    await db.$disconnect();
    return;
  }
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
