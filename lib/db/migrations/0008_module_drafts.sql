CREATE TABLE "module_drafts" (
	"module_id" text PRIMARY KEY NOT NULL,
	"files" jsonb NOT NULL,
	"translated_from" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"base_version" text,
	"revision" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "module_drafts" ADD CONSTRAINT "module_drafts_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;