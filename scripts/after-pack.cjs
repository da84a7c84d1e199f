// electron-builder's afterPack hook: sets Electron's fuses in the packaged binary, before it is
// signed. Fuses are switches compiled into the Electron executable; flipped off, a feature cannot
// be turned back on by an environment variable or a command-line flag on a consultant's laptop.
//   RunAsNode off                       ELECTRON_RUN_AS_NODE cannot turn Bindeled into a Node shell
//   EnableNodeOptionsEnvironmentVariable off   NODE_OPTIONS cannot inject code
//   EnableNodeCliInspectArguments off   --inspect cannot attach a debugger to the main process
//   EnableEmbeddedAsarIntegrityValidation on   a modified app.asar is refused (macOS, Windows)
//   OnlyLoadAppFromAsar on              the app is only ever loaded from the checked app.asar
//   EnableCookieEncryption on, GrantFileProtocolExtraPrivileges off (Bindeled serves app://)
// CommonJS on purpose: electron-builder requires hook files.
const path = require('node:path');

/** Fuse name (as in @electron/fuses' FuseV1Options) → wanted state. */
const FUSES = Object.freeze({
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
  GrantFileProtocolExtraPrivileges: false,
});

/** The Electron executable electron-builder just laid out, per platform. */
function electronBinaryPath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

function fuseOptions(FuseV1Options, FuseVersion, context) {
  const options = {
    version: FuseVersion.V1,
    // Flipping fuses invalidates an ad-hoc signature on Apple silicon; electron-builder signs after this hook.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
  };
  for (const [name, value] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`@electron/fuses knows no fuse named ${name}`);
    options[FuseV1Options[name]] = value;
  }
  return options;
}

async function afterPack(context) {
  let fuses;
  try {
    fuses = require('@electron/fuses');
  } catch {
    throw new Error('@electron/fuses is not installed: npm install --save-dev @electron/fuses@1.8.0');
  }
  const binary = electronBinaryPath(context);
  await fuses.flipFuses(binary, fuseOptions(fuses.FuseV1Options, fuses.FuseVersion, context));
  console.log(
    `  • fuses set in ${path.basename(binary)}: ${Object.entries(FUSES)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
  );
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
module.exports.fuseOptions = fuseOptions;
