/**
 * Helpers for driving the authoring studio's editor (components/studio) by its own fields: the
 * Studio messages, the section tabs, and a string's en-GB and pl inputs (ids `s-<locale>-<id>`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type enStudio from '@/messages/en-GB/Studio.json';
import { expect } from './fixtures';

export const studioMessages = JSON.parse(readFileSync(path.join(process.cwd(), 'messages/en-GB/Studio.json'), 'utf8')) as typeof enStudio;
const m = studioMessages;

export const exact = (name: string) => ({ name, exact: true });
/** An ICU message with its simple `{name}` placeholders filled in. */
export const format = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

/** Starts a new module from the studio's page and waits for its editor. */
export async function newStudioModule(page: Page, id: string, titles: { 'en-GB': string; pl: string }): Promise<void> {
  await page.goto('/en-GB/studio');
  await expect(page.getByRole('heading', { level: 1, ...exact(m.heading) })).toBeVisible();
  await page.getByLabel(m.newModule.id, { exact: true }).fill(id);
  await page.getByLabel(format(m.newModule.title, { language: m.newModule.language['en-GB'] }), { exact: true }).fill(titles['en-GB']);
  await page.getByLabel(format(m.newModule.title, { language: m.newModule.language.pl }), { exact: true }).fill(titles.pl);
  await page.getByRole('button', exact(m.newModule.submit)).click();
  await expect(page.getByRole('heading', { level: 1, ...exact(format(m.editorHeading, { title: titles['en-GB'] })) })).toBeVisible();
}

export const studioTab = (page: Page, section: keyof typeof m.sections) =>
  page.getByRole('navigation', exact(m.sectionsLabel)).getByRole('button', exact(m.sections[section]));

/** One locale's input of one string (`items.q-seat.prompt`). */
export const stringField = (page: Page, locale: 'en-GB' | 'pl', id: string) => page.locator(`[id="s-${locale}-${id}"]`);

/** Types a string in both languages. */
export async function typePair(page: Page, id: string, text: { en: string; pl: string }): Promise<void> {
  await stringField(page, 'en-GB', id).fill(text.en);
  await stringField(page, 'pl', id).fill(text.pl);
}

/** The part of the editor that holds one content id (a fact, a question, a story). */
export const entity = (page: Page, id: string): Locator => page.locator(`[id="e-${id}"]`);

/** Adds a part by id with an editor's "Add" form (`name`: fact, item, source, plan…). */
export async function addById(page: Page, name: string, id: string, kind?: string): Promise<void> {
  if (kind !== undefined) await page.locator(`#add-${name}-kind`).selectOption(kind);
  await page.locator(`#add-${name}-id`).fill(id);
  await page.locator(`#add-${name}-id`).press('Enter');
  await expect(entity(page, id)).toBeVisible();
}

/** The content check's panel and its one-line verdict. */
export const checkPanel = (page: Page) => page.getByRole('region', exact(m.check.title));
export const checkStatus = (page: Page) => checkPanel(page).getByRole('status');
