/** Gate results: every gate of a section against the values the section computed. */
import { gatePasses, parseGate } from '../spec/gates';
import type { Gates } from '../spec/spec';

export interface GateResult {
  section: string;
  metric: string;
  condition: string;
  value: number | null;
  passed: boolean;
  /** Why a gate failed without a value (metric undefined for this data). */
  note?: string;
}

export function evaluateGates(section: string, gates: Gates, values: Record<string, number | null | undefined>): GateResult[] {
  return Object.entries(gates).map(([metric, condition]) => {
    const parsed = parseGate(condition);
    const raw = values[metric];
    const value = raw === undefined || raw === null || Number.isNaN(raw) ? null : raw;
    if (!parsed.ok) return { section, metric, condition, value, passed: false, note: parsed.message };
    const passed = gatePasses(parsed.condition, value);
    return { section, metric, condition, value, passed, ...(value === null ? { note: `\`${metric}\` is undefined for this data, so the gate cannot pass` } : {}) };
  });
}
