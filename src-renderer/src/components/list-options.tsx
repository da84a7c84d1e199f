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
