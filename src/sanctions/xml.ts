// Streaming XML reading for list files that may be hostile. saxes expands no entities beyond
// the five predefined ones and fetches nothing; on top of that we refuse any DOCTYPE outright
// (entity bombs and external entities both need one), cap nesting depth, cap how much input may
// pass without a single parse event (one giant text node or tag), and cap a record's size.
// Records are small trees built only for the elements the caller names, so memory stays flat.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { SanctionsInputError } from './errors.js';
import type { ListSource } from './source.js';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

export interface XmlReadOptions {
  /** Element names (without prefix) whose subtrees are handed to onRecord. */
  records: ReadonlySet<string>;
  onRoot?(name: string, attrs: Record<string, string>): void;
  onRecord(node: XmlNode, line: number): void;
}

export const XML_LIMITS = { depth: 32, charsWithoutEvent: 8 * 1024 * 1024, nodesPerRecord: 50_000 };

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

export async function readXmlRecords(source: ListSource, options: XmlReadOptions): Promise<void> {
  const file = source.name;
  const parser = new SaxesParser({ xmlns: false, position: true, fileName: file });
  const fail = (message: string): never => {
    throw new SanctionsInputError(message, file, parser.line);
  };
  const stack: XmlNode[] = [];
  let depth = 0;
  let recordDepth = -1;
  let recordLine = 0;
  let recordNodes = 0;
  let sinceEvent = 0;
  let sawRoot = false;

  parser.on('xmldecl', (decl) => {
    if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) fail(`unsupported encoding "${decl.encoding}": only UTF-8 list files are read`);
  });
  parser.on('doctype', () => fail('the file has a DOCTYPE: document type declarations (and so entity definitions) are refused in list files'));
  parser.on('opentag', (tag: SaxesTagPlain) => {
    sinceEvent = 0;
    depth++;
    if (depth > XML_LIMITS.depth) fail(`elements nested deeper than ${XML_LIMITS.depth} levels`);
    const name = localName(tag.name);
    if (!sawRoot) {
      sawRoot = true;
      options.onRoot?.(name, { ...tag.attributes });
    }
    if (recordDepth < 0 && options.records.has(name)) {
      recordDepth = depth;
      recordLine = parser.line;
      recordNodes = 0;
    }
    if (recordDepth < 0) return;
    if (++recordNodes > XML_LIMITS.nodesPerRecord) fail(`a <${name}> record holds more than ${XML_LIMITS.nodesPerRecord} elements`);
    const node: XmlNode = { name, attrs: { ...tag.attributes }, text: '', children: [] };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    sinceEvent = 0;
    const node = stack.at(-1);
    if (node) node.text += text;
  });
  parser.on('cdata', (text) => {
    sinceEvent = 0;
    const node = stack.at(-1);
    if (node) node.text += text;
  });
  parser.on('closetag', () => {
    sinceEvent = 0;
    if (recordDepth > 0) {
      const node = stack.pop();
      if (depth === recordDepth && node) {
        recordDepth = -1;
        options.onRecord(node, recordLine);
      }
    }
    depth--;
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of source.bytes()) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        fail('the file is not valid UTF-8');
      }
      parser.write(text!);
      sinceEvent += text!.length;
      if (sinceEvent > XML_LIMITS.charsWithoutEvent) fail(`more than ${XML_LIMITS.charsWithoutEvent / 1024 / 1024} MB without a complete tag or text (a giant node or an unterminated construct)`);
    }
    parser.close();
  } catch (err) {
    if (err instanceof SanctionsInputError) throw err;
    const message = (err as Error).message;
    if ((err as NodeJS.ErrnoException).code) throw new SanctionsInputError(`cannot read the file: ${message}`, file);
    // saxes prefixes its messages with file:line:column already.
    throw new SanctionsInputError(`not well-formed XML (${message.startsWith(file) ? message.slice(file.length + 1) : message})`, file, parser.line);
  }
  if (!sawRoot) throw new SanctionsInputError('no XML element found', file);
}

/** Helpers for walking a record: trimmed text of a child, of all children with a name. */
export function childText(node: XmlNode, name: string): string {
  const child = node.children.find((c) => c.name === name);
  return child ? child.text.trim() : '';
}

export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

export function valuesOf(node: XmlNode, name: string): string[] {
  return children(node, name).flatMap((c) => (c.children.length ? c.children.map((v) => v.text.trim()) : [c.text.trim()])).filter(Boolean);
}
