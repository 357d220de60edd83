// Where `kubectl explain` reads field documentation. A real kubectl reads the API server's
// OpenAPI v3 documents; here it reads the JSON Schema the UI editor validates against
// (src/schemas/kubernetes.json, generated from kubernetes-types: draft-07, one definition
// per type, named by type: Pod, PodSpec, Container…). The engine may not import from src/ui,
// so whoever starts the engine registers it with setExplainSchema(); until then a small
// built-in table of the core kinds (same shape) is used.
import { FALLBACK_SCHEMA } from './fallback';

export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
}

export interface ExplainSchema {
  definitions: Record<string, SchemaNode>;
}

let registered: ExplainSchema | undefined;

/** Use this schema for kubectl explain (the editor's kubernetes.json). */
export function setExplainSchema(schema: ExplainSchema | undefined): void {
  registered = schema;
}

export function explainSchema(): ExplainSchema {
  return registered ?? FALLBACK_SCHEMA;
}
