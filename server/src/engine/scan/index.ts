/** The artifact scanner: reads model files as bytes (never loads them) and reports what loading them would do. */
export { scanFile, scanPaths, scanBytes, SCANNABLE_EXTENSIONS } from './scanner';
export { formatScanText, formatScanSarif, scanExitCode } from './format';
export { SCAN_RULES, type ScanCode, type ScanRule } from './codes';
export { classifyGlobal, type GlobalVerdict, type GlobalLevel } from './globalsPolicy';
export { STANDARD_DOMAINS } from './onnxScan';
export type { ScanReport, ScanFinding, ScanFindingDetail, ScanOptions, ScanSeverity, ScanFormat } from './types';
