// Before `npm test`: the suites drive Debian's Chromium and the real age, openssl and poppler binaries.
// Missing ones are named once, with the one command that installs them, instead of failing deep inside a suite.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const needs = [
  { what: 'Chromium (UI end-to-end tests)', file: '/usr/bin/chromium', pkg: 'chromium' },
  { what: 'age (transfer files are checked with the real age)', bin: 'age', pkg: 'age' },
  { what: 'openssl (signatures are checked with the real openssl)', bin: 'openssl', pkg: 'openssl' },
  { what: 'pdftotext, pdffonts, pdftoppm (manifests are read back)', bin: 'pdftotext', pkg: 'poppler-utils' },
  { what: 'DejaVu fonts (Chromium renders Cyrillic in screenshots)', file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', pkg: 'fonts-dejavu-core' },
];

function onPath(bin) {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = needs.filter((n) => (n.file ? !fs.existsSync(n.file) : !onPath(n.bin)));
if (missing.length > 0) {
  process.stderr.write(`npm test needs system packages that are missing:\n${missing.map((m) => `  - ${m.what}`).join('\n')}\n`);
  process.stderr.write(`Install them with:\n  sudo apt-get install -y ${needs.map((n) => n.pkg).join(' ')}\n`);
  process.exit(1);
}
