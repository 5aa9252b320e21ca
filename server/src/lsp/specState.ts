/**
 * The server's view of one open spec: its latest parse and validation, shared by diagnostics,
 * completion, hover, symbols, code lenses and code actions so a spec is parsed once per edit, and
 * re-parsed incrementally when an edit only changed one value (engine/spec/reparse.ts).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedSpec } from '../engine/spec/document';
import { reparseSpecText } from '../engine/spec/reparse';
import type { Validation } from '../engine/spec/validate';
import { validateParsed } from '../engine/spec/validate';
import type { FileInfo } from '../engine/spec/fileInfo';
import { uriToPath } from './documents';

export class SpecStore {
  private parses = new Map<string, { version: number; parsed: ParsedSpec }>();
  private validations = new Map<string, { version: number; result: Promise<Validation> }>();
  constructor(readonly files: FileInfo) {}

  /** The parse of this version of the document (the previous version's parse is reused, and then no longer valid). */
  parsed(doc: TextDocument): ParsedSpec {
    const hit = this.parses.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.parsed;
    const parsed = reparseSpecText(hit?.parsed, doc.getText());
    this.parses.set(doc.uri, { version: doc.version, parsed });
    return parsed;
  }

  validate(doc: TextDocument): Promise<Validation> {
    const hit = this.validations.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.result;
    const result = validateParsed(this.parsed(doc), uriToPath(doc.uri), this.files);
    this.validations.set(doc.uri, { version: doc.version, result });
    return result;
  }

  forget(uri: string): void {
    this.validations.delete(uri);
    this.parses.delete(uri);
  }

  /** Forgets validations (files on disk changed); parses stay, they depend on the text only. */
  clear(): void {
    this.validations.clear();
  }
}
