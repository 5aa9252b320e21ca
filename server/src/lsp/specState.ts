/**
 * The server's view of one open spec: its latest validation, shared by diagnostics, completion,
 * hover and code actions so a spec is parsed once per edit.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Validation } from '../engine/spec/validate';
import { validateSpecText } from '../engine/spec/validate';
import type { FileInfo } from '../engine/spec/fileInfo';
import { uriToPath } from './documents';

export class SpecStore {
  private validations = new Map<string, { version: number; result: Promise<Validation> }>();
  constructor(readonly files: FileInfo) {}

  validate(doc: TextDocument): Promise<Validation> {
    const hit = this.validations.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.result;
    const result = validateSpecText(doc.getText(), uriToPath(doc.uri), this.files);
    this.validations.set(doc.uri, { version: doc.version, result });
    return result;
  }

  forget(uri: string): void {
    this.validations.delete(uri);
  }

  clear(): void {
    this.validations.clear();
  }
}
