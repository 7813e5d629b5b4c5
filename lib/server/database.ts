import 'server-only';

/** Route handlers reach the database through lib/server; app/ never imports lib/db (DESIGN.md, Layout). */
export { getDatabase } from '@/lib/db/client';
