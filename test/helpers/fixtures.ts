import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PostmortemLintConfig } from '../../server/src/core/config';
import { parsePostmortem } from '../../server/src/core/model/parse';
import { summarizeIncident, type WorkspaceView } from '../../server/src/core/workspace';

/** A problem a fixture says must be reported: `{PM023}` written on its line. */
export interface ExpectedProblem {
  line: number;
  ruleId: string;
}

/** A rule fixture with its markers taken out. */
export interface Fixture {
  file: string;
  /** The document as linted: markers and the fixture comment removed. */
  text: string;
  expected: ExpectedProblem[];
  config: PostmortemLintConfig;
  workspace: WorkspaceView;
  /** Expected text after fixes, from `<name>.fixed.md` beside it. */
  fixed?: string;
}

const MARKER = / ?\{(PM\d{3})\}/g;
const FIXTURE_COMMENT = /^<!-- fixture: (\{.*\}) -->\r?\n/;

/** Settings in the fixture comment: configuration, plus the other postmortems of the workspace. */
interface FixtureHeader extends PostmortemLintConfig {
  workspace?: string[];
}

/** Reads a fixture: `{PMxxx}` markers give expected problems (removed before linting). */
export function readFixture(file: string): Fixture {
  let text = fs.readFileSync(file, 'utf8');
  let header: FixtureHeader = {};
  const comment = FIXTURE_COMMENT.exec(text);
  if (comment) {
    header = JSON.parse(comment[1]) as FixtureHeader;
    text = text.slice(comment[0].length);
  }
  const expected: ExpectedProblem[] = [];
  const lines = text.split('\n').map((line, index) => {
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(line); m; m = MARKER.exec(line)) expected.push({ line: index, ruleId: m[1] });
    return line.replace(MARKER, '');
  });
  const { workspace: others = [], ...config } = header;
  const dir = path.dirname(file);
  const workspace: WorkspaceView = {
    incidents: others.map((name) => summarizeIncident(parsePostmortem(fs.readFileSync(path.join(dir, name), 'utf8')), name)),
  };
  const fixedFile = file.replace(/\.md$/, '.fixed.md');
  return {
    file,
    text: lines.join('\n'),
    expected,
    config,
    workspace,
    fixed: fs.existsSync(fixedFile) ? fs.readFileSync(fixedFile, 'utf8') : undefined,
  };
}

/** The fixture files of one rule: `test/fixtures/rules/<ID>/*.md`, less `*.fixed.md` and `_`-prefixed helpers. */
export function fixtureFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md') && !name.startsWith('_'))
    .sort()
    .map((name) => path.join(dir, name));
}
