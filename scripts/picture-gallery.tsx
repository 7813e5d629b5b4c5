/**
 * `npx tsx scripts/picture-gallery.tsx <out.html> [locale]`: every story picture of the module on
 * one page, each with its node and alt text, to look at the whole set side by side (the pictures
 * are judged as a set: one style, one cast). Writes a static HTML file; no server needed.
 */
import { writeFile } from 'node:fs/promises';
import { renderToStaticMarkup } from 'react-dom/server';
import StoryPicture from '@/components/pictures/StoryPicture';
import { routing, type Locale } from '@/i18n/routing';
import { getModule } from '@/lib/content/load';
import { toPlayerModule } from '@/lib/content/player';

const out = process.argv[2] ?? 'picture-gallery.html';
const localeArg = process.argv[3] ?? routing.defaultLocale;
const locale = (routing.locales as readonly string[]).includes(localeArg) ? (localeArg as Locale) : routing.defaultLocale;

const module = toPlayerModule(await getModule(), locale);
const figures = module.scenarios.flatMap((scenario) =>
  Object.values(scenario.nodes).map((node) => {
    const svg = node.picture ? renderToStaticMarkup(<StoryPicture picture={node.picture} />) : '<p>No picture</p>';
    return `<figure id="${scenario.id}--${node.id}"><div class="frame">${svg}</div><figcaption><b>${scenario.id}/${node.id}</b> (${node.kind}) ${node.picture?.alt ?? ''}</figcaption></figure>`;
  }),
);
const html = `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>Story pictures</title>
<style>body{font-family:system-ui;margin:16px;background:#f6f7f9}figure{margin:0 0 24px;max-width:640px}.frame{aspect-ratio:16/9;border-radius:12px;overflow:hidden}.frame svg{width:100%;height:100%;display:block}figcaption{font-size:13px;color:#3d4b5a}</style>
<body>${figures.join('\n')}</body></html>`;
await writeFile(out, html);
console.log(`${figures.length} pictures written to ${out}`);
