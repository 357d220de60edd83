// Field errors: mirrors k8s.io/apimachinery/pkg/util/validation/field/errors.go. The rendering
// of each error type is what students see after "is invalid:".

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound'
  | 'InternalError';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: unknown;
  detail?: string;
  /** For NotSupported: the values that are allowed. */
  supported?: string[];
}

/** field.OmitValueType{}: an Invalid error that prints no value. */
export const OMIT_VALUE = '\u0000omit';

/** Render a bad value the way newer API servers do (JSON for composite values). */
export function renderValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export function fieldErrorString(e: FieldError): string {
  switch (e.type) {
    case 'FieldValueRequired':
      return `${e.field}: Required value${e.detail ? `: ${e.detail}` : ''}`;
    case 'FieldValueInvalid':
      if (e.badValue === OMIT_VALUE) return `${e.field}: Invalid value: ${e.detail ?? ''}`;
      return `${e.field}: Invalid value: ${renderValue(e.badValue)}${e.detail ? `: ${e.detail}` : ''}`;
    case 'FieldValueNotSupported': {
      const sup = (e.supported ?? []).map((s) => JSON.stringify(s)).join(', ');
      return `${e.field}: Unsupported value: ${renderValue(e.badValue)}${sup ? `: supported values: ${sup}` : ''}`;
    }
    case 'FieldValueDuplicate':
      return `${e.field}: Duplicate value: ${renderValue(e.badValue)}${e.detail ? `: ${e.detail}` : ''}`;
    case 'FieldValueForbidden':
      return `${e.field}: Forbidden${e.detail ? `: ${e.detail}` : ''}`;
    case 'FieldValueTooLong':
      return `${e.field}: Too long: ${e.detail ?? 'value is too long'}`;
    case 'FieldValueTooMany':
      return `${e.field}: Too many: ${e.detail ?? ''}`;
    case 'FieldValueNotFound':
      return `${e.field}: Not found: ${renderValue(e.badValue)}${e.detail ? `: ${e.detail}` : ''}`;
    default:
      return `${e.field}: Internal error: ${e.detail ?? ''}`;
  }
}

export const required = (field: string, detail?: string): FieldError => ({ type: 'FieldValueRequired', field, detail });
export const invalid = (field: string, badValue: unknown, detail?: string): FieldError => ({ type: 'FieldValueInvalid', field, badValue, detail });
export const notSupported = (field: string, badValue: unknown, supported: string[]): FieldError => ({ type: 'FieldValueNotSupported', field, badValue, supported });
export const duplicate = (field: string, badValue: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, badValue });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail });
export const tooLong = (field: string, badValue: unknown, max: number): FieldError => ({ type: 'FieldValueTooLong', field, badValue, detail: `may not be more than ${max} bytes` });
