import { ruleDocUrl } from '../../core/rules/docs';
import type { AnyRule } from '../../core/rules/rule';
import type { FileResult } from './types';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, as GitHub code scanning accepts it: one run, every rule described, relative file URIs. */
export function formatSarif(results: FileResult[], rules: readonly AnyRule[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem-lint',
            version,
            informationUri: 'https://github.com/postmortem-lint/postmortem-lint',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.alias,
              shortDescription: { text: rule.description },
              helpUri: ruleDocUrl(rule),
              defaultConfiguration: { level: LEVEL[rule.defaultLevel] },
              properties: { tags: rule.tags },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: '' } },
        results: results.flatMap((result) =>
          result.problems.map((p) => ({
            ruleId: p.ruleId,
            ...(ruleIndex.has(p.ruleId) ? { ruleIndex: ruleIndex.get(p.ruleId) } : {}),
            level: LEVEL[p.severity],
            message: { text: p.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(result.relative), uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: p.range.start.line + 1,
                    startColumn: p.range.start.character + 1,
                    endLine: p.range.end.line + 1,
                    endColumn: p.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
