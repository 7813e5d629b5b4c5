CREATE TABLE "live_releases" (
	"class_session_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"release" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_releases_class_session_id_subject_pk" PRIMARY KEY("class_session_id","subject")
);
--> statement-breakpoint
ALTER TABLE "live_releases" ADD CONSTRAINT "live_releases_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;