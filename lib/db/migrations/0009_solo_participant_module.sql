ALTER TABLE "participants" ADD COLUMN "module_id" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "content_version" text;