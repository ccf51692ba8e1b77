#!/usr/bin/env node
// `npm run db:migrate`: applies the migrations of the database at DATABASE_URL (SQLite or PostgreSQL).
import { migrate } from "./setup.mjs";

migrate();
