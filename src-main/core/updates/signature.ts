import { verifySignature } from 'electron-updater/out/windowsExecutableCodeSignatureVerifier';
import type { SignatureCheck } from './update-controller';

/**
 * electron-updater's Authenticode check (PowerShell's Get-AuthenticodeSignature): the installer
 * must be validly signed by one of IT's publishers. Windows only; plain Node, no Electron.
 */
export const windowsSignatureCheck: SignatureCheck = (publisherNames, file) =>
  verifySignature(publisherNames, file, { info: () => {}, warn: () => {}, error: () => {} });
