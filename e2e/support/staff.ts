// Staff fixtures through the data layer. Run with tsx and --conditions=react-server.
//   create EMAIL PASSWORD ROLE   → creates an active account (no password change needed),
//                                  enrolled in two-factor sign-in; prints {"key": BASE32}
//   create-otp EMAIL PASSWORD    → a moderator whose password must be changed at sign-in
//   deactivate EMAIL             → deactivates it
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/passwords";
import { enrolForTest } from "@/lib/server/testing/enrol";

async function main() {
  const [command, email, password, role] = process.argv.slice(2);
  if (command === "create") {
    const user = await db.user.upsert({
      where: { email },
      create: { email, name: email.split("@")[0], role, passwordHash: await hashPassword(password) },
      update: { role, active: true, passwordHash: await hashPassword(password), mustChangePassword: false },
    });
    console.log(JSON.stringify({ key: (await enrolForTest(user)).key }));
  } else if (command === "create-otp") {
    await db.user.create({
      data: { email, name: email.split("@")[0], role: "MODERATOR", passwordHash: await hashPassword(password), mustChangePassword: true },
    });
  } else if (command === "deactivate") {
    await db.user.update({ where: { email }, data: { active: false } });
  } else {
    throw new Error(`unknown command ${command}`);
  }
  await db.$disconnect();
}

void main();
