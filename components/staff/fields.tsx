'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';

/**
 * Form fields after the GOV.UK Design System: label, hint, error message, then the input,
 * with the hint and error tied to the input by `aria-describedby`. Each input's id is its name,
 * so the error summary can link to it.
 */

export interface FieldMessages {
  label: string;
  hint?: string;
  error?: string;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({
  name,
  label,
  hint,
  error,
  ...input
}: FieldMessages & { name: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className'>) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label className="field-label" htmlFor={name}>
        {label}
      </label>
      <HintAndError id={name} hint={hint} error={error} />
      <input
        id={name}
        name={name}
        className="text-input"
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A radio group; the first radio carries the group's id, for the error summary's link. */
export function RadioGroup({
  name,
  label,
  hint,
  error,
  options,
  defaultValue,
}: FieldMessages & { name: string; options: readonly Option[]; defaultValue?: string }) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <fieldset aria-describedby={describedBy(name, hint, error)}>
        <legend className="field-label">{label}</legend>
        <HintAndError id={name} hint={hint} error={error} />
        <div className="choices">
          {options.map((option, index) => (
            <label key={option.value} className="choice">
              <input
                type="radio"
                id={index === 0 ? name : `${name}-${option.value}`}
                name={name}
                value={option.value}
                defaultChecked={defaultValue === option.value}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  options,
  placeholder,
  defaultValue,
}: FieldMessages & { name: string; options: readonly Option[]; placeholder: string; defaultValue?: string }) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label className="field-label" htmlFor={name}>
        {label}
      </label>
      <HintAndError id={name} hint={hint} error={error} />
      <select
        id={name}
        name={name}
        className="text-input"
        defaultValue={defaultValue ?? ''}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SubmitButton({ children, pending }: { children: ReactNode; pending: boolean }) {
  return (
    <div className="actions">
      {/* Not `disabled` while sending, which would drop focus; a second click is ignored instead. */}
      <button
        type="submit"
        className="button"
        aria-disabled={pending || undefined}
        onClick={(event) => {
          if (pending) event.preventDefault();
        }}
      >
        {children}
      </button>
    </div>
  );
}
