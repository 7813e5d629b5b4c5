CREATE TABLE "answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"phase" text NOT NULL,
	"response" jsonb NOT NULL,
	"correct" boolean,
	"confidence" smallint,
	"content_version" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answers_participant_item_phase_unique" UNIQUE("participant_id","item_id","phase"),
	CONSTRAINT "answers_phase_check" CHECK ("answers"."phase" in ('before', 'main', 'after', 'followup')),
	CONSTRAINT "answers_confidence_check" CHECK ("answers"."confidence" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answers_item_version_idx" ON "answers" USING btree ("item_id","content_version");