// Writes what is generated from the rule registry: the README rule table and the config JSON Schema.
// `npm test` fails when these files are stale; run `npm run gen` after changing a rule.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url);
const { rules } = require('../out/server/src/core/rules/index.js');
const { withRuleTable, configSchema } = require('../out/server/src/docs/generated.js');

const readmeUrl = new URL('README.md', root);
writeFileSync(readmeUrl, withRuleTable(readFileSync(readmeUrl, 'utf8'), rules));
writeFileSync(new URL('schemas/postmortem-lint.schema.json', root), JSON.stringify(configSchema(rules), null, 2) + '\n');
console.log(`README rule table and schema written for ${rules.length} rules.`);
