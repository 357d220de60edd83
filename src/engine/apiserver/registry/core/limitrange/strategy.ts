// LimitRange strategy: mirrors pkg/registry/core/limitrange/strategy.go plus
// SetDefaults_LimitRangeItem (pkg/apis/core/v1/defaults.go). For a Container item, per resource:
//   default        <- max            (when no default is given)
//   defaultRequest <- default, else <- min
// so cpu-constraints.yaml (min 200m, max 800m) is stored with default 800m and defaultRequest 800m.
import type { LimitRange, LimitRangeItem } from '../../../../api/config';
import type { Strategy } from '../../../types';
import { validateLimitRange } from '../../../validation/quota';

export function setDefaultsLimitRangeItem(item: LimitRangeItem): void {
  if (item.type !== 'Container') return;
  const def = { ...(item.default ?? {}) };
  const defReq = { ...(item.defaultRequest ?? {}) };
  for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
  for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
  for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in defReq)) defReq[k] = v;
  if (Object.keys(def).length) item.default = def;
  if (Object.keys(defReq).length) item.defaultRequest = defReq;
}

export const limitRangeStrategy: Strategy = {
  defaults(obj) {
    for (const item of (obj as LimitRange).spec?.limits ?? []) setDefaultsLimitRangeItem(item);
  },
  validate: (obj) => validateLimitRange(obj as LimitRange),
};
