CREATE TABLE "answer_replays" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"response" jsonb NOT NULL,
	"shown_order" jsonb,
	"content_version" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answer_replays_participant_item_unique" UNIQUE("participant_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "shown_order" jsonb;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "path" text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "last_activity_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "opens_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "answer_replays" ADD CONSTRAINT "answer_replays_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_path_check" CHECK ("class_sessions"."path" in ('core', 'full'));--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_closed_reason_check" CHECK ("class_sessions"."closed_reason" in ('teacher', 'inactive', 'time'));--> statement-breakpoint
UPDATE "class_sessions" SET "closed_reason" = 'teacher', "last_activity_at" = coalesce("closed_at", "created_at") WHERE "status" = 'closed';
