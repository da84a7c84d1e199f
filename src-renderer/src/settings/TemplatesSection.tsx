import { useCallback, useEffect, useState } from 'react';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { DocumentKind, TemplateCheck, TemplateInfo } from '../api/types';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { isMessageKey } from '../i18n/translate';

/** Per kind: the shipped template or the consultant's own, and which placeholders the own one lacks. */
export function TemplatesSection() {
  const t = useT();
  const { notify, reportError } = useToasts();
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [checks, setChecks] = useState<Partial<Record<DocumentKind, TemplateCheck>>>({});
  const [paths, setPaths] = useState<Partial<Record<DocumentKind, string>>>({});

  const load = useCallback(async () => {
    try {
      const list = await api.call('documents.templates', {});
      setTemplates(list);
      const results = await Promise.all(list.map((x) => api.call('documents.checkTemplate', { kind: x.kind })));
      setChecks(Object.fromEntries(results.map((c) => [c.kind, c])));
    } catch (err) {
      reportError(err);
    }
  }, [reportError]);
  useEffect(() => {
    void load();
  }, [load]);

  const use = async (kind: DocumentKind, path: string | null) => {
    try {
      const check = await api.call('documents.setTemplate', { kind, path });
      setChecks((c) => ({ ...c, [kind]: check }));
      notify(check.ok ? 'success' : 'error', check.ok ? t('settings.template.saved') : t('settings.template.refused'));
      await load();
    } catch (err) {
      reportError(err);
    }
  };

  const choose = async (kind: DocumentKind) => {
    try {
      const picked = await api.call('files.chooseOpen', {
        title: t('settings.template.choose'),
        filters: [{ name: 'Word', extensions: ['docx'] }],
      });
      if (picked) await use(kind, picked.path);
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <section className="card" aria-labelledby="set-templates-title">
      <h2 id="set-templates-title">{t('settings.templates')}</h2>
      <p className="muted">{t('settings.templates.help')}</p>
      {templates.map((x) => {
        const check = checks[x.kind];
        return (
          <div key={x.kind} className="template-row">
            <h3>{t(labelKey.documentKind(x.kind))}</h3>
            <p>
              {x.customPath ? t('settings.template.custom', { path: x.customPath }) : t('settings.template.builtin')}
            </p>
            {check ? (
              <div className={`check ${check.ok ? 'check-ok' : 'check-error'}`} role="status">
                {check.ok ? t('settings.template.ok') : t('settings.template.notOk')}
                {check.missing.length ? (
                  <p>
                    {t('settings.template.missing')}: <PlaceholderNames keys={check.missing} />
                  </p>
                ) : null}
                {check.unknown.length ? (
                  <p>
                    {t('settings.template.unknown')}: <PlaceholderNames keys={check.unknown} />
                  </p>
                ) : null}
                {check.problems.map((p) => (
                  <p key={p.code}>{p.message}</p>
                ))}
              </div>
            ) : null}
            <div className="record-actions">
              {api.transport === 'electron' ? (
                <button type="button" className="btn btn-small" onClick={() => void choose(x.kind)}>
                  {t('settings.template.choose')}
                </button>
              ) : (
                <>
                  <input
                    className="input"
                    aria-label={t('settings.template.path', { kind: t(labelKey.documentKind(x.kind)) })}
                    value={paths[x.kind] ?? ''}
                    onChange={(e) => setPaths((p) => ({ ...p, [x.kind]: e.target.value }))}
                  />
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={!paths[x.kind]?.trim()}
                    onClick={() => void use(x.kind, paths[x.kind]?.trim() ?? null)}
                  >
                    {t('settings.template.use')}
                  </button>
                </>
              )}
              {x.customPath ? (
                <button type="button" className="btn btn-small btn-quiet" onClick={() => void use(x.kind, null)}>
                  {t('settings.template.reset')}
                </button>
              ) : null}
              <button
                type="button"
                className="btn btn-small btn-quiet"
                onClick={() =>
                  api
                    .call('documents.copyTemplate', { kind: x.kind })
                    .then((r) => notify('success', t('settings.template.copied', { path: r.path })), reportError)
                }
              >
                {t('settings.template.copy')}
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}

/**
 * Placeholders by what they hold ("P-nummer"), with the name to type into Word beside it; a name
 * Bindeled does not know has only the latter.
 */
function PlaceholderNames({ keys }: { keys: readonly string[] }) {
  const t = useT();
  return (
    <>
      {keys.map((key, i) => {
        const labelled = `placeholder.${key}`;
        return (
          <span key={key} className="placeholder-name">
            {i > 0 ? ', ' : null}
            {isMessageKey(labelled) ? `${t(labelled)} ` : null}
            <code>{key}</code>
          </span>
        );
      })}
    </>
  );
}
