/**
 * Any screen drawn from the view alone: its labels as text, its public context as a list, and one
 * form per allowed event, built from the event's JSON Schema (text, number, date, yes/no, one or
 * several choices). Screens with a component of their own look better; this one is never blank.
 */
import { useState, type FormEvent } from 'react';
import type { AllowedEvent } from '../api';
import { CheckboxField, CheckboxesField, NumberField, SelectField, TextField } from '../components/Fields';
import { useLabel, useStrings } from '../i18n';
import { common } from '../strings';
import type { ScreenProps } from './screens';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export function GenericScreen({ view, journey, fieldErrors }: ScreenProps) {
  const label = useLabel();
  const [title, ...texts] = view.labels;
  return (
    <section className="generic-screen" data-screen={view.screen}>
      <h1>{title ? label(title) : view.screen}</h1>
      {texts.map((key) => (
        <p key={key}>{label(key)}</p>
      ))}
      <ContextList context={view.context} />
      {view.allowedEvents.map((event) => (
        <EventForm key={event.type} event={event} disabled={journey.busy} fieldErrors={fieldErrors} onSend={(payload) => void journey.send(event.type, payload)} />
      ))}
    </section>
  );
}

function ContextList({ context }: { context: Record<string, unknown> }) {
  const entries = Object.entries(context).filter(([k, v]) => v !== null && v !== undefined && k !== 'error' && k !== 'choices' && typeof v !== 'object');
  if (entries.length === 0) return null;
  return (
    <dl className="summary-list">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function optionsOf(schema: JsonSchema): string[] | undefined {
  if (schema.enum) return schema.enum.map(String);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.every((v) => v.const !== undefined)) return variants.map((v) => String(v.const));
  return undefined;
}

function EventForm({ event, onSend, disabled, fieldErrors }: { event: AllowedEvent; onSend: (payload: Record<string, unknown>) => void; disabled: boolean; fieldErrors: Readonly<Record<string, string>> }) {
  const t = useStrings(common);
  const label = useLabel();
  const schema = event.payload as JsonSchema;
  const fields = Object.entries(schema.properties ?? {}).filter(([name]) => name !== 'type');
  const required = new Set(schema.required ?? []);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const set = (name: string, value: unknown) => setValues((v) => ({ ...v, [name]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload: Record<string, unknown> = {};
    for (const [name, field] of fields) {
      const value = values[name];
      if (value === undefined || value === '') continue;
      const type = Array.isArray(field.type) ? field.type[0] : field.type;
      payload[name] = type === 'number' || type === 'integer' ? Number(value) : value;
    }
    onSend(payload);
  };
  const eventLabel = label(`event.${event.type}`);
  const buttonText = eventLabel === `event.${event.type}` ? event.type : eventLabel;
  return (
    <form className="event-form" onSubmit={submit} aria-label={buttonText}>
      {fields.map(([name, field]) => {
        const text = `${field.description ?? name}${required.has(name) ? '' : ` (${t('optional')})`}`;
        const type = Array.isArray(field.type) ? field.type[0] : field.type;
        const options = optionsOf(field);
        const error = fieldErrors[name];
        if (options) return <SelectField key={name} name={name} label={text} error={error} value={shown(values[name])} empty="" options={options.map((o) => ({ value: o, label: o }))} onChange={(v) => set(name, v)} />;
        if (type === 'boolean') return <CheckboxField key={name} name={name} label={text} error={error} checked={values[name] === true} onChange={(v) => set(name, v)} />;
        if (type === 'number' || type === 'integer')
          return <NumberField key={name} name={name} label={text} error={error} value={shown(values[name])} min={field.minimum} max={field.maximum} onChange={(v) => set(name, v)} />;
        if (type === 'array' && field.items && optionsOf(field.items))
          return <CheckboxesField key={name} name={name} label={text} error={error} values={(values[name] as string[] | undefined) ?? []} options={optionsOf(field.items)!.map((o) => ({ value: o, label: o }))} onChange={(v) => set(name, v)} />;
        return <TextField key={name} name={name} label={text} error={error} type={field.format === 'date' ? 'date' : 'text'} value={shown(values[name])} onChange={(v) => set(name, v)} />;
      })}
      <button type="submit" className="button" disabled={disabled}>
        {buttonText}
      </button>
    </form>
  );
}

function shown(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
