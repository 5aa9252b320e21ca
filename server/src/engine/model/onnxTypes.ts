/**
 * ONNX enums and field numbers (onnx/onnx.proto), shared by the model writer, the signature reader
 * and the ZipMap rewrite. Only what Plumb reads or writes is listed.
 */

/** TensorProto.DataType, by name as Plumb reports it. */
export const ELEM_TYPES = {
  float: 1,
  uint8: 2,
  int8: 3,
  uint16: 4,
  int16: 5,
  int32: 6,
  int64: 7,
  string: 8,
  bool: 9,
  float16: 10,
  double: 11,
  uint32: 12,
  uint64: 13,
  complex64: 14,
  complex128: 15,
  bfloat16: 16,
} as const;

export type TensorElemType = keyof typeof ELEM_TYPES;
export type ElemType = TensorElemType | 'map' | 'sequence' | 'unknown';

const ELEM_NAMES = new Map<number, TensorElemType>(
  Object.entries(ELEM_TYPES).map(([name, code]) => [code, name as TensorElemType]),
);

export function elemTypeName(code: number): ElemType {
  return ELEM_NAMES.get(code) ?? 'unknown';
}

/** AttributeProto.AttributeType. */
export const enum AttrType {
  Float = 1,
  Int = 2,
  String = 3,
  Tensor = 4,
  Graph = 5,
  Floats = 6,
  Ints = 7,
  Strings = 8,
  Tensors = 9,
  Graphs = 10,
}

/** Field numbers of the ONNX messages Plumb touches. */
export const F = {
  model: { irVersion: 1, producerName: 2, producerVersion: 3, domain: 4, modelVersion: 5, docString: 6, graph: 7, opsetImport: 8, metadataProps: 14, functions: 25 },
  opset: { domain: 1, version: 2 },
  entry: { key: 1, value: 2 },
  graph: { node: 1, name: 2, initializer: 5, docString: 10, input: 11, output: 12, valueInfo: 13, sparseInitializer: 15 },
  node: { input: 1, output: 2, name: 3, opType: 4, attribute: 5, docString: 6, domain: 7 },
  attr: { name: 1, f: 2, i: 3, s: 4, t: 5, g: 6, floats: 7, ints: 8, strings: 9, tensors: 10, graphs: 11, type: 20 },
  valueInfo: { name: 1, type: 2, docString: 3 },
  type: { tensor: 1, sequence: 4, map: 5, sparseTensor: 8, optional: 9 },
  tensorType: { elemType: 1, shape: 2 },
  sequenceType: { elemType: 1 },
  mapType: { keyType: 1, valueType: 2 },
  shape: { dim: 1 },
  dim: { value: 1, param: 2 },
  tensor: { dims: 1, dataType: 2, floatData: 4, int32Data: 5, stringData: 6, int64Data: 7, name: 8, rawData: 9, doubleData: 10, externalData: 13, dataLocation: 14 },
  sparseTensor: { values: 1, indices: 2, dims: 3 },
} as const;

/** TensorProto.DataLocation.EXTERNAL */
export const DATA_LOCATION_EXTERNAL = 1;
