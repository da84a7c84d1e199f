import { useEffect, useState } from 'react';
import { INDUSTRY_SYSTEMS, type IndustrySystem, industrySection } from '../../../src-shared/codes/industry';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import { useT } from '../i18n/I18nProvider';
import { formatIndustry } from '../lib/format';

const asSystem = (s: string): IndustrySystem | null =>
  (INDUSTRY_SYSTEMS as readonly string[]).includes(s) ? (s as IndustrySystem) : null;

/** Titles already asked for, by "system code": a page shows the same few codes again and again. */
const titles = new Map<string, Promise<string | null>>();

function titleOf(system: IndustrySystem, code: string): Promise<string | null> {
  const key = `${system} ${code}`;
  let title = titles.get(key);
  if (!title) {
    title = api.call('companies.industryTitle', { system, code }).catch(() => null);
    titles.set(key, title);
  }
  return title;
}

interface Props {
  code: string | null;
  system: string;
  /** The title when the caller has it already (the caseload's rows carry it); else it is asked for. */
  title?: string | null;
}

/**
 * An industry code with its title beside it: the code's own title in its system, or, where the
 * table lacks the code, its NACE section's title and a note that the code is unknown in the system.
 */
export function IndustryCode({ code, system, title: given }: Props) {
  const t = useT();
  const sys = asSystem(system);
  const digits = code && /^\d{6}$/.test(code) ? code : null;
  const [fetched, setFetched] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (given !== undefined || !sys || !digits) return;
    let live = true;
    void titleOf(sys, digits).then((x) => live && setFetched(x));
    return () => {
      live = false;
    };
  }, [given, sys, digits]);
  if (!code) return null;
  const title = given !== undefined ? given : fetched;
  const section = industrySection(code);
  const sectionTitle = section ? t(labelKey.industrySection(section)) : '';
  return (
    <span className="industry" title={sectionTitle || undefined}>
      <span className="cell-industry-code">{formatIndustry(code)}</span> {title ?? sectionTitle}
      {title === null && sys ? <span className="muted"> ({t('industry.noTitle', { system: sys })})</span> : null}
    </span>
  );
}
