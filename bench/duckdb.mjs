// Runs bench/sql/duckdb.sql with DuckDB's Node.js API (@duckdb/node-api, installed by bench/run
// into a scratch folder, never into the repository).
//   node duckdb.mjs SQL_FILE LOG HOLIDAYS OUT FROM TO
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [sqlFile, log, holidays, out, from, to] = process.argv.slice(2);
const sql = readFileSync(sqlFile, 'utf8')
  .replaceAll('@LOG@', log).replaceAll('@HOLIDAYS@', holidays).replaceAll('@OUT@', out)
  .replaceAll('@FROM@', from).replaceAll('@TO@', to);
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
// The month arithmetic the checks rely on: 2026-01-31 + 1 month = 2026-02-28.
const clamp = await db.runAndReadAll("SELECT strftime(CAST(DATE '2026-01-31' + INTERVAL 1 MONTH AS DATE), '%Y-%m-%d')");
if (clamp.getRows()[0][0] !== '2026-02-28') throw new Error(`DuckDB month arithmetic gave ${clamp.getRows()[0][0]}`);
const statements = sql.split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter((s) => s.length > 0);
for (const s of statements) await db.run(s);
