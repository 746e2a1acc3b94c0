/**
 * Writes docs/passport.schema.json from the zod passport schema (packages/domain/src/lca/passport.ts).
 *   npx tsx packages/domain/scripts/generate-passport-schema.ts
 * A test (packages/passport-io/test/schema-file.test.ts) fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { passportJsonSchema } from '../src/lca/passport.ts';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'passport.schema.json');
writeFileSync(target, `${JSON.stringify(passportJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
