/** The session report and its CSV, as a teacher downloads it. */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type enReport from '@/messages/en-GB/Report.json';
import { parseCsv } from '../../support/csv';
import { expect } from './fixtures';

export const reportMessages = JSON.parse(readFileSync(path.join(process.cwd(), 'messages/en-GB/Report.json'), 'utf8')) as typeof enReport;

/** Clicks the report's CSV link and returns the file: its text (BOM removed), header and rows. */
export async function downloadReportCsv(page: Page, joinCode: string): Promise<{ text: string; header: string[]; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: reportMessages.actions.downloadCsv }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^class-report-${joinCode}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const file = await download.path();
  const raw = await readFile(file, 'utf8');
  expect(raw.charCodeAt(0)).toBe(0xfeff);
  const text = raw.slice(1);
  const [header = [], ...rows] = parseCsv(text);
  return { text, header, rows };
}
