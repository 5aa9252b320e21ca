/**
 * The part of the SARIF 2.1.0 JSON Schema (OASIS, sarif-schema-2.1.0.json) that Plumb's logs use,
 * transcribed as a draft-07 schema: the same required properties, enums, minimums and
 * `additionalProperties: false` as the official definitions of sarifLog, run, tool, toolComponent,
 * reportingDescriptor, result, message, location, physicalLocation, artifactLocation and region
 * (only the properties Plumb could write are listed, so anything else it wrote would fail here).
 */
import Ajv from 'ajv';

const message = { type: 'object', additionalProperties: false, properties: { text: { type: 'string' }, markdown: { type: 'string' }, id: { type: 'string' }, arguments: { type: 'array', items: { type: 'string' } } }, anyOf: [{ required: ['text'] }, { required: ['id'] }] };
const artifactLocation = { type: 'object', additionalProperties: false, properties: { uri: { type: 'string' }, uriBaseId: { type: 'string' }, index: { type: 'integer', minimum: -1 }, description: message } };
const region = {
  type: 'object',
  additionalProperties: false,
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
    charOffset: { type: 'integer', minimum: -1 },
    charLength: { type: 'integer', minimum: 0 },
    snippet: { type: 'object' },
    message,
  },
};
const reportingDescriptor = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string' }, name: { type: 'string' }, shortDescription: message, fullDescription: message, helpUri: { type: 'string' }, help: message, defaultConfiguration: { type: 'object' }, properties: { type: 'object' } },
};
export const SARIF_SUBSET_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string' },
    version: { enum: ['2.1.0'] },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            additionalProperties: false,
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                additionalProperties: false,
                required: ['name'],
                properties: { name: { type: 'string' }, informationUri: { type: 'string' }, version: { type: 'string' }, semanticVersion: { type: 'string' }, rules: { type: 'array', items: reportingDescriptor } },
              },
            },
          },
          originalUriBaseIds: { type: 'object', additionalProperties: artifactLocation },
          results: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: -1 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
                message,
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    properties: { id: { type: 'integer', minimum: -1 }, physicalLocation: { type: 'object', additionalProperties: false, properties: { artifactLocation, region, contextRegion: region } }, message },
                  },
                },
                partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
                properties: { type: 'object' },
              },
            },
          },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: false }).compile(SARIF_SUBSET_SCHEMA);

export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
