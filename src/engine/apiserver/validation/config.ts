// ValidateConfigMap / ValidateSecret (+ their Update variants): mirrors pkg/apis/core/validation/
// validation.go. Keys must be valid config keys, the whole object must fit in 1 MiB
// (MaxSecretSize, the same limit for ConfigMaps), a Secret's type dictates required keys, and an
// `immutable: true` object can no longer change its data.
import type { ConfigMap, Secret } from '../../api/config';
import {
  SECRET_TYPE_BASIC_AUTH,
  SECRET_TYPE_DOCKER_CONFIG,
  SECRET_TYPE_DOCKER_CONFIG_JSON,
  SECRET_TYPE_SERVICE_ACCOUNT_TOKEN,
  SECRET_TYPE_SSH_AUTH,
  SECRET_TYPE_TLS,
} from '../../api/config';
import { decodeBase64, decodedLength } from '../../api/base64';
import type { FieldError } from './field';
import { forbidden, invalid, required } from './field';

/** core.MaxSecretSize: 1 MiB. */
export const MAX_SECRET_SIZE = 1024 * 1024;
const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_ERR =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** IsConfigMapKey (k8s.io/apimachinery/pkg/util/validation): also used for Secret keys and envFrom. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY_RE.test(key)) errs.push(CONFIG_KEY_ERR);
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function tooBig(): FieldError {
  // field.TooLong(field.NewPath(""), "", MaxSecretSize): the path is empty.
  return { type: 'FieldValueTooLong', field: '', detail: `may not be more than ${MAX_SECRET_SIZE} bytes` };
}

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(`data[${k}]`, k, m));
    total += new TextEncoder().encode(String(v)).length;
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(`binaryData[${k}]`, k, m));
    if (cm.data && k in cm.data) errs.push(invalid(`binaryData[${k}]`, k, 'duplicate of key present in data'));
    total += decodedLength(String(v));
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooBig());
  return errs;
}

export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs: FieldError[] = [];
  if (old.immutable) {
    if (!cm.immutable) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
    if (JSON.stringify(cm.data ?? {}) !== JSON.stringify(old.data ?? {})) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
    if (JSON.stringify(cm.binaryData ?? {}) !== JSON.stringify(old.binaryData ?? {})) errs.push(forbidden('binaryData', 'field is immutable when `immutable` is set'));
  }
  return [...errs, ...validateConfigMap(cm)];
}

export function validateSecret(s: Secret): FieldError[] {
  const errs: FieldError[] = [];
  const data = s.data ?? {};
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(`data[${k}]`, k, m));
    total += decodedLength(v);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooBig());
  const has = (k: string) => k in data;
  switch (s.type) {
    case SECRET_TYPE_SERVICE_ACCOUNT_TOKEN:
      if (!s.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case SECRET_TYPE_DOCKER_CONFIG:
      if (!has('.dockercfg')) errs.push(required('data[.dockercfg]'));
      else if (!isJSON(data['.dockercfg'])) errs.push(invalid('data[.dockercfg]', '<secret contents redacted>', 'invalid character in JSON'));
      break;
    case SECRET_TYPE_DOCKER_CONFIG_JSON:
      if (!has('.dockerconfigjson')) errs.push(required('data[.dockerconfigjson]'));
      else if (!isJSON(data['.dockerconfigjson'])) errs.push(invalid('data[.dockerconfigjson]', '<secret contents redacted>', 'invalid character in JSON'));
      break;
    case SECRET_TYPE_BASIC_AUTH:
      if (!has('username') && !has('password')) errs.push(required('data[username]'), required('data[password]'));
      break;
    case SECRET_TYPE_SSH_AUTH:
      if (!has('ssh-privatekey')) errs.push(required('data[ssh-privatekey]'));
      break;
    case SECRET_TYPE_TLS:
      if (!has('tls.key')) errs.push(required('data[tls.key]'));
      if (!has('tls.crt')) errs.push(required('data[tls.crt]'));
      break;
    default:
      break;
  }
  return errs;
}

export function validateSecretUpdate(s: Secret, old: Secret): FieldError[] {
  const errs: FieldError[] = [];
  if ((s.type ?? '') !== (old.type ?? '')) errs.push(invalid('type', s.type ?? '', 'field is immutable'));
  if (old.immutable) {
    if (!s.immutable) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
    if (JSON.stringify(s.data ?? {}) !== JSON.stringify(old.data ?? {})) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
  }
  return [...errs, ...validateSecret(s)];
}

function isJSON(b64: string): boolean {
  const text = decodeBase64(b64);
  if (text === undefined) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
