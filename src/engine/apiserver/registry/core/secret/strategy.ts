// Secret strategy: mirrors pkg/registry/core/secret/strategy.go, the v1 conversion that folds
// stringData into data (pkg/apis/core/v1/conversion.go Convert_v1_Secret_To_core_Secret) and
// SetDefaults_Secret (type Opaque). What is stored, watched and printed by `-o yaml` is base64:
//   stringData: {password: "s3cret"}  ->  data: {password: "czNjcmV0"}   (stringData is dropped)
// A stringData key wins over the same key in data, as upstream documents.
import type { Secret } from '../../../../api/config';
import { SECRET_TYPE_OPAQUE } from '../../../../api/config';
import { decodeBytes, encodeBase64 } from '../../../../api/base64';
import type { FieldGetter } from '../../../apiserver';
import { newBadRequest } from '../../../errors';
import type { Strategy } from '../../../types';
import { validateSecret, validateSecretUpdate } from '../../../validation/config';

const sec = (o: unknown) => o as Secret;

/** Decode + convert: data must be base64, stringData is merged in (encoded) and removed. */
export function convertSecret(s: Secret): void {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) {
    if (typeof v !== 'string') {
      throw newBadRequest(`Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal ${typeof v} into Go struct field Secret.data of type []uint8`);
    }
    const b = decodeBytes(v);
    if (!(b instanceof Uint8Array)) throw newBadRequest(`Secret in version "v1" cannot be handled as a Secret: ${b.error}`);
    data[k] = v.replace(/[\r\n]/g, '');
  }
  for (const [k, v] of Object.entries(s.stringData ?? {})) data[k] = encodeBase64(String(v));
  delete s.stringData;
  if (Object.keys(data).length || s.data) s.data = data;
}

export const secretStrategy: Strategy = {
  defaults(obj) {
    convertSecret(sec(obj));
    if (!sec(obj).type) sec(obj).type = SECRET_TYPE_OPAQUE;
  },
  validate: (obj) => validateSecret(sec(obj)),
  validateUpdate: (obj, old) => validateSecretUpdate(sec(obj), sec(old)),
};

export const secretFieldGetters: Record<string, FieldGetter> = {
  type: (o) => sec(o).type ?? '',
};
