import type { ReactNode } from 'react';

interface ChoiceProps {
  type?: 'checkbox' | 'radio';
  name?: string;
  checked: boolean;
  disabled?: boolean;
  className?: string;
  /** A radio button calls it only when it becomes the chosen one. */
  onChange(checked: boolean): void;
  children: ReactNode;
}

/** A checkbox or radio button inside its label, so the label's text is what a click hits. */
export function Choice({
  type = 'checkbox',
  name,
  checked,
  disabled,
  className = 'option',
  onChange,
  children,
}: ChoiceProps) {
  return (
    <label className={className}>
      <input
        type={type}
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {children}
    </label>
  );
}

interface ChoiceOption<K> {
  key: K;
  label: ReactNode;
}

/** Checkboxes for any number of a list's items; a ticked item is added at the end of `chosen`. */
export function CheckGroup<K extends string | number>({
  options,
  chosen,
  onChange,
}: {
  options: readonly ChoiceOption<K>[];
  chosen: readonly K[];
  onChange(next: K[]): void;
}) {
  return (
    <>
      {options.map((o) => (
        <Choice
          key={o.key}
          checked={chosen.includes(o.key)}
          onChange={(on) => onChange(on ? [...chosen, o.key] : chosen.filter((x) => x !== o.key))}
        >
          {o.label}
        </Choice>
      ))}
    </>
  );
}

/** Radio buttons sharing one `name`, for exactly one of a list's items. */
export function RadioGroup<K extends string>({
  name,
  options,
  value,
  onChange,
}: {
  name: string;
  options: readonly ChoiceOption<K>[];
  value: K;
  onChange(key: K): void;
}) {
  return (
    <>
      {options.map((o) => (
        <Choice key={o.key} type="radio" name={name} checked={value === o.key} onChange={() => onChange(o.key)}>
          {o.label}
        </Choice>
      ))}
    </>
  );
}
