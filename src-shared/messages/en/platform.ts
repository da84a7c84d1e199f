import type { platform as da } from '../da/platform';

export const platform: Record<keyof typeof da, string> = {
  'file.locked':
    'The file {path} is in use by another program (perhaps Word, Excel, an antivirus program or OneDrive). Close it there and try again.',
  'file.writtenBesideTaken':
    '{file} has been written. {taken} already exists or is open in another program (such as Word), so the new file got another name.',
};
