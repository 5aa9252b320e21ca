/** Custom requests that run checks; filled in as the run orchestrator lands. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SpecStore } from './specState';

export function registerRunHandlers(_connection: Connection, _documents: TextDocuments<TextDocument>, _store: SpecStore): void {}
