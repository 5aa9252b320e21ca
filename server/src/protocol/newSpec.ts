/**
 * LSP extensions behind "Plumb: New Spec from Model": the client picks an ONNX file and a data file,
 * the server describes them and proposes a spec, the client writes the text where the server says.
 */
import { RequestType } from 'vscode-languageserver-protocol';

export interface TensorSummary {
  name: string;
  elemType: string;
  shape: (number | string | null)[] | null;
}

export interface ModelSummary {
  inputs: TensorSummary[];
  outputs: TensorSummary[];
  classLabels: (number | string)[] | null;
  zipmap: boolean;
}

export interface ColumnSummary {
  name: string;
  type: 'numeric' | 'categorical' | 'boolean' | 'datetime';
  /** Distinct non-missing values in the rows read, capped at 21. */
  distinct: number;
  /** The distinct values, sorted, when there are at most 20. */
  values?: (number | string)[];
}

export interface TargetCandidate {
  column: string;
  reason: string;
  values?: (number | string)[];
}

export interface SpecProposal {
  task: 'binary-classification' | 'multiclass-classification' | 'regression';
  taskReason: string;
  features: string[];
  featureReason: string;
  input?: string;
  target: string | null;
  positiveLabel?: number | string;
  warnings: string[];
}

/** Client -> server: the model's signature, the data's columns and the target candidates. */
export namespace DescribeFilesRequest {
  export const method = 'plumb/describeFiles' as const;
  export interface Params {
    /** file: URIs. */
    model: string;
    data: string;
  }
  export interface Result {
    model: ModelSummary;
    columns: ColumnSummary[];
    /** Data rows read to infer types and values. */
    rowsRead: number;
    /** Ranked, most likely first. */
    targets: TargetCandidate[];
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** Client -> server: the spec's text for a target (and optionally chosen features), and a free file name beside the model. */
export namespace DraftSpecRequest {
  export const method = 'plumb/draftSpec' as const;
  export interface Params {
    model: string;
    data: string;
    target: string | null;
    features?: string[];
  }
  export interface Result {
    /** file: URI of a spec that does not exist yet, beside the model. */
    uri: string;
    text: string;
    proposal: SpecProposal;
    /** Validation errors of the drafted text (empty when it is a valid spec). */
    problems: string[];
  }
  export const type = new RequestType<Params, Result, void>(method);
}
