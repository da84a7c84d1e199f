import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';

export interface OptionItem {
  value: string | number;
  label: string;
}

/** One `<option>` per choice, shown by its label. */
export function ChoiceOptions({ items }: { items: readonly OptionItem[] }) {
  return (
    <>
      {items.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
}

/** Options whose value is the text shown, e.g. names picked by name (tags, saved views, sheets). */
export function TextOptions({ values }: { values: readonly string[] }) {
  return <ChoiceOptions items={values.map((v) => ({ value: v, label: v }))} />;
}

/** `<option>`s for records chosen by id and shown by name (organisations, contacts, consultants). */
export function NamedOptions({ items }: { items: readonly { id: number; name: string }[] }) {
  return <ChoiceOptions items={items.map((o) => ({ value: o.id, label: o.name }))} />;
}

/** One option per code of a closed list, in the list's order, each shown by its translated label. */
export function LabelOptions<C extends string>({
  codes,
  label,
}: {
  codes: readonly C[];
  label: (code: C) => MessageKey;
}) {
  const t = useT();
  return <ChoiceOptions items={codes.map((code) => ({ value: code, label: t(label(code)) }))} />;
}
