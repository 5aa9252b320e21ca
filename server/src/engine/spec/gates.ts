/**
 * Gates: `">= 0.85"` style conditions on a metric. Parsing is strict so a typo never silently
 * passes: the operator must be one of >=, >, <=, <, == and the rest must be a finite number.
 */
export type GateOp = '>=' | '>' | '<=' | '<' | '==';

export interface GateCondition {
  op: GateOp;
  value: number;
}

export type GateParse = { ok: true; condition: GateCondition } | { ok: false; message: string };

const GATE_RE = /^\s*(>=|<=|==|>|<|=)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?%?)\s*$/;

export function parseGate(raw: unknown): GateParse {
  if (typeof raw === 'number') return { ok: false, message: `a bare number is ambiguous; write a comparison such as ">= ${raw}"` };
  if (typeof raw !== 'string') return { ok: false, message: 'a gate must be a comparison in quotes, such as ">= 0.8"' };
  const m = GATE_RE.exec(raw);
  if (!m) return { ok: false, message: `\`${raw}\` is not a comparison; write an operator (>=, >, <=, <, ==) and a number, such as ">= 0.8"` };
  if (m[1] === '=') return { ok: false, message: `use \`==\` rather than \`=\` in \`${raw}\`` };
  let text = m[2];
  let scale = 1;
  if (text.endsWith('%')) {
    text = text.slice(0, -1);
    scale = 0.01;
  }
  return { ok: true, condition: { op: m[1] as GateOp, value: Number(text) * scale } };
}

export function gatePasses(c: GateCondition, value: number | null | undefined): boolean {
  if (value === null || value === undefined || Number.isNaN(value)) return false;
  switch (c.op) {
    case '>=':
      return value >= c.value;
    case '>':
      return value > c.value;
    case '<=':
      return value <= c.value;
    case '<':
      return value < c.value;
    case '==':
      return Math.abs(value - c.value) <= 1e-12 * Math.max(1, Math.abs(c.value));
  }
}

export function formatCondition(c: GateCondition): string {
  return `${c.op} ${c.value}`;
}
