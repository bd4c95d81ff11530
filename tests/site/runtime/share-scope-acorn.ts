// The acorn-based shareScope the site used before it moved to sucrase's parser, kept as the oracle
// the new one is compared with (share-scope-oracle.test.ts): acorn builds a full syntax tree and
// checks every early error of module code, so where the two agree the token-based version is right.

import { parse, type Node } from 'acorn';
import { CellSyntaxError } from '../../../site/runtime/cell-error.ts';
import { TextEdits } from '../../../site/runtime/text-edits.ts';
import type { SharedScopeCode } from '../../../site/runtime/share-scope.ts';

type AnyNode = Node & Record<string, unknown>;

/** Rewrites a cell's top-level declarations into assignments to shared names and returns its last expression. */
export function shareScopeWithAcorn(code: string): Omit<SharedScopeCode, 'statements'> {
  const program = parseCell(code);
  const edits = new TextEdits();
  const defines: string[] = [];
  const functions: string[] = [];
  const statements = program.body as AnyNode[];

  statements.forEach((statement, index) => {
    let declaration = statement;
    if (statement.type === 'ImportDeclaration') throw cannotImport(code, statement.start);
    if (statement.type === 'ExportNamedDeclaration' && statement.declaration) {
      // `export` means nothing in a cell (every top-level name is already shared), so drop the word.
      declaration = statement.declaration as AnyNode;
      edits.replace(statement.start, declaration.start, '');
    } else if (statement.type.startsWith('Export')) {
      throw syntaxErrorAt(code, statement.start, 'a cell cannot export: its top-level names are already visible to later cells');
    }

    if (declaration.type === 'VariableDeclaration') {
      const declarators = declaration.declarations as AnyNode[];
      for (const declarator of declarators) {
        defines.push(...patternNames(declarator.id as AnyNode));
        if (!declarator.init) edits.insert((declarator.id as AnyNode).end, ' = undefined');
      }
      // The leading semicolon guards against a previous line without one: `f()\n(a = 1)` would be a call.
      edits.replace(declaration.start, declarators[0].start, ';(');
      edits.insert(declarators[declarators.length - 1].end, ')');
    } else if (declaration.type === 'ClassDeclaration') {
      const name = (declaration.id as AnyNode).name as string;
      defines.push(name);
      edits.insert(declaration.start, `;${name} = `);
      edits.insert(declaration.end, ';');
    } else if (declaration.type === 'FunctionDeclaration') {
      const name = (declaration.id as AnyNode).name as string;
      defines.push(name);
      functions.push(name);
    } else if (index === statements.length - 1 && statement.type === 'ExpressionStatement') {
      const end = code[statement.end - 1] === ';' ? statement.end - 1 : statement.end;
      edits.insert(statement.start, 'return (');
      edits.insert(end, ')');
    }
  });

  const uses = new Set<string>();
  collectNames(program, uses, code);
  const edited = edits.apply(code);
  return { body: edited.text, defines: unique(defines), functions, uses: [...uses], toInput: edited.toInput };
}

function parseCell(code: string): AnyNode {
  try {
    // Module code is strict and allows top-level await, as a TypeScript file would be.
    return parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
    }) as unknown as AnyNode;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : String(error);
    throw new CellSyntaxError(message, loc ? loc.line : 1, loc ? loc.column + 1 : 1);
  }
}

// The names bound by a declaration's left-hand side: `x`, `{a, b: [c], ...rest}`, `[d = 1]`.
function patternNames(pattern: AnyNode | null): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name as string];
    case 'ObjectPattern':
      return (pattern.properties as AnyNode[]).flatMap((property) =>
        patternNames((property.type === 'RestElement' ? property.argument : property.value) as AnyNode),
      );
    case 'ArrayPattern':
      return (pattern.elements as (AnyNode | null)[]).flatMap((element) => patternNames(element));
    case 'AssignmentPattern':
      return patternNames(pattern.left as AnyNode);
    case 'RestElement':
      return patternNames(pattern.argument as AnyNode);
    default:
      return [];
  }
}

// Every identifier in a reference position; property names and labels are not references.
function collectNames(node: AnyNode, names: Set<string>, code: string): void {
  // A dynamic import could load code from anywhere; cells get everything they need up front.
  if (node.type === 'ImportExpression') throw cannotImport(code, node.start);
  if (node.type === 'Identifier') {
    names.add(node.name as string);
    return;
  }
  for (const key of Object.keys(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    if (key === 'label' && /Statement$/.test(node.type)) continue;
    if (key === 'property' && node.type === 'MemberExpression' && !node.computed) continue;
    if (key === 'key' && !node.computed && /^(Property|MethodDefinition|PropertyDefinition)$/.test(node.type)) continue;
    if (node.type === 'MetaProperty') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) collectNames(child, names, code);
    } else if (isNode(value)) {
      collectNames(value, names, code);
    }
  }
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function cannotImport(code: string, offset: number): CellSyntaxError {
  return syntaxErrorAt(code, offset, "a cell cannot import: the engine's names (tensor, MLP, SGD, …), plot and display are already in scope; its “What’s in scope” link lists them");
}

function syntaxErrorAt(code: string, offset: number, message: string): CellSyntaxError {
  const before = code.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return new CellSyntaxError(message, line, column);
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
