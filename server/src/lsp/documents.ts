/** Which documents are Plumb specs: `*.plumb.yaml`, `*.plumb.yml` and `plumb.yaml`. */
import { URI } from 'vscode-uri';

export function isSpecUri(uri: string): boolean {
  return /(^|[\\/])(plumb|[^\\/]+\.plumb)\.ya?ml$/i.test(uri.split('?')[0]);
}

export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}
