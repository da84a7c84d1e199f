/** The annexes a LAG application usually needs (docs/domain.md); an attachment may be marked as one. */
export const ANNEX_KINDS = ['business_plan', 'quote', 'accounts'] as const;
export type AnnexKind = (typeof ANNEX_KINDS)[number];

/** What an attachment belongs to besides its firm: nothing else, or one visit, referral or LAG application. */
export const ATTACHMENT_OWNERS = ['company', 'visit', 'referral', 'application'] as const;
export type AttachmentOwner = (typeof ATTACHMENT_OWNERS)[number];

/** The largest attachment when the setting is not changed. */
export const DEFAULT_ATTACHMENT_MAX_MB = 50;

/**
 * Extensions of files that run code when opened. Such a file is stored like any other (a firm may
 * send an installer), but Bindeled never hands it to the operating system to open.
 */
export const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe',
  'com',
  'bat',
  'cmd',
  'scr',
  'pif',
  'msi',
  'msix',
  'msp',
  'cpl',
  'dll',
  'sys',
  'drv',
  'ocx',
  'ps1',
  'psm1',
  'psd1',
  'vbs',
  'vbe',
  'js',
  'jse',
  'wsf',
  'wsh',
  'ws',
  'hta',
  'lnk',
  'url',
  'reg',
  'jar',
  'app',
  'sh',
  'bash',
  'command',
  'run',
  'bin',
  'appimage',
  'deb',
  'rpm',
  'pkg',
  'dmg',
  'application',
  'appref-ms',
  'gadget',
  'inf',
  'msc',
  'scf',
  'chm',
  'py',
  'pyw',
  'pl',
  'rb',
  'docm',
  'xlsm',
  'pptm',
  'dotm',
  'xltm',
  'xlam',
  'ppam',
]);

/** The file's extension in lower case, without the dot ('' when it has none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function isExecutableName(name: string): boolean {
  return EXECUTABLE_EXTENSIONS.has(extensionOf(name));
}
