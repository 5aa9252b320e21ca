/**
 * Every finding code the scanner can emit, with its severity and a one-line description. The SARIF
 * formatter lists these as rules; the README documents them. Codes are stable: never rename one.
 */
import type { ScanSeverity } from './types';

export interface ScanRule {
  severity: ScanSeverity;
  description: string;
}

export const SCAN_RULES = {
  'scan.pickle.dangerous-global': { severity: 'error', description: 'A pickle imports a function that can run commands, evaluate code, touch files or the network.' },
  'scan.pickle.unresolved-global': { severity: 'error', description: 'A pickle imports a global whose name is computed, so it cannot be checked (a common way to hide a dangerous import).' },
  'scan.pickle.unknown-global': { severity: 'warning', description: 'A pickle imports a global that is not on the allow-list; loading the file runs its code.' },
  'scan.pickle.extension-global': { severity: 'warning', description: 'A pickle uses the copyreg extension registry (EXT1/2/4), whose targets cannot be checked from the file.' },
  'scan.pickle.safe-globals': { severity: 'information', description: 'A pickle imports only allow-listed globals.' },
  'scan.pickle.parse-error': { severity: 'warning', description: 'A pickle stream could not be fully parsed; globals after that point were not checked.' },
  'scan.pickle.trailing-data': { severity: 'information', description: 'Bytes after the last pickle in a file do not start another pickle and were not scanned.' },
  'scan.pickle.compressed': { severity: 'warning', description: 'A compressed pickle (joblib bz2/xz/lz4) that the scanner cannot decompress.' },
  'scan.pickle.truncated-read': { severity: 'warning', description: 'A pickle file is larger than the scan limit; only its beginning was scanned.' },
  'scan.zip.bomb': { severity: 'error', description: 'An archive entry or compressed stream inflates beyond the decompression limit (zip bomb).' },
  'scan.zip.too-many-entries': { severity: 'error', description: 'An archive has more entries than the scan limit.' },
  'scan.zip.malformed': { severity: 'error', description: 'An archive could not be read, so its contents were not checked.' },
  'scan.zip.unsupported-entry': { severity: 'warning', description: 'An archive entry is encrypted or uses a compression method the scanner cannot read.' },
  'scan.pytorch.no-pickle': { severity: 'warning', description: 'A zip posing as a PyTorch file has no data.pkl entry to check.' },
  'scan.numpy.object-array': { severity: 'warning', description: 'A NumPy array of Python objects: loading it needs allow_pickle=True, which runs the pickle inside.' },
  'scan.numpy.malformed': { severity: 'error', description: 'A NumPy .npy header could not be parsed.' },
  'scan.onnx.parse-error': { severity: 'error', description: 'An ONNX file does not parse as a ModelProto.' },
  'scan.onnx.external-data-absolute': { severity: 'error', description: 'An ONNX tensor stores its data at an absolute path.' },
  'scan.onnx.external-data-traversal': { severity: 'error', description: "An ONNX tensor's external data path climbs out of the model's folder." },
  'scan.onnx.external-data-missing': { severity: 'error', description: 'An ONNX tensor refers to an external data file that does not exist.' },
  'scan.onnx.external-data-invalid': { severity: 'error', description: "An ONNX tensor's external data entry has no location or an invalid offset/length." },
  'scan.onnx.custom-domain': { severity: 'warning', description: 'An ONNX node uses an operator domain onnxruntime does not ship; it needs a native custom-op library.' },
  'scan.onnx.large-tensor': { severity: 'warning', description: 'An ONNX tensor claims more bytes than the tensor size limit.' },
  'scan.file.large': { severity: 'warning', description: 'A file is larger than the file size limit.' },
  'scan.file.unreadable': { severity: 'error', description: 'A file could not be read.' },
  'scan.internal-error': { severity: 'error', description: 'The scanner failed on this file (a bug in Plumb: please report it); the file was not fully checked.' },
  'scan.format.unknown': { severity: 'warning', description: 'A file is not a model format the scanner knows, so it was not checked.' },
} as const satisfies Record<string, ScanRule>;

export type ScanCode = keyof typeof SCAN_RULES;

/** Advice appended to pickle findings. */
export const PICKLE_ADVICE =
  'Loading a pickle (pickle.load, joblib.load, torch.load without weights_only=True) runs the code it names; ' +
  'prefer ONNX (skl2onnx, torch.onnx.export) for models and safetensors for weights.';
