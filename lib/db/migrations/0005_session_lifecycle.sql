ALTER TABLE "class_sessions" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "last_activity_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD COLUMN "opens_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_closed_reason_check" CHECK ("class_sessions"."closed_reason" in ('teacher', 'inactive', 'time'));