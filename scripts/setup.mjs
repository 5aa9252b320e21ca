// What the test suites need beyond npm packages, and how to get it on this kind of machine.
// Installs Debian packages when running as root; otherwise reports exactly what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN = [
  { bin: '/usr/bin/chromium', pkg: 'chromium', why: 'the code-server (real VS Code) suites and the HTML report test' },
  { bin: '/usr/bin/nvim', pkg: 'neovim', why: 'the Neovim LSP client test' },
  { bin: '/usr/bin/rg', pkg: 'ripgrep', why: 'code-server search and workspaceContains activation' },
];

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function aptInstall(pkgs) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  }
  return r.status === 0;
}

/** Returns the pieces still missing after trying to install them: [{ what, fix }]. */
export function ensureTestDependencies() {
  const absent = DEBIAN.filter((d) => !existsSync(d.bin));
  if (absent.length && isRoot()) {
    console.error(`npm test: installing Debian packages: ${absent.map((d) => d.pkg).join(' ')}`);
    aptInstall(absent.map((d) => d.pkg));
  }
  const missing = DEBIAN.filter((d) => !existsSync(d.bin)).map((d) => ({
    what: `${d.bin} (for ${d.why})`,
    fix: `sudo apt-get install ${d.pkg}`,
  }));
  const codeServer = spawnSync(process.execPath, ['scripts/setupCodeServer.mjs'], { stdio: 'inherit' });
  if (codeServer.status !== 0) {
    missing.push({ what: 'code-server 4.100.3 in .cache/code-server (for the real VS Code suites)', fix: 'node scripts/setupCodeServer.mjs (needs the npm registry)' });
  }
  return missing;
}
