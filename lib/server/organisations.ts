import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { CreateOrganisationBody } from '@/lib/api/staff-schemas';
import type { Database } from '@/lib/db/client';
import { organisations, staffUsers, type OrganisationKind, type StaffRole } from '@/lib/db/schema';

/** Schools, colleges and other bodies, and the staff who use the app: administration only. */

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  area: string;
}

export type CreateOrganisationResult = { ok: true; organisation: Organisation } | { ok: false; error: 'name_taken' };

/** Names are unique regardless of case, so "Riverside College" can't be added twice. */
export async function createOrganisation(db: Database, { name, kind, area }: CreateOrganisationBody): Promise<CreateOrganisationResult> {
  const [same] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(sql`lower(${organisations.name})`, name.toLowerCase()))
    .limit(1);
  if (same !== undefined) return { ok: false, error: 'name_taken' };
  // The unique constraint settles a race between two administrators adding the same name.
  const [created] = await db
    .insert(organisations)
    .values({ name, kind, area })
    .onConflictDoNothing()
    .returning({ id: organisations.id, name: organisations.name, kind: organisations.kind, area: organisations.area });
  return created === undefined ? { ok: false, error: 'name_taken' } : { ok: true, organisation: created };
}

export async function listOrganisations(db: Database): Promise<Organisation[]> {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, area: organisations.area })
    .from(organisations)
    .orderBy(asc(organisations.name));
}

export interface Person {
  id: string;
  displayName: string;
  email: string;
  role: StaffRole;
  organisationName: string | null;
}

/** Every member of staff with their role and organisation, by name. Never their password hash. */
export async function listPeople(db: Database): Promise<Person[]> {
  return db
    .select({
      id: staffUsers.id,
      displayName: staffUsers.displayName,
      email: staffUsers.email,
      role: staffUsers.role,
      organisationName: organisations.name,
    })
    .from(staffUsers)
    .leftJoin(organisations, eq(organisations.id, staffUsers.organisationId))
    .orderBy(asc(staffUsers.displayName), asc(staffUsers.email));
}
