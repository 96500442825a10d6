// Checks report pages for WCAG 2.1 A/AA with axe-core in Debian's Chromium, at each given width, and for
// reflow (WCAG 1.4.10): at 320 CSS px the page itself must not scroll sideways (tables scroll in their own box).
//   node check.mjs WIDTHS PAGE.html...      e.g. node check.mjs 1280,320 out/report/*.html
// Prints one line per page and width, then the violations in detail; exits 1 when there is any, 2 on bad use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [widthArg, ...pages] = process.argv.slice(2);
if (!widthArg || pages.length === 0) {
  console.error('usage: node check.mjs WIDTHS PAGE.html...');
  process.exit(2);
}
const widths = widthArg.split(',').map(Number);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// No network is needed or wanted: the pages are self-contained files.
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: mkdtempSync(join(tmpdir(), 'polku-axe-')),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failures = 0;
try {
  for (const file of pages) {
    for (const width of widths) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto('file://' + resolve(file), { waitUntil: 'load' });
      await page.evaluate(axeSource);
      const result = await page.evaluate(async (tags) => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return {
          version: r.testEngine.version,
          violations: r.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary.replace(/\s+/g, ' ')).slice(0, 5),
            count: v.nodes.length,
          })),
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        };
      }, TAGS);
      const problems = [...result.violations];
      if (width <= 320 && result.scrollWidth > result.innerWidth) {
        problems.push({ id: 'reflow-1.4.10', impact: 'serious', count: 1,
          help: `the page scrolls sideways at ${width} px (content ${result.scrollWidth} px wide)`, nodes: [] });
      }
      failures += problems.length;
      console.log(`${file} @${width}px: axe-core ${result.version}, ${problems.length} violations`);
      for (const v of problems) {
        console.log(`  ${v.id} (${v.impact}, ${v.count} nodes): ${v.help}`);
        v.nodes.forEach((n) => console.log(`    ${n}`));
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'accessibility: 0 violations' : `accessibility: ${failures} violations`);
process.exit(failures === 0 ? 0 : 1);
