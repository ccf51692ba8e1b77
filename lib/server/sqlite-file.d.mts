/** The database file of a `file:` DATABASE_URL (sqlite-file.mjs). */
export function sqliteFilePath(url?: string, cwd?: string): string;
/** Creates the SQLite file 0600 if missing, and tightens it and its -wal, -shm and -journal files to 0600. */
export function makeDatabasePrivate(file: string): void;
