#!/usr/bin/env node
// `npm run db:generate`: regenerates the PostgreSQL schema copy and both Prisma clients.
import { utimesSync } from "node:fs";
import path from "node:path";
import { ensurePrismaClient, root } from "./setup.mjs";

const now = new Date();
utimesSync(path.join(root, "prisma", "schema.prisma"), now, now);
ensurePrismaClient();
