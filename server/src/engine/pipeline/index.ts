/** Pipelines (`kind: pipeline`): stages, their order and cycles, deploy strategies, power, plans. */
export { parsePipeline, normalizeRef } from './parsePipeline';
export { stageGraph, findCycles, stageOrder, needs, STAGE_PREFIX, type StageGraph } from './graph';
export { pipelineDiagnostics, loadStageSpecs, type PipelineFiles, type StageSpec } from './validatePipeline';
export { twoProportionPower, abPower, armSizes, AB_ALPHA, TARGET_POWER, type AbPower, type AbArm } from './power';
export { planPipeline, formatPlanText, nodePlanFiles, type PipelinePlan, type StagePlan, type DeployPlan, type PlanFiles } from './plan';
export { computedMetrics } from './computedMetrics';
export type { Pipeline, Stage, CanaryStep, Phase, Deploy, Strategy, StageEdge } from './types';
