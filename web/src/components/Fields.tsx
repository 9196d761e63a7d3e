/**
 * Form controls with what every control needs: a visible label tied to it, an optional hint, the
 * rule's message beside it when refused (`aria-invalid`, `aria-describedby`), id `field-<name>` so the
 * error summary can link to it. Labels are questions or names, never placeholders.
 */
import type { ReactNode } from 'react';

interface Base {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `hint-${name}` : '', error ? `error-${name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ name, hint, error }: Pick<Base, 'name' | 'hint' | 'error'>) {
  return (
    <>
      {hint && (
        <p className="hint" id={`hint-${name}`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`error-${name}`}>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField(
  props: Base & { value: string; onChange: (value: string) => void; type?: 'text' | 'email' | 'date' | 'search'; inputMode?: 'numeric' | 'text' | 'email'; autoComplete?: string; width?: 's' | 'm' | 'l'; required?: boolean },
) {
  const { name, label, hint, error, value, onChange, type = 'text', inputMode, autoComplete, width = 'l', required } = props;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={`field-${name}`}>{label}</label>
      <Extras name={name} hint={hint} error={error} />
      <input
        id={`field-${name}`}
        name={name}
        className={`input w-${width}`}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function NumberField(props: Base & { value: string; onChange: (value: string) => void; min?: number; max?: number; required?: boolean }) {
  const { name, label, hint, error, value, onChange, min, max, required } = props;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={`field-${name}`}>{label}</label>
      <Extras name={name} hint={hint} error={error} />
      <input
        id={`field-${name}`}
        name={name}
        className="input w-s"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function SelectField(props: Base & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[]; empty?: string }) {
  const { name, label, hint, error, value, onChange, options, empty } = props;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={`field-${name}`}>{label}</label>
      <Extras name={name} hint={hint} error={error} />
      <select
        id={`field-${name}`}
        name={name}
        className="input w-l"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One choice among a few, as radio buttons in a fieldset whose legend is the question. */
export function RadioField(props: Base & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: ReactNode; hint?: ReactNode }[] }) {
  const { name, label, hint, error, value, onChange, options } = props;
  return (
    <fieldset className={error ? 'field has-error' : 'field'} id={`field-${name}`} tabIndex={-1} aria-describedby={describedBy(name, hint, error)}>
      <legend>{label}</legend>
      <Extras name={name} hint={hint} error={error} />
      {options.map((o) => (
        <div className="choice" key={o.value}>
          <input
            type="radio"
            id={`field-${name}-${o.value}`}
            name={name}
            value={o.value}
            checked={value === o.value}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(o.value)}
          />
          <label htmlFor={`field-${name}-${o.value}`}>
            {o.label}
            {o.hint && <span className="hint">{o.hint}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function CheckboxField(props: Base & { checked: boolean; onChange: (value: boolean) => void }) {
  const { name, label, hint, error, checked, onChange } = props;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <Extras name={name} hint={undefined} error={error} />
      <div className="choice">
        <input
          type="checkbox"
          id={`field-${name}`}
          name={name}
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, hint, error)}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={`field-${name}`}>{label}</label>
      </div>
      {hint && (
        <p className="hint" id={`hint-${name}`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** Several choices at once, as checkboxes in a fieldset. */
export function CheckboxesField(props: Base & { values: readonly string[]; onChange: (values: string[]) => void; options: readonly { value: string; label: ReactNode }[] }) {
  const { name, label, hint, error, values, onChange, options } = props;
  return (
    <fieldset className={error ? 'field has-error' : 'field'} id={`field-${name}`} tabIndex={-1} aria-describedby={describedBy(name, hint, error)}>
      <legend>{label}</legend>
      <Extras name={name} hint={hint} error={error} />
      {options.map((o) => (
        <div className="choice" key={o.value}>
          <input
            type="checkbox"
            id={`field-${name}-${o.value}`}
            checked={values.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
          />
          <label htmlFor={`field-${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
