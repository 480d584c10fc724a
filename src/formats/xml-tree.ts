// A data-oriented XML document (LimeSurvey .lss) as a small element tree, parsed strictly by saxes: a file
// that is not well-formed XML yields its line, column and reason instead of a tree. Attributes, comments and
// processing instructions are dropped; text and CDATA are concatenated per element.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  readonly name: string;
  readonly children: readonly XmlElement[];
  /** The element's own text and CDATA, untrimmed. */
  readonly text: string;
}

export type XmlTreeResult =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly reason: string };

interface Building {
  name: string;
  children: XmlElement[];
  text: string;
}

/** Deeper nesting than any LSS file has; guards the stack against hostile input. */
const MAX_DEPTH = 64;

export function parseXmlTree(text: string): XmlTreeResult {
  const parser = new SaxesParser({ position: true });
  const stack: Building[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH) parser.fail(`nesting deeper than ${MAX_DEPTH} elements`);
    stack.push({ name: tag.name, children: [], text: '' });
  });
  const addText = (value: string) => {
    const open = stack[stack.length - 1];
    if (open) open.text += value;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const done = stack.pop()!;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(done);
    else root = done;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message);
    return position
      ? { ok: false, line: Number(position[1]), column: Number(position[2]), reason: position[3]! }
      : { ok: false, line: parser.line, column: parser.column, reason: message };
  }
  if (!root) return { ok: false, line: parser.line, column: parser.column, reason: 'document must contain a root element.' };
  return { ok: true, root };
}

export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => child.name === name);
}

export function childElements(element: XmlElement | undefined, name: string): readonly XmlElement[] {
  return element?.children.filter((child) => child.name === name) ?? [];
}
