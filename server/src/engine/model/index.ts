/** The model side of Plumb's engine: ONNX reading, rewriting, building and inference. */
export * from './protobuf';
export * from './onnxTypes';
export * from './onnxWriter';
export * from './onnxBuilder';
export * from './onnxBuilderTrees';
export * from './onnxBuilderMore';
export * from './byteSource';
export * from './onnxSignature';
export * from './onnxValueType';
export * from './zipmap';
export * from './featureFeeds';
export * from './outputSelect';
export * from './predictionAssembly';
export * from './onnxRuntime';
export * from './predictor';
