CREATE TABLE "module_versions" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "module_versions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"module_id" text NOT NULL,
	"version" text NOT NULL,
	"files" jsonb NOT NULL,
	"files_hash" text NOT NULL,
	"origin" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" jsonb NOT NULL,
	CONSTRAINT "module_versions_origin_check" CHECK ("module_versions"."origin" in ('files', 'studio'))
);
--> statement-breakpoint
ALTER TABLE "module_versions" ADD CONSTRAINT "module_versions_published_by_staff_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "module_versions_module_seq_idx" ON "module_versions" USING btree ("module_id","seq");--> statement-breakpoint
CREATE INDEX "module_versions_module_version_idx" ON "module_versions" USING btree ("module_id","version","seq");--> statement-breakpoint
CREATE INDEX "module_versions_files_hash_idx" ON "module_versions" USING btree ("module_id","files_hash");