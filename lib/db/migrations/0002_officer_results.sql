CREATE TABLE "session_summaries" (
	"class_session_id" uuid PRIMARY KEY NOT NULL,
	"format" smallint NOT NULL,
	"summary" jsonb NOT NULL,
	"answers_through" timestamp with time zone,
	"participant_count" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "pairing_hash" text;--> statement-breakpoint
ALTER TABLE "session_summaries" ADD CONSTRAINT "session_summaries_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_follow_up_of_class_sessions_id_fk" FOREIGN KEY ("follow_up_of") REFERENCES "public"."class_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_sessions_follow_up_of_idx" ON "class_sessions" USING btree ("follow_up_of");--> statement-breakpoint
CREATE INDEX "participants_pairing_hash_idx" ON "participants" USING btree ("pairing_hash");