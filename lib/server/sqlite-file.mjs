// The SQLite database holds every report and contact detail: only the portal's own user may
// read it, like the evidence files. Plain Node, so that `npm start` can use it before the
// dependencies are installed.
import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

/** The database file of a `file:` DATABASE_URL, resolved as Prisma and the app resolve it. */
export function sqliteFilePath(url = "file:./data/portal.db", cwd = process.cwd()) {
  return path.resolve(cwd, url.replace(/^file:/, ""));
}

/**
 * Creates the database file with mode 0600 before SQLite or Prisma opens it, and tightens
 * an existing one and its -wal, -shm and -journal files to 0600. SQLite creates those three
 * with the database file's own mode, so once it is 0600 they follow. A folder made here is
 * 0700; an existing folder is left as it is, since it may hold more than the portal's data.
 */
export function makeDatabasePrivate(file) {
  if (path.basename(file) === ":memory:") return;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, "a", 0o600));
  for (const each of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      chmodSync(each, 0o600);
    } catch (error) {
      if (error.code === "ENOENT") continue;
      // Owned by another account: the portal still runs, and says what to fix.
      console.warn(`Could not make ${each} private (${error.code}); run: chmod 600 ${each}`);
    }
  }
}
