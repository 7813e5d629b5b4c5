CREATE TABLE "session_changes" (
	"class_session_id" uuid PRIMARY KEY NOT NULL,
	"changes" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_summaries" ADD COLUMN "changes_seen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Kept by the database itself (lib/db/schema.ts, sessionChanges): once per statement, for every
-- session the statement's rows belong to, in session order so that concurrent statements lock alike.
CREATE FUNCTION "count_session_changes_of_participants"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "session_changes" ("class_session_id", "changes")
	SELECT DISTINCT "class_session_id", 1 FROM "changed_rows" WHERE "class_session_id" IS NOT NULL ORDER BY 1
	ON CONFLICT ("class_session_id") DO UPDATE SET "changes" = "session_changes"."changes" + 1;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "count_session_changes_of_answers"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "session_changes" ("class_session_id", "changes")
	SELECT DISTINCT "p"."class_session_id", 1
	FROM (SELECT DISTINCT "participant_id" FROM "changed_rows") AS "a"
	JOIN "participants" AS "p" ON "p"."id" = "a"."participant_id"
	WHERE "p"."class_session_id" IS NOT NULL ORDER BY 1
	ON CONFLICT ("class_session_id") DO UPDATE SET "changes" = "session_changes"."changes" + 1;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "participants_inserted_session_changes" AFTER INSERT ON "participants" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_session_changes_of_participants"();--> statement-breakpoint
CREATE TRIGGER "participants_deleted_session_changes" AFTER DELETE ON "participants" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_session_changes_of_participants"();--> statement-breakpoint
CREATE TRIGGER "participants_updated_session_changes" AFTER UPDATE ON "participants" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_session_changes_of_participants"();--> statement-breakpoint
CREATE TRIGGER "answers_inserted_session_changes" AFTER INSERT ON "answers" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_session_changes_of_answers"();--> statement-breakpoint
CREATE TRIGGER "answers_deleted_session_changes" AFTER DELETE ON "answers" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_session_changes_of_answers"();--> statement-breakpoint
CREATE TRIGGER "answers_updated_session_changes" AFTER UPDATE ON "answers" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_session_changes_of_answers"();--> statement-breakpoint
-- Existing data: every session has changed once, and a summary that was up to date by the old
-- test (same participant count, no answer received after it) has seen that change.
INSERT INTO "session_changes" ("class_session_id", "changes") SELECT "id", 1 FROM "class_sessions";--> statement-breakpoint
UPDATE "session_summaries" AS "s" SET "changes_seen" = 1
WHERE "s"."participant_count" = (SELECT count(*) FROM "participants" AS "p" WHERE "p"."class_session_id" = "s"."class_session_id")
AND coalesce((SELECT max("a"."received_at") FROM "answers" AS "a" JOIN "participants" AS "p" ON "p"."id" = "a"."participant_id" WHERE "p"."class_session_id" = "s"."class_session_id"), '-infinity') <= coalesce("s"."answers_through", '-infinity');
