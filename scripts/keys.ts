// `npm run keys -- rotate-contact`: re-seals every reporter's contact block under CONTACT_KEY,
// reading those sealed under CONTACT_KEY_PREVIOUS (lib/server/contact-rotation.ts). Give every
// instance the new CONTACT_KEY and the old one as CONTACT_KEY_PREVIOUS first, run this once,
// then remove CONTACT_KEY_PREVIOUS. Safe to run while the portal takes reports, and to run
// again after an interruption.
import { rotateContacts } from "@/lib/server/contact-rotation";
import { db } from "@/lib/server/db";

async function main() {
  const [command] = process.argv.slice(2);
  if (command !== "rotate-contact") {
    console.error("usage: npm run keys -- rotate-contact");
    process.exit(2);
  }
  const started = performance.now();
  const done = await rotateContacts(undefined, (p) => process.stdout.write(`\r  ${p.scanned.toLocaleString("en")} contact blocks read, ${p.resealed.toLocaleString("en")} re-sealed`));
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n  done in ${seconds.toFixed(1)} s: ${done.resealed.toLocaleString("en")} re-sealed under the current key, ${(done.scanned - done.resealed).toLocaleString("en")} already were.`);
  await db.$disconnect();
}

void main();
