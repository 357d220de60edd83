// ConfigMap strategy: mirrors pkg/registry/core/configmap/strategy.go (no status, no generation;
// validation in ../../../validation/config.ts, including the `immutable` rule on update).
// Decoding comes first: `data` values must be strings, as the Go struct says, so the common
// mistake `data: {replicas: 3}` fails with the decoder's message.
import type { ConfigMap } from '../../../../api/config';
import { newBadRequest } from '../../../errors';
import type { Strategy } from '../../../types';
import { validateConfigMap, validateConfigMapUpdate } from '../../../validation/config';

const cm = (o: unknown) => o as ConfigMap;

export const configMapStrategy: Strategy = {
  defaults(obj) {
    for (const field of ['data', 'binaryData'] as const) {
      for (const v of Object.values(cm(obj)[field] ?? {})) {
        if (typeof v !== 'string') {
          const jsType = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
          throw newBadRequest(
            `ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal ${jsType} into Go struct field ConfigMap.${field} of type ${field === 'data' ? 'string' : '[]uint8'}`,
          );
        }
      }
    }
  },
  validate: (obj) => validateConfigMap(cm(obj)),
  validateUpdate: (obj, old) => validateConfigMapUpdate(cm(obj), cm(old)),
};
