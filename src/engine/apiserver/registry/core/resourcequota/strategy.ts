// ResourceQuota strategy: mirrors pkg/registry/core/resourcequota/strategy.go. The status
// (hard and used) belongs to the resource quota controller and the ResourceQuota admission
// plugin: a create starts with an empty status, spec writes keep the stored status.
import type { ResourceQuota } from '../../../../api/config';
import type { Strategy } from '../../../types';
import { validateResourceQuota } from '../../../validation/quota';

const rq = (o: unknown) => o as ResourceQuota;

export const resourceQuotaStrategy: Strategy = {
  hasStatus: true,
  prepareForCreate(obj) {
    delete rq(obj).status;
  },
  validate: (obj) => validateResourceQuota(rq(obj)),
};
