import type { platform as da } from '../da/platform';

export const platform: Record<keyof typeof da, string> = {
  'file.locked':
    'The file {path} is in use by another program (perhaps Word, Excel, an antivirus program or OneDrive). Close it there and try again.',
  'file.writtenBesideTaken':
    '{file} has been written. {taken} already exists or is open in another program (such as Word), so the new file got another name.',
  'storage.synced':
    'The database {path} is in a folder that {service} syncs ({folder}). Syncing can damage the database while Bindeled uses it. Move it to {safe}. Letters and exports may stay in the synced folder.',
  'storage.network':
    'The database {path} is on a network drive ({folder}). A network drive cannot lock the database safely, so it may be damaged. Move it to {safe}. Letters and exports may stay on the network drive.',
  'storage.title': 'The database is in an unsafe place.',
  'update.configInvalid':
    'The update settings in {path} cannot be read ({reason}). Updates are off until the file is fixed.',
  'update.feedFailed': 'The update source {url} could not be read: {reason}',
  'update.feedBroken': 'The update source {url} describes no update Bindeled can use.',
  'update.badHash':
    'The update {file} is not the one the update source describes (the checksum does not match). It will not be installed.',
  'update.badSignature': 'The update {file} is not signed by {publisher} ({reason}). It will not be installed.',
  'update.ready': 'Bindeled {version} has been downloaded and will be installed when you close Bindeled.',
  'update.waiting': 'The update waits until the open forms are saved and the jobs have finished.',
  'update.notes': 'New in this version',
  'update.failedTitle': 'Bindeled could not fetch an update.',
  'update.dismiss': 'Hide',
};
