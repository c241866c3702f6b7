import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** A regular expression written in the source, where it was found. */
export interface RegexLiteral {
  source: string;
  flags: string;
  file: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The text of a string or template whose value is known without running the code (`${CONST}` inlined when CONST is a string constant of the file). */
function constantText(node: ts.Expression, constants: Map<string, ts.Expression>, depth = 0): string | undefined {
  if (depth > 5) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const inner = ts.isIdentifier(span.expression) ? constants.get(span.expression.text) : undefined;
      const value = inner && constantText(inner, constants, depth + 1);
      if (value === undefined) return undefined;
      out += value + span.literal.text;
    }
    return out;
  }
  if (ts.isIdentifier(node)) {
    const inner = constants.get(node.text);
    return inner && constantText(inner, constants, depth + 1);
  }
  return undefined;
}

/**
 * Every regex literal, and every `new RegExp(...)` whose pattern is a constant, in the .ts files under the
 * given folders; `dynamic` lists the `new RegExp` calls whose pattern is built at run time.
 */
export function regexLiterals(dirs: string[], root: string): { literals: RegexLiteral[]; dynamic: string[] } {
  const literals: RegexLiteral[] = [];
  const dynamic: string[] = [];
  for (const file of dirs.flatMap(sourceFiles)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const rel = path.relative(root, file);
    const constants = new Map<string, ts.Expression>();
    const collect = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const) {
        constants.set(node.name.text, node.initializer);
      }
      ts.forEachChild(node, collect);
    };
    collect(sf);
    const visit = (node: ts.Node): void => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        literals.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), file: rel, line });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const source = pattern && constantText(pattern, constants);
        const flagText = flags ? constantText(flags, constants) : '';
        if (source !== undefined && flagText !== undefined) literals.push({ source, flags: flagText, file: rel, line });
        else dynamic.push(`${rel}:${line}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, dynamic };
}
