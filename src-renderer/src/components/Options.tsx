import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';

/** `<option>`s for records chosen by id and shown by name (organisations, contacts, consultants). */
export function NamedOptions({ items }: { items: readonly { id: number; name: string }[] }) {
  return (
    <>
      {items.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </>
  );
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
  return (
    <>
      {codes.map((code) => (
        <option key={code} value={code}>
          {t(label(code))}
        </option>
      ))}
    </>
  );
}
